// The call-event log's rows (schema/supervisor-api.ts), written once with `?` placeholders for both
// stores, and the wallboard's aggregates over a window of it: per queue and in total, per chart bucket,
// and the visits' ratings and negative cues (from the synced conversations the calls belong to).
import type { CallEvent, CallEventType, CallFigures } from '../../schema/supervisor-api.ts';
import type { SqlRunner } from './recording-rows.ts';
import type { Row } from './rows.ts';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * The conversations joined to rows `v` (kiosk_id, conversation_id) or `e`, and the visit's rating and
 * whether its emotion summary says a negative cue was sustained. PostgreSQL parses each JSON once.
 */
function conversationFields(d: StoreDialect, on: string): { join: string; rating: string; negative: string } {
  const join = `LEFT JOIN conversations c ON c.id = ${on}.conversation_id AND c.kiosk_id = ${on}.kiosk_id`;
  return d === 'sqlite'
    ? {
        join,
        rating: "json_extract(c.data, '$.rating')",
        negative: "json_extract(c.data, '$.emotion.negativeSustained') = 1",
      }
    : {
        join: `${join} LEFT JOIN LATERAL (SELECT c.data::jsonb AS j) cj ON true`,
        rating: "(cj.j ->> 'rating')::int",
        negative: "(cj.j #>> '{emotion,negativeSustained}') = 'true'",
      };
}

const COLUMNS =
  'id, handoff_id, type, at, at_ms, queue, kiosk_id, conversation_id, agent, wait_ms, handle_ms, negative_cue, reason';

/**
 * Calls answered or abandoned: abandoned ones are those of these never answered here (a call answered
 * at one desk, then transferred or requeued and left, is answered, not also abandoned, in the totals).
 */
const DECIDED = "COUNT(DISTINCT CASE WHEN type IN ('answered', 'abandoned') THEN handoff_id END)";

/** Counts of one window; `?` = the service-level threshold in ms, then since and until (ms). */
const FIGURES = `SUM(CASE WHEN type = 'enqueued' THEN 1 ELSE 0 END) AS offered,
    COUNT(DISTINCT CASE WHEN type = 'answered' THEN handoff_id END) AS answered,
    COUNT(DISTINCT CASE WHEN type = 'answered' AND wait_ms <= ? THEN handoff_id END) AS in_target,
    ${DECIDED} AS decided,
    SUM(CASE WHEN type = 'ended' THEN 1 ELSE 0 END) AS ended,
    SUM(CASE WHEN type = 'transferred' THEN 1 ELSE 0 END) AS transferred,
    SUM(CASE WHEN type IN ('ended', 'transferred') AND handle_ms IS NOT NULL THEN 1 ELSE 0 END) AS legs,
    SUM(CASE WHEN type IN ('ended', 'transferred') THEN handle_ms ELSE 0 END) AS handle_ms,
    MAX(CASE WHEN type = 'answered' THEN wait_ms END) AS longest_wait_ms
  FROM call_events WHERE at_ms >= ? AND at_ms < ?`;

export interface SeriesRow {
  bucket: number;
  offered: number;
  answered: number;
  answeredInTarget: number;
  abandoned: number;
}

export interface VisitFigures {
  count: number;
  rated: number;
  ratingSum: number;
  negative: number;
}

/** An event with the rating and emotion flag of its visit (null until the conversation has synced). */
export type ExportedCallEvent = CallEvent & { rating: number | null; visitNegative: boolean };

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function figuresFromRow(r: Row | undefined): CallFigures {
  const answered = n(r?.answered);
  const abandoned = n(r?.decided) - answered;
  const ended = n(r?.ended);
  // Handling time per desk: an ended call's last leg, and each leg that a transfer passed on.
  const legs = n(r?.legs);
  const decided = answered + abandoned;
  const longest = nOrNull(r?.longest_wait_ms);
  return {
    offered: n(r?.offered),
    answered,
    answeredInTarget: n(r?.in_target),
    abandoned,
    ended,
    transferred: n(r?.transferred),
    serviceLevel: decided === 0 ? null : n(r?.in_target) / decided,
    abandonRate: decided === 0 ? null : abandoned / decided,
    avgHandleS: legs === 0 ? null : n(r?.handle_ms) / legs / 1000,
    longestAnsweredWaitS: longest === null ? null : longest / 1000,
  };
}

function eventFromRow(r: Row): CallEvent {
  return {
    id: String(r.id),
    handoffId: String(r.handoff_id),
    type: String(r.type) as CallEventType,
    at: String(r.at),
    queue: String(r.queue),
    kioskId: String(r.kiosk_id),
    conversationId: String(r.conversation_id),
    agent: r.agent === null ? null : String(r.agent),
    waitMs: nOrNull(r.wait_ms),
    handleMs: nOrNull(r.handle_ms),
    negativeCue: n(r.negative_cue) === 1,
    reason: r.reason === null ? null : String(r.reason),
  };
}

export class CallEventRows {
  constructor(
    private readonly sql: SqlRunner,
    private readonly dialect: StoreDialect,
  ) {}

