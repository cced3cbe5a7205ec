// Applying one push batch on SQLite: one better-sqlite3 transaction, the ledger row of each change
// first (a change already there is a duplicate), then its record. Part of the SQLite store.
import type { SqliteConnection, SqliteStatement } from './sqlite-connection.ts';
import type { ChangeEnvelope } from '../../schema/change.ts';
import { mergeTicket, type TicketMergeState } from '../../schema/ticket-merge.ts';
import { editRefusal, ticketRow } from './ticket-rows.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import { OwnershipError, type ApplyResult, type StoreTestHooks, type TicketEditOutcome } from './types.ts';

export class SqliteBatchApplier {
  private readonly q;

  constructor(
    private readonly db: SqliteConnection,
    private readonly hooks: StoreTestHooks,
  ) {
    const p = (sql: string): SqliteStatement => db.prepare(sql);
    this.q = {
      // The ledger row first: a change already there inserts nothing, and that is the duplicate test.
      insertChange: p(
        'INSERT OR IGNORE INTO changes (id, kiosk_id, entity, entity_id, hlc, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      conversationOwner: p('SELECT kiosk_id FROM conversations WHERE id = ?'),
      messageOwner: p('SELECT kiosk_id FROM messages WHERE id = ?'),
      eventOwner: p('SELECT kiosk_id FROM device_events WHERE id = ?'),
      insertEvent: p(
        `INSERT OR IGNORE INTO device_events (id, kiosk_id, at, type, severity, data)
         VALUES (@id, @kioskId, @at, @type, @severity, @data)`,
      ),
      upsertConversation: p(
        `INSERT INTO conversations (id, kiosk_id, hlc, started_at, data) VALUES (@id, @kioskId, @hlc, @startedAt, @data)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, started_at = excluded.started_at, data = excluded.data
         WHERE excluded.hlc > conversations.hlc`,
      ),
      upsertMessage: p(
        `INSERT INTO messages (id, conversation_id, kiosk_id, hlc, at, data)
         VALUES (@id, @conversationId, @kioskId, @hlc, @at, @data)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, at = excluded.at, data = excluded.data
         WHERE excluded.hlc > messages.hlc`,
      ),
      ticketState: p('SELECT kiosk_id, state FROM tickets WHERE id = ?'),
      putTicket: p(
        `INSERT INTO tickets (id, kiosk_id, hlc, state, data, updated_at) VALUES (@id, @kioskId, @hlc, @state, @data, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, state = excluded.state, data = excluded.data,
           updated_at = excluded.updated_at`,
      ),
      healthOwner: p('SELECT kiosk_id FROM health_snapshots WHERE id = ?'),
      insertHealth: p(
        'INSERT OR IGNORE INTO health_snapshots (id, kiosk_id, at, data) VALUES (@id, @kioskId, @at, @data)',
      ),
    };
  }

  apply(kioskId: string, changes: readonly ChangeEnvelope[]): ApplyResult {
    const run = this.db.transaction((): ApplyResult => {
      const result: ApplyResult = { applied: [], duplicates: [] };
      const receivedAt = new Date().toISOString();
      for (const change of changes) {
        const fresh = this.q.insertChange.run(
          change.id,
          kioskId,
          change.entity,
          change.entityId,
          change.hlc,
          receivedAt,
        );
        if (Number(fresh.changes) === 0) {
          result.duplicates.push(change.id);
          continue;
        }
        this.applyOne(kioskId, change);
        result.applied.push(change.id);
      }
      // Synchronous on purpose: a test hook that blocks here holds the transaction open.
      void this.hooks.beforeCommit?.(kioskId, result);
      return result;
    });
    // better-sqlite3 rolls the whole transaction back when the function throws.
    return run();
  }

  private applyOne(kioskId: string, change: ChangeEnvelope): void {
    if (change.entity === 'conversation') {
      this.assertOwner('conversation', change.data.id, this.q.conversationOwner, kioskId);
      this.q.upsertConversation.run({
        id: change.data.id,
        kioskId,
        hlc: change.hlc,
        startedAt: change.data.startedAt,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'device_event') {
      // Events are facts: the first copy stands; a later one with the same id changes nothing.
      this.assertOwner('device_event', change.data.id, this.q.eventOwner, kioskId);
      this.q.insertEvent.run({
        id: change.data.id,
        kioskId,
        at: change.data.at,
        type: change.data.type,
        severity: change.data.severity,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'health') {
      this.assertOwner('health', change.data.id, this.q.healthOwner, kioskId);
      this.q.insertHealth.run({
        id: change.data.id,
        kioskId,
        at: change.data.at,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'ticket') {
      this.applyTicket(kioskId, change.data, change.hlc);
    } else {
      this.assertOwner('message', change.data.id, this.q.messageOwner, kioskId);
      this.assertOwner('conversation', change.data.conversationId, this.q.conversationOwner, kioskId);
      this.q.upsertMessage.run({
        id: change.data.id,
        conversationId: change.data.conversationId,
        kioskId,
        hlc: change.hlc,
        at: change.data.at,
        data: JSON.stringify(change.data),
      });
    }
  }

  private applyTicket(
    kioskId: string,
    update: Extract<ChangeEnvelope, { entity: 'ticket' }>['data'],
    hlc: string,
  ): Ticket | null {
    const row = this.q.ticketState.get(update.id) as { kiosk_id: string; state: string } | undefined;
    if (row && row.kiosk_id !== kioskId) throw new OwnershipError('ticket', update.id, row.kiosk_id);
    const state = mergeTicket(row ? (JSON.parse(row.state) as TicketMergeState) : null, update, hlc);
    const { ticket, ...columns } = ticketRow(state);
    this.q.putTicket.run({ id: update.id, kioskId, ...columns });
    return ticket;
  }

  /** A hub-side edit: the ticket keeps its owner; checked against the status the editor saw. */
  editTicket(update: TicketUpdate, hlc: string, expectStatus: TicketStatus): TicketEditOutcome {
    return this.db.transaction((): TicketEditOutcome => {
      const row = this.q.ticketState.get(update.id) as { kiosk_id: string; state: string } | undefined;
      const refusal = editRefusal(row, expectStatus);
      if (refusal || !row) return refusal ?? { outcome: 'not_found' };
      const ticket = this.applyTicket(row.kiosk_id, { ...update, kioskId: row.kiosk_id }, hlc);
      return ticket ? { outcome: 'updated', ticket } : { outcome: 'not_found' };
    })();
  }

  private assertOwner(entity: string, id: string, stmt: SqliteStatement, kioskId: string): void {
    const row = stmt.get(id) as { kiosk_id: string } | undefined;
    if (row && row.kiosk_id !== kioskId) throw new OwnershipError(entity, id, row.kiosk_id);
  }
}
