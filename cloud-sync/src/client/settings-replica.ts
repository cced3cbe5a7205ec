// The kiosk's replica of configuration and routing rules, pulled like the knowledge base: a page and
// its checkpoint commit together, and only a newer version replaces a stored one.
import type BetterSqlite3 from 'better-sqlite3';
import {
  settingsIdentity,
  type ConfigEntry,
  type RoutingRule,
  type SettingsDoc,
} from '../schema/settings.ts';

const CHECKPOINT_KEY = 'pull.settings.checkpoint';

export class SettingsReplica {
  private readonly upsert: BetterSqlite3.Statement;
  private readonly saveCheckpoint: BetterSqlite3.Statement;
  private readonly readCheckpoint: BetterSqlite3.Statement;
  private readonly selectKind: BetterSqlite3.Statement;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly kioskId: string,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO sync_settings (kind, id, scope, version, data) VALUES (@kind, @id, @scope, @version, @data)
       ON CONFLICT(kind, id, scope) DO UPDATE SET version = excluded.version, data = excluded.data
       WHERE excluded.version > sync_settings.version`,
    );
    this.saveCheckpoint = db.prepare(
      `INSERT INTO sync_state (key, value) VALUES ('${CHECKPOINT_KEY}', ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    this.readCheckpoint = db.prepare(`SELECT value FROM sync_state WHERE key = '${CHECKPOINT_KEY}'`);
    this.selectKind = db.prepare('SELECT scope, data FROM sync_settings WHERE kind = ? ORDER BY id, scope');
  }

  checkpoint(): string {
    return (this.readCheckpoint.get() as { value: string } | undefined)?.value ?? '';
  }

  applyPage(docs: readonly SettingsDoc[], checkpoint: string): number {
    return this.db.transaction(() => {
      let changed = 0;
      for (const d of docs) {
        const { kind, id, scope } = settingsIdentity(d);
        changed += this.upsert.run({
          kind,
          id,
          scope,
          version: d.doc.version,
          data: JSON.stringify(d),
        }).changes;
      }
      this.saveCheckpoint.run(checkpoint);
      return changed;
    })();
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
