// What the supervisor's desk reads and writes in the hub store, for both stores: the call-event log,
// quality scores, and tickets by time for the export.
import type { Ticket } from '../../schema/ticket.ts';
import { CallEventRows, type StoreDialect } from './call-event-rows.ts';
import { QualityScoreRows } from './quality-rows.ts';
import type { SqlRunner } from './recording-rows.ts';

export class SupervisorRows {
  readonly events: CallEventRows;
  readonly scores: QualityScoreRows;

  constructor(
    private readonly sql: SqlRunner,
    dialect: StoreDialect,
  ) {
    this.events = new CallEventRows(sql, dialect);
    this.scores = new QualityScoreRows(sql);
  }

  /** Complete tickets last updated at or after `since` and before `until` (ISO), oldest first. */
  async ticketsUpdatedBetween(since: string, until: string, limit: number): Promise<Ticket[]> {
    const rows = await this.sql.all(
      `SELECT data FROM tickets WHERE data IS NOT NULL AND updated_at >= ? AND updated_at < ?
       ORDER BY updated_at, id LIMIT ?`,
      [since, until, limit],
    );
    return rows.map((r) => JSON.parse(String(r.data)) as Ticket);
  }
}
