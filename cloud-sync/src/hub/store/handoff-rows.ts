// Handoff state as rows (hub-tables.ts: handoffs, handoff_presence, handoff_stats), written once with
// `?` placeholders for both stores. On PostgreSQL several hub instances share them: claiming the next
// customer locks the chosen row FOR UPDATE SKIP LOCKED inside a transaction, so two instances never
// take the same customer and neither waits for the other. The order is queue.ts's rank, kept as a
// column (rank_at); which queues a role serves is queue.ts's SKILLS, passed in.
import type { HandoffRecord } from '../../handoff/call-records.ts';
import type { HandoffOutcome } from '../../handoff/handoff-limits.ts';
import { rankOf, type AgentRole, type PresenceEntry, type PresenceStatus } from '../../handoff/queue.ts';
import type { CallTransfer, HandoffRequest, QueueName } from '../../schema/handoff.ts';
import type { Row } from './rows.ts';
import type { SqlRunner } from './recording-rows.ts';

/** A runner that can also run a unit of work in one transaction, and the claim's row lock. */
export interface TxSqlRunner extends SqlRunner {
  /** PostgreSQL: 'FOR UPDATE SKIP LOCKED'; SQLite (one process, one writer): ''. */
  readonly claimLock: string;
  /** PostgreSQL: a statement taking a transaction lock on one text key (`?`); SQLite: none needed. */
  readonly keyLock: string | null;
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
}

export type HandoffState = 'waiting' | 'in_call' | 'ended' | 'abandoned';

export interface HandoffRow extends HandoffRecord {
  state: HandoffState;
  outcome: HandoffOutcome | null;
}

/** The columns handoffFromRow reads (call-desk-rows.ts's transfer returns them too). */
export const HANDOFF_COLUMNS = `id, kiosk_id, queue, request, enqueued_at, priority, state, agent, agent_name,
  accepted_at, claimed, kiosk_seen_at, outcome, transfer, held_at`;
