// The ticket desk's rows, written once with `?` placeholders for both stores: a ticket opened at the
// hub, the escalation flags, and what the hub holds around a device fault (the runbook event, health,
// the device's events) and a conversation's recordings.
import type { DeviceEvent } from '../../schema/device-event.ts';
import type { HealthSnapshot } from '../../schema/health.ts';
import type { Ticket } from '../../schema/ticket.ts';
import type { JsonField } from './missed-questions.ts';
import type { SqlRunner } from './recording-rows.ts';

export interface TicketRowValues {
  id: string;
  kioskId: string;
  hlc: string;
  state: string;
  data: string | null;
  updatedAt: string | null;
}

export class TicketDeskRows {
  constructor(
    private readonly sql: SqlRunner,
    private readonly json: JsonField,
  ) {}

  /** A ticket made at the hub (its merge state and materialized data); false when the id exists. */
  async create(row: TicketRowValues): Promise<boolean> {
    const n = await this.sql.run(
      `INSERT INTO tickets (id, kiosk_id, hlc, state, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [row.id, row.kioskId, row.hlc, row.state, row.data, row.updatedAt],
    );
    return n > 0;
  }

  async kioskExists(id: string): Promise<boolean> {
    return (await this.sql.all('SELECT id FROM kiosks WHERE id = ?', [id])).length > 0;
  }

  /** When each of these tickets was escalated (absent: never). */
  async escalations(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 200) {
      const part = ids.slice(i, i + 200);
      const rows = await this.sql.all(
        `SELECT ticket_id, escalated_at FROM ticket_escalations WHERE ticket_id IN (${part.map(() => '?').join(', ')})`,
        [...part],
      );
      for (const r of rows) out.set(String(r.ticket_id), String(r.escalated_at));
    }
    return out;
  }

  /** Flags the ticket once; false when another pass (or hub instance) already did. */
  async escalate(ticketId: string, dueAt: string, at: string): Promise<boolean> {
    const n = await this.sql.run(
      'INSERT INTO ticket_escalations (ticket_id, due_at, escalated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [ticketId, dueAt, at],
    );
    return n > 0;
  }

  /** Complete tickets not resolved or closed and never escalated: the escalation job's candidates. */
  async unescalatedOpen(limit: number): Promise<Ticket[]> {
    const status = this.json(['status']);
    const rows = await this.sql.all(
      `SELECT data FROM tickets t WHERE data IS NOT NULL AND ${status} NOT IN ('resolved', 'closed')
       AND NOT EXISTS (SELECT 1 FROM ticket_escalations e WHERE e.ticket_id = t.id)
       ORDER BY updated_at, id LIMIT ?`,
      [limit],
    );
    return rows.map((r) => JSON.parse(String(r.data)) as Ticket);
  }

  /** The kiosk's `runbook.result` event that opened this device-fault ticket, if it arrived. */
  async runbookEvent(ticket: Ticket): Promise<DeviceEvent | null> {
    const rows = await this.sql.all(
      `SELECT data FROM device_events WHERE kiosk_id = ? AND type = 'runbook.result' AND at = ?`,
      [ticket.kioskId, ticket.createdAt],
    );
    const events = rows.map((r) => JSON.parse(String(r.data)) as DeviceEvent);
    return events.find((e) => e.data?.ticketId === ticket.id) ?? null;
  }

  /** The kiosk's last health snapshot at or before `at`. */
  async healthAt(kioskId: string, at: string): Promise<HealthSnapshot | null> {
    const [row] = await this.sql.all(
      'SELECT data FROM health_snapshots WHERE kiosk_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1',
      [kioskId, at],
    );
    return row ? (JSON.parse(String(row.data)) as HealthSnapshot) : null;
  }

  /** The kiosk's device events from one source in [since, until], newest first. */
  async deviceEvents(
    kioskId: string,
    source: string,
    since: string,
    until: string,
    limit: number,
  ): Promise<DeviceEvent[]> {
    const rows = await this.sql.all(
      `SELECT data FROM device_events WHERE kiosk_id = ? AND at >= ? AND at <= ? ORDER BY at DESC, id DESC`,
      [kioskId, since, until],
    );
    return rows
      .map((r) => JSON.parse(String(r.data)) as DeviceEvent)
      .filter((e) => e.source === source)
      .slice(0, limit);
  }

  /** The recordings of the calls of this conversation (found through the calls' access grants). */
  async recordingsOf(
    conversationId: string,
    kioskId: string,
  ): Promise<{ id: string; startedAt: string; agent: string }[]> {
    const rows = await this.sql.all(
      `SELECT DISTINCT r.id, r.started_at, r.agent FROM recordings r
       JOIN conversation_grants g ON g.handoff_id = r.handoff_id
       WHERE g.conversation_id = ? AND g.kiosk_id = ? ORDER BY r.started_at, r.id`,
      [conversationId, kioskId],
    );
    return rows.map((r) => ({ id: String(r.id), startedAt: String(r.started_at), agent: String(r.agent) }));
  }
}