  /** Appends one event (an id already there is ignored: exactly once). */
  async append(e: CallEvent): Promise<void> {
    await this.sql.run(
      `INSERT INTO call_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [
        e.id,
        e.handoffId,
        e.type,
        e.at,
        Date.parse(e.at),
        e.queue,
        e.kioskId,
        e.conversationId,
        e.agent,
        e.waitMs,
        e.handleMs,
        e.negativeCue ? 1 : 0,
        e.reason,
      ],
    );
  }

  /** The window's figures in total and per queue (queues in name order). */
  async figures(
    sinceMs: number,
    untilMs: number,
    targetMs: number,
  ): Promise<{ totals: CallFigures; perQueue: ({ queue: string } & CallFigures)[] }> {
    const params = [targetMs, sinceMs, untilMs];
    // PostgreSQL makes the total and the queues' rows in one pass (the total's queue is NULL).
    const rows =
      this.dialect === 'postgres'
        ? await this.sql.all(
            `SELECT queue, ${FIGURES} GROUP BY GROUPING SETS ((queue), ()) ORDER BY queue`,
            params,
          )
        : [
            ...(await this.sql.all(`SELECT NULL AS queue, ${FIGURES}`, params)),
            ...(await this.sql.all(`SELECT queue, ${FIGURES} GROUP BY queue ORDER BY queue`, params)),
          ];
    const total = rows.find((r) => r.queue === null);
    return {
      totals: figuresFromRow(total),
      perQueue: rows
        .filter((r) => r.queue !== null)
        .map((r) => ({ queue: String(r.queue), ...figuresFromRow(r) })),
    };
  }

  /**
   * Counts per bucket of `bucketMs` from `sinceMs` (only buckets with events). A call answered again in
   * the same bucket (after a requeue or a transfer) counts once there, as in the totals.
   */
  async series(sinceMs: number, untilMs: number, bucketMs: number, targetMs: number): Promise<SeriesRow[]> {
    const rows = await this.sql.all(
      `SELECT CAST((at_ms - ?) / ? AS INTEGER) AS bucket,
         SUM(CASE WHEN type = 'enqueued' THEN 1 ELSE 0 END) AS offered,
         COUNT(DISTINCT CASE WHEN type = 'answered' THEN handoff_id END) AS answered,
         COUNT(DISTINCT CASE WHEN type = 'answered' AND wait_ms <= ? THEN handoff_id END) AS in_target,
         ${DECIDED} AS decided
       FROM call_events WHERE at_ms >= ? AND at_ms < ? GROUP BY 1 ORDER BY 1`,
      [sinceMs, bucketMs, targetMs, sinceMs, untilMs],
    );
    return rows.map((r) => ({
      bucket: n(r.bucket),
      offered: n(r.offered),
      answered: n(r.answered),
      answeredInTarget: n(r.in_target),
      abandoned: n(r.decided) - n(r.answered),
    }));
  }

  /**
   * The visits (conversations) with a call event in the window: how many, their ratings, and how many
   * had sustained negative cues (flagged on the call, or in the visit's emotion summary).
   */
  async visits(sinceMs: number, untilMs: number): Promise<VisitFigures> {
    const c = conversationFields(this.dialect, 'v');
    const [r] = await this.sql.all(
      `SELECT COUNT(*) AS visits,
         SUM(CASE WHEN ${c.rating} IS NOT NULL THEN 1 ELSE 0 END) AS rated,
         SUM(${c.rating}) AS rating_sum,
         SUM(CASE WHEN v.cue = 1 OR ${c.negative} THEN 1 ELSE 0 END) AS negative
       FROM (SELECT kiosk_id, conversation_id, MAX(negative_cue) AS cue FROM call_events
             WHERE at_ms >= ? AND at_ms < ? GROUP BY kiosk_id, conversation_id) v
       ${c.join}`,
      [sinceMs, untilMs],
    );
    return { count: n(r?.visits), rated: n(r?.rated), ratingSum: n(r?.rating_sum), negative: n(r?.negative) };
  }

  /** Every event of the calls with an event in the window, by call then time, with their visit's fields. */
  async export(sinceMs: number, untilMs: number, limit: number): Promise<ExportedCallEvent[]> {
    const c = conversationFields(this.dialect, 'e');
    const rows = await this.sql.all(
      `SELECT e.*, ${c.rating} AS rating, CASE WHEN ${c.negative} THEN 1 ELSE 0 END AS visit_negative
       FROM call_events e ${c.join}
       WHERE e.handoff_id IN (SELECT handoff_id FROM call_events WHERE at_ms >= ? AND at_ms < ?)
       ORDER BY e.handoff_id, e.at_ms, e.id LIMIT ?`,
      [sinceMs, untilMs, limit],
    );
    return rows.map((r) => ({
      ...eventFromRow(r),
      rating: nOrNull(r.rating),
      visitNegative: n(r.visit_negative) === 1,
    }));
  }

  /** One call's events, oldest first. */
  async ofHandoff(handoffId: string): Promise<CallEvent[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM call_events WHERE handoff_id = ? ORDER BY at_ms, id`,
      [handoffId],
    );
    return rows.map(eventFromRow);
  }
}