const COLUMNS = HANDOFF_COLUMNS;
const OPEN = "state IN ('waiting', 'in_call')";

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function handoffFromRow(r: Row): HandoffRow {
  return {
    ...(r.transfer ? { transfer: JSON.parse(String(r.transfer)) as CallTransfer } : {}),
    ...(r.held_at === null || r.held_at === undefined ? {} : { heldAt: Number(r.held_at) }),
    id: String(r.id),
    kioskId: String(r.kiosk_id),
    queue: String(r.queue) as QueueName,
    request: JSON.parse(String(r.request)) as HandoffRequest,
    enqueuedAt: num(r.enqueued_at),
    priority: num(r.priority),
    state: String(r.state) as HandoffState,
    agent: strOrNull(r.agent),
    agentName: strOrNull(r.agent_name),
    acceptedAt: numOrNull(r.accepted_at),
    claimed: num(r.claimed) === 1,
    kioskSeenAt: num(r.kiosk_seen_at),
    outcome:
      r.outcome === null || r.outcome === undefined
        ? null
        : (JSON.parse(String(r.outcome)) as HandoffOutcome),
  };
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export class HandoffRows {
  constructor(private readonly sql: TxSqlRunner) {}

  /**
   * Opens a waiting request with its join token's hash, unless the kiosk already holds `maxOpen` open
   * ones (checked in the same statement, under a lock on the kiosk on PostgreSQL); false then.
   */
  async open(h: HandoffRecord, tokenHash: string, maxOpen: number): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      // Two instances opening this kiosk's last room at once: the second waits, then counts the first.
      if (this.sql.keyLock) await tx.all(this.sql.keyLock, [`handoff-kiosk:${h.kioskId}`]);
      return this.insertIfRoom(tx, h, tokenHash, maxOpen);
    });
  }

  private async insertIfRoom(
    tx: SqlRunner,
    h: HandoffRecord,
    tokenHash: string,
    maxOpen: number,
  ): Promise<boolean> {
    const changed = await tx.run(
      `INSERT INTO handoffs (id, kiosk_id, queue, request, token_hash, enqueued_at, priority, rank_at, state,
         claimed, kiosk_seen_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 0, ?
       WHERE (SELECT COUNT(*) FROM handoffs WHERE kiosk_id = ? AND ${OPEN}) < ?`,
      [
        h.id,
        h.kioskId,
        h.queue,
        JSON.stringify(h.request),
        tokenHash,
        h.enqueuedAt,
        h.priority,
        rankOf(h.enqueuedAt, h.priority),
        h.kioskSeenAt,
        h.kioskId,
        maxOpen,
      ],
    );
    return changed === 1;
  }

  /** Open (waiting or in-call) handoffs of one kiosk. */
  async openCount(kioskId: string): Promise<number> {
    const rows = await this.sql.all(`SELECT COUNT(*) AS n FROM handoffs WHERE kiosk_id = ? AND ${OPEN}`, [
      kioskId,
    ]);
    return num(rows[0]?.n ?? 0);
  }

  /** Any handoff, open or recently ended. */
  async get(id: string): Promise<HandoffRow | null> {
    const rows = await this.sql.all(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`, [id]);
    return rows[0] ? handoffFromRow(rows[0]) : null;
  }

  /** The open handoff whose join token hashes to this. */
  async byToken(tokenHash: string): Promise<HandoffRow | null> {
    const rows = await this.sql.all(`SELECT ${COLUMNS} FROM handoffs WHERE token_hash = ? AND ${OPEN}`, [
      tokenHash,
    ]);
    return rows[0] ? handoffFromRow(rows[0]) : null;
  }

  /** Every waiting handoff, best first. */
  async waiting(): Promise<HandoffRow[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM handoffs WHERE state = 'waiting' ORDER BY rank_at, enqueued_at, id`,
      [],
    );
    return rows.map(handoffFromRow);
  }

  /**
   * Takes the best waiting handoff of these queues for `agent`, atomically: the row is locked (SKIP
   * LOCKED on PostgreSQL: another instance's claim in flight is passed over, not waited for) and made
   * in_call in one transaction, with the agent's presence set busy. Null when none waits.
   */
  async claim(
    queues: readonly QueueName[],
    agent: string,
    instance: string,
    now: number,
  ): Promise<HandoffRow | null> {
    if (queues.length === 0) return null;
    return this.sql.transaction(async (tx) => {
      // One statement, so that SQLite (whose runner does not hold a transaction across awaits) is as
      // atomic as PostgreSQL, where the subquery's row lock holds until COMMIT.
      const rows = await tx.all(
        `UPDATE handoffs SET state = 'in_call', agent = ?, accepted_at = ?
         WHERE id = (SELECT id FROM handoffs WHERE state = 'waiting' AND queue IN (${marks(queues.length)})
                     ORDER BY rank_at, enqueued_at, id LIMIT 1 ${this.sql.claimLock})
           AND state = 'waiting'
         RETURNING ${COLUMNS}`,
        [agent, now, ...queues],
      );
      if (!rows[0]) return null;
      await tx.run(
        'UPDATE handoff_presence SET status = ?, seen_at = ? WHERE username = ? AND instance = ?',
        ['busy', now, agent, instance],
      );
      return handoffFromRow(rows[0]);
    });
  }

  async setAgentName(id: string, agentName: string): Promise<void> {
    await this.sql.run('UPDATE handoffs SET agent_name = ? WHERE id = ?', [agentName, id]);
  }

  /** An agent dropped mid-call: back to waiting, same enqueuedAt and priority (so at the front). */
  async requeue(id: string, agent: string): Promise<HandoffRow | null> {
    const rows = await this.sql.all(
      `UPDATE handoffs SET state = 'waiting', agent = NULL, agent_name = NULL, accepted_at = NULL,
         held_at = NULL
       WHERE id = ? AND state = 'in_call' AND agent = ? RETURNING ${COLUMNS}`,
      [id, agent],
    );
    return rows[0] ? handoffFromRow(rows[0]) : null;
  }

  /** The request as changed by the kiosk's cues, and its priority (so its rank). */
  async setRequest(id: string, request: HandoffRequest, priority: number, enqueuedAt: number): Promise<void> {
    await this.sql.run(
      `UPDATE handoffs SET request = ?, priority = ?, rank_at = ? WHERE id = ? AND ${OPEN}`,
      [JSON.stringify(request), priority, rankOf(enqueuedAt, priority), id],
    );
  }

  /** A kiosk socket holds the handoff now (claimed), or was last seen now (it closed). */
  async kioskSeen(ids: readonly string[], now: number, claimed: boolean): Promise<void> {
    if (ids.length === 0) return;
    await this.sql.run(
      `UPDATE handoffs SET kiosk_seen_at = ?${claimed ? ', claimed = 1' : ''} WHERE id IN (${marks(ids.length)})`,
      [now, ...ids],
    );
  }

  /** Waiting handoffs no kiosk socket was seen holding since `before`. */
  async unclaimedSince(before: number): Promise<HandoffRow[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM handoffs WHERE state = 'waiting' AND kiosk_seen_at <= ?`,
      [before],
    );
    return rows.map(handoffFromRow);
  }

  /** Calls whose agent no instance has refreshed since `since` (its instance was killed). */
  async orphanedCalls(since: number): Promise<HandoffRow[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM handoffs h WHERE state = 'in_call' AND NOT EXISTS
         (SELECT 1 FROM handoff_presence p WHERE p.username = h.agent AND p.seen_at >= ?)`,
      [since],
    );
    return rows.map(handoffFromRow);
  }

  /** Every call an agent is on now, oldest first (the supervisor's listen-in list). */
  async live(): Promise<HandoffRow[]> {
    const sql = `SELECT ${COLUMNS} FROM handoffs WHERE state = 'in_call' ORDER BY accepted_at, id`;
    return (await this.sql.all(sql, [])).map(handoffFromRow);
  }

  /**
   * Ends an open handoff (its token is spent); null when it had already ended (another instance, or
   * the other party, was first). Ended rows are kept to say how they ended, then pruned.
   */
  async finish(id: string, outcome: HandoffOutcome): Promise<HandoffRow | null> {
    const rows = await this.sql.all(
      `UPDATE handoffs SET state = ?, outcome = ?, token_hash = NULL, ended_at = ? WHERE id = ? AND ${OPEN}
       RETURNING ${COLUMNS}`,
      [outcome.state, JSON.stringify(outcome), outcome.at, id],
    );
    return rows[0] ? handoffFromRow(rows[0]) : null;
  }

  /** Forgets handoffs that ended before `before`. */
  async prune(before: number): Promise<number> {
    return this.sql.run(`DELETE FROM handoffs WHERE NOT (${OPEN}) AND ended_at < ?`, [before]);
  }

  async setPresence(
    username: string,
    role: AgentRole,
    status: PresenceStatus,
    instance: string,
    now: number,
  ): Promise<void> {
    await this.sql.run(
      `INSERT INTO handoff_presence (username, role, status, instance, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET role = excluded.role, status = excluded.status,
         instance = excluded.instance, seen_at = excluded.seen_at`,
      [username, role, status, instance, now],
    );
  }

  /** The agent left this instance (a newer socket on another instance keeps its row). */
  async removePresence(username: string, instance: string): Promise<void> {
    await this.sql.run('DELETE FROM handoff_presence WHERE username = ? AND instance = ?', [
      username,
      instance,
    ]);
  }

  /** This instance still holds these agents. */
  async touchPresence(instance: string, now: number): Promise<void> {
    await this.sql.run('UPDATE handoff_presence SET seen_at = ? WHERE instance = ?', [now, instance]);
  }

  /** Agents whose instance refreshed them at or after `since` (a killed instance's agents fade out). */
  async presence(since: number): Promise<PresenceEntry[]> {
    const rows = await this.sql.all(
      'SELECT username, role, status FROM handoff_presence WHERE seen_at >= ? ORDER BY username',
      [since],
    );
    return rows.map((r) => ({
      username: String(r.username),
      role: String(r.role) as AgentRole,
      status: String(r.status) as PresenceStatus,
    }));
  }

  /** A finished call's length feeds the estimated wait. */
  async recordHandled(seconds: number): Promise<void> {
    await this.sql.run(
      'UPDATE handoff_stats SET handled_s = handled_s + ?, handled_calls = handled_calls + 1',
      [Math.max(0, seconds)],
    );
  }

  async handled(): Promise<{ seconds: number; calls: number }> {
    const rows = await this.sql.all('SELECT handled_s, handled_calls FROM handoff_stats WHERE id = 1', []);
    return { seconds: num(rows[0]?.handled_s ?? 0), calls: num(rows[0]?.handled_calls ?? 0) };
  }
}
