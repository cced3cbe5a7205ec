// The supervisor's CSV exports for a date range: calls (one line per handoff, from the call-event log),
// tickets (last updated in the range) and quality scores. Cells go through csv.ts (quoting, formula
// defusing, card-number masking); the masked PAN never reaches a call line, the identity is the visit.
import type { ExportedCallEvent } from './store/call-event-rows.ts';
import { SCORE_COLUMNS, scoreValues } from './store/quality-rows.ts';
import type { HubStore } from './store/types.ts';
import type { ExportKind } from '../schema/supervisor-api.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** Most lines (calls: events) one export reads; a range with more is refused, never cut short. */
export const MAX_EXPORT_ROWS = 100_000;

export class ExportTooLargeError extends Error {
  constructor(kind: ExportKind) {
    super(
      `more than ${MAX_EXPORT_ROWS} ${kind === 'calls' ? 'call events' : kind} in the range: export a shorter one`,
    );
  }
}

/** The rows read, or the error when the range holds more than an export may (the read asks for one more). */
function whole<T>(kind: ExportKind, rows: T[]): T[] {
  if (rows.length > MAX_EXPORT_ROWS) throw new ExportTooLargeError(kind);
  return rows;
}

const CALL_HEADER = [
  'handoff_id',
  'queue',
  'kiosk_id',
  'conversation_id',
  'enqueued_at',
  'answered_at',
  'agent',
  'wait_s',
  'ended_at',
  'handle_s',
  'outcome',
  'reason',
  'requeued',
  'transferred',
  'negative_cue',
  'rating',
];

const seconds = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : Math.round(ms) / 1000;

const HANDLED_LEGS: ReadonlySet<ExportedCallEvent['type']> = new Set(['transferred', 'requeued', 'ended']);

/**
 * One line per call: its first queueing, first answer, and its end (or that it is still open);
 * handle_s is the time agents handled it, over every desk and every agent it passed through.
 */
export function callLines(events: readonly ExportedCallEvent[]): CsvCell[][] {
  const byCall = new Map<string, ExportedCallEvent[]>();
  for (const e of events) byCall.set(e.handoffId, [...(byCall.get(e.handoffId) ?? []), e]);
  return [...byCall.values()].map((list) => {
    const first = list[0] as ExportedCallEvent;
    const of = (t: ExportedCallEvent['type']) => list.filter((e) => e.type === t);
    const answered = of('answered')[0];
    const end = [...of('ended'), ...of('abandoned')].at(-1);
    // Every leg an agent handled: passed to another desk, handed back to the queue, or ended.
    const legs = list.filter((e) => HANDLED_LEGS.has(e.type) && e.handleMs !== null);
    const handledMs = legs.length > 0 ? legs.reduce((sum, e) => sum + (e.handleMs ?? 0), 0) : null;
    return [
      first.handoffId,
      (end ?? list.at(-1) ?? first).queue,
      first.kioskId,
      first.conversationId,
      of('enqueued')[0]?.at ?? null,
      answered?.at ?? null,
      answered?.agent ?? null,
      seconds(answered?.waitMs ?? (end?.type === 'abandoned' ? end.waitMs : null)),
      end?.at ?? null,
      seconds(handledMs),
      end?.type ?? 'open',
      end?.reason ?? null,
      of('requeued').length,
      of('transferred').length,
      list.some((e) => e.negativeCue) || first.visitNegative,
      first.rating,
    ];
  });
}

export interface CsvExport {
  csv: string;
  rows: number;
}

/** The export of one kind for [since, until) (ISO). */
export async function buildExport(
  store: HubStore,
  kind: ExportKind,
  since: string,
  until: string,
): Promise<CsvExport> {
  const rows = store.supervisor;
  if (kind === 'calls') {
    const events = whole(
      kind,
      await rows.events.export(Date.parse(since), Date.parse(until), MAX_EXPORT_ROWS + 1),
    );
    const lines = callLines(events);
    return { csv: toCsv(CALL_HEADER, lines), rows: lines.length };
  }
  if (kind === 'tickets') {
    const tickets = whole(kind, await rows.ticketsUpdatedBetween(since, until, MAX_EXPORT_ROWS + 1));
    const header = ['id', 'kiosk_id', 'kind', 'status', 'priority', 'title', 'assignee', 'conversation_id'];
    const lines = tickets.map((t) => [
      t.id,
      t.kioskId,
      t.kind,
      t.status,
      t.priority,
      t.title,
      t.assignee ?? null,
      t.conversationId ?? null,
      t.createdAt,
      t.updatedAt,
      t.description,
      t.comments.map((c) => `${c.at} ${c.author}: ${c.text}`).join('\n'),
    ]);
    return {
      csv: toCsv([...header, 'created_at', 'updated_at', 'description', 'comments'], lines),
      rows: lines.length,
    };
  }
  const scores = whole(kind, await rows.scores.between(since, until, MAX_EXPORT_ROWS + 1));
  return { csv: toCsv(SCORE_COLUMNS, scores.map(scoreValues)), rows: scores.length };
}
