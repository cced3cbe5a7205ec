// The supervisor's desk at the hub: the call-event log (what the handoff core appends at each point of
// a call's life), the live wallboard's figures, quality scores of recorded calls and the CSV export.
// Pure zod and types: runs in Node, Deno and the browser (the console takes the types).
import { z } from 'zod';

/** One point in a handoff's life, appended to the call-event log (never changed). */
export const CALL_EVENT_TYPES = [
  /** The kiosk's request entered a skill queue. */
  'enqueued',
  /** An agent accepted it (waitMs: since it was first queued). */
  'answered',
  /** The agent dropped mid-call: back to the front of the same queue. */
  'requeued',
  /** Passed to another desk (queue: the desk it left; handleMs: its time there; reason: to_<queue>). */
  'transferred',
  /** It left before any agent answered (reason: cancelled, kiosk_left, kiosk_never_connected). */
  'abandoned',
  /** The answered call ended (handleMs: since it was answered). */
  'ended',
] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export interface CallEvent {
  id: string;
  handoffId: string;
  type: CallEventType;
  /** ISO time (the handoff core's clock). */
  at: string;
  queue: string;
  kioskId: string;
  /** The visit (conversation) the call belongs to: its rating and emotion summary are there. */
  conversationId: string;
  agent: string | null;
  waitMs: number | null;
  handleMs: number | null;
  /** The customer's cues were sustained negative at this point. */
  negativeCue: boolean;
  reason: string | null;
}

export const WALLBOARD_WINDOWS = { hour: 3600_000, day: 86_400_000, week: 604_800_000 } as const;
export type WallboardWindow = keyof typeof WALLBOARD_WINDOWS;
/** Buckets of each window's chart: 5 minutes, 1 hour, 6 hours. */
export const WALLBOARD_BUCKETS: Readonly<Record<WallboardWindow, number>> = {
  hour: 300_000,
  day: 3600_000,
  week: 21_600_000,
};

/** Answered and abandoned calls of a window; the rates are null when there was none. */
export interface CallFigures {
  offered: number;
  answered: number;
  /** Answered within the service-level threshold. */
  answeredInTarget: number;
  abandoned: number;
  ended: number;
  /** Calls passed from this desk (or any, in the totals) to another one. */
  transferred: number;
  /** answeredInTarget / (answered + abandoned). */
  serviceLevel: number | null;
  /** abandoned / (answered + abandoned). */
  abandonRate: number | null;
  /**
   * Mean handling time of a desk's legs, in seconds: each ended call's last leg and each leg a transfer
   * passed on (so a call transferred from general to risk counts its time at each desk).
   */
  avgHandleS: number | null;
  /** The longest wait of an answered call, in seconds. */
  longestAnsweredWaitS: number | null;
}

export interface WallboardResponse {
  at: string;
  window: WallboardWindow;
  since: string;
  serviceLevelS: number;
  /** Waiting now, per queue (live, from this hub's queues). */
  waiting: { queue: string; waiting: number; longestWaitS: number }[];
  /** Signed-in agents by presence now. */
  agents: { username: string; role: string; status: 'online' | 'busy' | 'away' }[];
  totals: CallFigures;
  perQueue: ({ queue: string } & CallFigures)[];
  /** Visits handed to an agent in the window: ratings (1..5) and sustained negative cues. */
  visits: {
    count: number;
    rated: number;
    avgRating: number | null;
    negative: number;
    negativeShare: number | null;
  };
  /** Per bucket of the window, oldest first (start ms of each in `starts`). */
  series: {
    bucketMs: number;
    starts: number[];
    offered: number[];
    answered: number[];
    answeredInTarget: number[];
    abandoned: number[];
  };
}

/** Each criterion: 0 not done, 1 partly, 2 fully. Suitability is null when no product was discussed. */
const Mark = z.number().int().min(0).max(2);
export const QualityScoreInputSchema = z.strictObject({
  recordingId: z.string().min(1).max(64),
  greeting: Mark,
  identityCheck: Mark,
  suitability: Mark.nullable(),
  resolution: Mark,
  notes: z.string().max(1000).default(''),
});
export type QualityScoreInput = z.input<typeof QualityScoreInputSchema>;

export interface QualityScore {
  id: string;
  recordingId: string;
  handoffId: string;
  /** The agent whose call was scored. */
  agent: string;
  scorer: string;
  at: string;
  greeting: number;
  identityCheck: number;
  suitability: number | null;
  resolution: number;
  notes: string;
  /** Points over the applicable criteria's maximum, 0..100. */
  percent: number;
}

export interface AgentQualityRow {
  agent: string;
  scored: number;
  avgPercent: number;
  greeting: number;
  identityCheck: number;
  /** null when none of this agent's scored calls discussed a product. */
  suitability: number | null;
  resolution: number;
}

export interface QualityReportResponse {
  since: string;
  until: string;
  agents: AgentQualityRow[];
  recent: QualityScore[];
}

export const EXPORT_KINDS = ['calls', 'tickets', 'scores'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** Longest date range one export covers. */
export const MAX_EXPORT_DAYS = 366;

/** A score's percent: points over 2 per applicable criterion. */
export function scorePercent(
  s: Pick<QualityScore, 'greeting' | 'identityCheck' | 'suitability' | 'resolution'>,
): number {
  const marks = [
    s.greeting,
    s.identityCheck,
    s.resolution,
    ...(s.suitability === null ? [] : [s.suitability]),
  ];
  return Math.round((marks.reduce((a, b) => a + b, 0) / (2 * marks.length)) * 1000) / 10;
}
