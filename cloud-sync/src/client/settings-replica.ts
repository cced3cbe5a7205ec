// The kiosk's replica of configuration and routing rules, pulled like the knowledge base
// (paged-replica.ts); read as this kiosk's effective configuration and its routing rules.
import type BetterSqlite3 from 'better-sqlite3';
import {
  settingsIdentity,
  type ConfigEntry,
  type RoutingRule,
  type SettingsDoc,
} from '../schema/settings.ts';
import { PagedReplica } from './paged-replica.ts';

export class SettingsReplica extends PagedReplica<SettingsDoc> {
  private readonly selectKind: BetterSqlite3.Statement;

  constructor(
    db: BetterSqlite3.Database,
    private readonly kioskId: string,
  ) {
    super(
      db,
      'pull.settings.checkpoint',
      `INSERT INTO sync_settings (kind, id, scope, version, data) VALUES (@kind, @id, @scope, @version, @data)
       ON CONFLICT(kind, id, scope) DO UPDATE SET version = excluded.version, data = excluded.data
       WHERE excluded.version > sync_settings.version`,
      (d) => ({ ...settingsIdentity(d), version: d.doc.version, data: JSON.stringify(d) }),
    );
    this.selectKind = db.prepare('SELECT scope, data FROM sync_settings WHERE kind = ? ORDER BY id, scope');
  }

  /** Fleet-wide values, overridden by this kiosk's own entries. */
  config(): Record<string, unknown> {
    const rows = this.selectKind.all('config') as { scope: string; data: string }[];
    const out: Record<string, unknown> = {};
    for (const scoped of [false, true]) {
      for (const r of rows) {
        if ((r.scope !== '') !== scoped || (scoped && r.scope !== this.kioskId)) continue;
        const entry = (JSON.parse(r.data) as { doc: ConfigEntry }).doc;
        out[entry.key] = entry.value;
      }
    }
    return out;
  }

  routingRules(): RoutingRule[] {
    const rows = this.selectKind.all('routing_rule') as { data: string }[];
    return rows
      .map((r) => (JSON.parse(r.data) as { doc: RoutingRule }).doc)
      .sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.priority - b.priority);
  }
}
