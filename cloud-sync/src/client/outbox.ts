// The outbox: changes recorded in the caller's transaction, read in batches, acknowledged after the hub
// confirmed them. Acknowledged rows are kept a while for diagnosis and then pruned.
import type BetterSqlite3 from 'better-sqlite3';
import { monotonicFactory } from 'ulid';
import { ConversationSchema, MessageSchema } from '../schema/conversation.ts';
import { DeviceEventSchema } from '../schema/device-event.ts';
import { HealthSnapshotSchema } from '../schema/health.ts';
import { TicketUpdateSchema } from '../schema/ticket.ts';
import { Hlc } from '../schema/hlc.ts';
import type { ChangeEnvelope } from '../schema/change.ts';
import type { OutboxWriter, UpEntity } from './contract.ts';
import { SyncStateValue } from './sync-state.ts';

const HLC_KEY = 'hlc.last';

const SCHEMAS = {
  conversation: ConversationSchema,
  message: MessageSchema,
  device_event: DeviceEventSchema,
  ticket: TicketUpdateSchema,
  health: HealthSnapshotSchema,
};

export interface OutboxBatch {
  changes: ChangeEnvelope[];
  bytes: number;
}

export class Outbox implements OutboxWriter {
  private readonly ulid = monotonicFactory();
  private readonly insert: BetterSqlite3.Statement;
  private readonly lastHlc: SyncStateValue;
  private readonly selectPending: BetterSqlite3.Statement;
  private readonly countPending: BetterSqlite3.Statement;
  private readonly markAcked: BetterSqlite3.Statement;
  private readonly prune: BetterSqlite3.Statement;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly kioskId: string,
    readonly hlc: Hlc,
  ) {
    this.insert = db.prepare(
      `INSERT INTO sync_outbox (id, entity, entity_id, hlc, data, bytes, created_at)
       VALUES (@id, @entity, @entityId, @hlc, @data, @bytes, @createdAt)`,
    );
    this.lastHlc = new SyncStateValue(db, HLC_KEY);
    this.selectPending = db.prepare(
      'SELECT id, entity, entity_id, hlc, data, bytes FROM sync_outbox WHERE acked_at IS NULL ORDER BY seq LIMIT ?',
    );
    this.countPending = db.prepare(
      'SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS b FROM sync_outbox WHERE acked_at IS NULL',
    );
    this.markAcked = db.prepare('UPDATE sync_outbox SET acked_at = ? WHERE id = ? AND acked_at IS NULL');
    this.prune = db.prepare('DELETE FROM sync_outbox WHERE acked_at IS NOT NULL AND acked_at < ?');
    hlc.restore(this.lastHlc.get());
  }

  /** Validates and records one change; joins the caller's transaction when there is one. */
  enqueue(change: UpEntity): string {
    const data = SCHEMAS[change.entity].parse(change.data) as { id: string; kioskId?: string };
    if (data.kioskId !== undefined && data.kioskId !== this.kioskId) {
      throw new Error(`${change.entity} ${data.id} belongs to kiosk ${data.kioskId}, not ${this.kioskId}`);
    }
    const id = this.ulid();
    const hlc = Hlc.serialize(this.hlc.now());
    const json = JSON.stringify(data);
    this.insert.run({
      id,
      entity: change.entity,
      entityId: data.id,
      hlc,
      data: json,
      // UTF-8 bytes, not characters: Chinese text is three bytes a character on the wire.
      bytes: Buffer.byteLength(json) + 200,
      createdAt: new Date().toISOString(),
    });
    this.lastHlc.set(hlc);
    return id;
  }

  /** The oldest unacknowledged changes, at most `maxChanges` and about `maxBytes` of JSON. */
  nextBatch(maxChanges: number, maxBytes: number): OutboxBatch {
    const rows = this.selectPending.all(maxChanges) as {
      id: string;
      entity: ChangeEnvelope['entity'];
      entity_id: string;
      hlc: string;
      data: string;
      bytes: number;
    }[];
    const changes: ChangeEnvelope[] = [];
    let bytes = 0;
    for (const r of rows) {
      // Always send at least one, so a single large change cannot stall the queue.
      if (changes.length > 0 && bytes + r.bytes > maxBytes) break;
      bytes += r.bytes;
      changes.push({
        id: r.id,
        kioskId: this.kioskId,
        entity: r.entity,
        entityId: r.entity_id,
        op: 'upsert',
        hlc: r.hlc,
        data: JSON.parse(r.data),
      } as ChangeEnvelope);
    }
    return { changes, bytes };
  }

  /** Marks the hub-confirmed changes as acknowledged, in one local transaction. */
  acknowledge(ids: readonly string[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of ids) this.markAcked.run(now, id);
    })();
  }

  /** Moves one unacknowledged change into sync_quarantine (one transaction), with why the hub refused it. */
  quarantine(id: string, status: number, error: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR IGNORE INTO sync_quarantine
             (id, entity, entity_id, hlc, data, status, error, created_at, quarantined_at)
           SELECT id, entity, entity_id, hlc, data, ?, ?, created_at, ? FROM sync_outbox
           WHERE id = ? AND acked_at IS NULL`,
        )
        .run(status, error.slice(0, 2000), new Date().toISOString(), id);
      this.db.prepare('DELETE FROM sync_outbox WHERE id = ? AND acked_at IS NULL').run(id);
    })();
  }

  /** How many changes sit in quarantine. */
  quarantined(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sync_quarantine').get() as { n: number }).n;
  }

  pending(): number {
    return this.pendingSize().changes;
  }

  /** Unacknowledged changes and their approximate wire bytes. */
  pendingSize(): { changes: number; bytes: number } {
    const r = this.countPending.get() as { n: number; b: number };
    return { changes: r.n, bytes: r.b };
  }

  /** Deletes acknowledged rows older than the retention. */
  pruneAcked(retentionMs: number): void {
    this.prune.run(new Date(Date.now() - retentionMs).toISOString());
  }
}
