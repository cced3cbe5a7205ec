// The supervisor's wallboard: who waits now and for how long, and which agents are online, busy or away
// (the handoff core's live queues and presence); and over the last hour, day or week the call-event
// log's figures (SQL aggregates): service level, abandonment, handling time, the visits' ratings and
// sustained negative cues, and the chart's buckets.
import { callEventsSettled } from '../handoff/call-events.ts';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import { QueueNameSchema } from '../schema/handoff.ts';
import {
  WALLBOARD_BUCKETS,
  WALLBOARD_WINDOWS,
  type WallboardResponse,
  type WallboardWindow,
} from '../schema/supervisor-api.ts';
import type { HubStore } from './store/types.ts';

/** The answer threshold of the service level when the hub is given none (the classic 80/20). */
export const DEFAULT_SERVICE_LEVEL_S = 20;

export async function wallboard(
  store: HubStore,
  handoff: HandoffHub,
  now: number,
  window: WallboardWindow,
  serviceLevelS: number,
): Promise<WallboardResponse> {
  // Every event this process has started writing is in before the figures are read.
  await callEventsSettled(store);
  const windowMs = WALLBOARD_WINDOWS[window];
  const bucketMs = WALLBOARD_BUCKETS[window];
  const sinceMs = now - windowMs;
  // Half-open: an event stamped this very millisecond counts.
  const untilMs = now + 1;
  const targetMs = serviceLevelS * 1000;
  const events = store.supervisor.events;
  // The live queues and presence are the store's rows: every hub instance's customers and agents.
  const [figures, buckets, visits, live] = await Promise.all([
    events.figures(sinceMs, untilMs, targetMs),
    events.series(sinceMs, untilMs, bucketMs, targetMs),
    events.visits(sinceMs, untilMs),
    handoff.queues(),
  ]);

  const waitingNow = live.list('supervisor', now);
  const waiting = QueueNameSchema.options.map((queue) => {
    const mine = waitingNow.filter((e) => e.queue === queue);
    const longest = Math.max(0, ...mine.map((e) => now - e.enqueuedAt));
    return { queue, waiting: mine.length, longestWaitS: Math.round(longest / 1000) };
  });

  const count = Math.ceil(windowMs / bucketMs);
  const series: WallboardResponse['series'] = {
    bucketMs,
    starts: Array.from({ length: count }, (_, i) => sinceMs + i * bucketMs),
    offered: new Array<number>(count).fill(0),
    answered: new Array<number>(count).fill(0),
    answeredInTarget: new Array<number>(count).fill(0),
    abandoned: new Array<number>(count).fill(0),
  };
  for (const b of buckets) {
    // The last millisecond of the window (now itself) belongs to the last bucket.
    const i = Math.min(Math.floor(b.bucket), count - 1);
    series.offered[i] = (series.offered[i] ?? 0) + b.offered;
    series.answered[i] = (series.answered[i] ?? 0) + b.answered;
    series.answeredInTarget[i] = (series.answeredInTarget[i] ?? 0) + b.answeredInTarget;
    series.abandoned[i] = (series.abandoned[i] ?? 0) + b.abandoned;
  }

  return {
    at: new Date(now).toISOString(),
    window,
    since: new Date(sinceMs).toISOString(),
    serviceLevelS,
    waiting,
    agents: live
      .agents()
      .map(({ username, role, status }) => ({ username, role, status }))
      .sort((a, b) => (a.username < b.username ? -1 : 1)),
    totals: figures.totals,
    perQueue: figures.perQueue,
    visits: {
      count: visits.count,
      rated: visits.rated,
      avgRating: visits.rated === 0 ? null : visits.ratingSum / visits.rated,
      negative: visits.negative,
      negativeShare: visits.count === 0 ? null : visits.negative / visits.count,
    },
    series,
  };
}
