// The call desk's rows, written once with `?` placeholders for both stores: the canned replies
// supervisors keep, a call put on hold, and a call passed to another desk. A transfer puts the call
// back to waiting in the new queue with its enqueued_at, priority and rank untouched, so the customer
// keeps their place.
import type { CannedReply, CannedReplyCreate } from '../../schema/call-desk-api.ts';
import type { CallTransfer, QueueName } from '../../schema/handoff.ts';
import { HANDOFF_COLUMNS, handoffFromRow, type HandoffRow } from './handoff-rows.ts';
import type { SqlRunner } from './recording-rows.ts';
import type { Row } from './rows.ts';

const CANNED = 'id, title, text_en, text_zh, created_by, created_at';

function cannedFromRow(r: Row): CannedReply {
  return {
    id: String(r.id),
    title: String(r.title),
    en: String(r.text_en),
    'zh-CN': String(r.text_zh),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
  };
}

export class CallDeskRows {
  constructor(private readonly sql: SqlRunner) {}

  /** Every canned reply, by title. */
  async cannedReplies(): Promise<CannedReply[]> {
    const rows = await this.sql.all(`SELECT ${CANNED} FROM canned_replies ORDER BY title, id`, []);
    return rows.map(cannedFromRow);
  }

  async cannedReply(id: string): Promise<CannedReply | null> {
    const rows = await this.sql.all(`SELECT ${CANNED} FROM canned_replies WHERE id = ?`, [id]);
    return rows[0] ? cannedFromRow(rows[0]) : null;
  }

  async addCannedReply(r: CannedReply): Promise<void> {
    await this.sql.run(`INSERT INTO canned_replies (${CANNED}) VALUES (?, ?, ?, ?, ?, ?)`, [
      r.id,
      r.title,
      r.en,
      r['zh-CN'],
      r.createdBy,
      r.createdAt,
    ]);
  }

  /** Replaces one's title and texts (its id and creation stay); the reply as it is now, or null. */
  async editCannedReply(id: string, r: CannedReplyCreate): Promise<CannedReply | null> {
    const rows = await this.sql.all(
      `UPDATE canned_replies SET title = ?, text_en = ?, text_zh = ? WHERE id = ? RETURNING ${CANNED}`,
      [r.title, r.en, r['zh-CN'], id],
    );
    return rows[0] ? cannedFromRow(rows[0]) : null;
  }

  /** Removes one; the reply as it was, or null when there was none. */
  async removeCannedReply(id: string): Promise<CannedReply | null> {
    const rows = await this.sql.all(`DELETE FROM canned_replies WHERE id = ? RETURNING ${CANNED}`, [id]);
    return rows[0] ? cannedFromRow(rows[0]) : null;
  }

  /** The call `id` of `agent` is on hold since `at` (null: resumed); false when it is not their call. */
  async setHold(id: string, agent: string, at: number | null): Promise<boolean> {
    const n = await this.sql.run(
      "UPDATE handoffs SET held_at = ? WHERE id = ? AND state = 'in_call' AND agent = ?",
      [at, id, agent],
    );
    return n === 1;
  }

  /**
   * The call `id`, held by `agent`, waits again in `queue` carrying the transfer; null when it is no
   * longer that agent's call (it ended, or was passed on, meanwhile).
   */
  async transfer(id: string, agent: string, queue: QueueName, t: CallTransfer): Promise<HandoffRow | null> {
    const rows = await this.sql.all(
      `UPDATE handoffs SET state = 'waiting', queue = ?, agent = NULL, agent_name = NULL, accepted_at = NULL,
         transfer = ?, held_at = NULL
       WHERE id = ? AND state = 'in_call' AND agent = ? RETURNING ${HANDOFF_COLUMNS}`,
      [queue, JSON.stringify(t), id, agent],
    );
    return rows[0] ? handoffFromRow(rows[0]) : null;
  }
}
