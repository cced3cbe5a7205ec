// A scripted hour of handoff traffic for the wallboard test, made from a seed, and the wallboard's
// figures worked out from the script alone (never from the hub). Lanes keep the script unambiguous: at
// most one customer waits in the general and the risk queue at a time, so who takes whom is the
// script's; the expert queue is never served (its expert is away), so its customers wait or give up.

import { seededRandom } from '../../../../scripts/lib/seeded-random.ts';

export type Queue = 'agent' | 'expert' | 'risk';

export interface ScriptedCall {
  id: number;
  queue: Queue;
  kiosk: number;
  arrive: number;
  /** Answered at (s), by whom; null: not answered within the hour. */
  answer: number | null;
  agent: string | null;
  /** Ended at (s) after the answer; abandoned at (s) without one. null: not within the hour. */
  end: number | null;
  abandon: number | null;
  negativeCue: boolean;
  /** Synced with the visit after the hour: its rating and emotion summary's sustained-negative flag. */
  rating: number | null;
  negativeEmotion: boolean;
}

export const HOUR_S = 3600;

export function scriptHour(seed: number, agents: { general: string[]; risk: string }): ScriptedCall[] {
  const r = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const calls: ScriptedCall[] = [];
  const extras = (): Pick<ScriptedCall, 'negativeCue' | 'rating' | 'negativeEmotion'> => ({
    negativeCue: r() < 0.15,
    rating: r() < 0.7 ? between(1, 5) : null,
    negativeEmotion: r() < 0.1,
  });
  const lane = (queue: Queue, staff: string[]) => {
    const freeAt = new Map(staff.map((a) => [a, 0]));
    let arrive = between(0, 60);
    while (arrive < HOUR_S - 60) {
      const [agent, free] = [...freeAt].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))[0] as [
        string,
        number,
      ];
      const answer = Math.max(arrive + between(5, 75), free + 3);
      const end = answer + between(60, 420);
      const within = (t: number) => (t <= HOUR_S ? t : null);
      calls.push({
        id: calls.length,
        queue,
        kiosk: calls.length % 3,
        arrive,
        answer: within(answer),
        agent: within(answer) === null ? null : agent,
        end: within(answer) === null ? null : within(end),
        abandon: null,
        ...extras(),
      });
      freeAt.set(agent, end);
      // The next customer of this lane comes once this one has been answered.
      arrive = answer + between(5, 120);
    }
  };
  lane('agent', agents.general);
  lane('risk', [agents.risk]);
  // The expert queue: nobody serves it; some customers give up, the rest still wait at the hour's end.
  for (let arrive = between(100, 300); arrive < HOUR_S; arrive += between(200, 700)) {
    const leave = arrive + between(30, 400);
    calls.push({
      id: calls.length,
      queue: 'expert',
      kiosk: calls.length % 3,
      arrive,
      answer: null,
      agent: null,
      end: null,
      abandon: leave <= HOUR_S && r() < 0.6 ? leave : null,
      ...extras(),
    });
  }
  return calls;
}

export interface ExpectedBoard {
  offered: number;
  answered: number;
  inTarget: number;
  abandoned: number;
  ended: number;
  serviceLevel: number | null;
  abandonRate: number | null;
  avgHandleS: number | null;
  waiting: Record<Queue, { waiting: number; longestWaitS: number }>;
  rated: number;
  avgRating: number | null;
  negativeShare: number | null;
  busy: string[];
}

/** The wallboard at the hour's end (window: the hour), from the script alone. */
export function expectedBoard(calls: readonly ScriptedCall[], thresholdS: number): ExpectedBoard {
  const answered = calls.filter((c) => c.answer !== null);
  const inTarget = answered.filter((c) => (c.answer as number) - c.arrive <= thresholdS).length;
  const abandoned = calls.filter((c) => c.abandon !== null).length;
  const ended = calls.filter((c) => c.end !== null);
  const decided = answered.length + abandoned;
  const waiting = { agent: [], expert: [], risk: [] } as Record<Queue, number[]>;
  for (const c of calls)
    if (c.answer === null && c.abandon === null) waiting[c.queue].push(HOUR_S - c.arrive);
  const rated = calls.filter((c) => c.rating !== null);
  const negative = calls.filter((c) => c.negativeCue || c.negativeEmotion).length;
  const waitOf = (q: Queue) => ({ waiting: waiting[q].length, longestWaitS: Math.max(0, ...waiting[q]) });
  return {
    offered: calls.length,
    answered: answered.length,
    inTarget,
    abandoned,
    ended: ended.length,
    serviceLevel: decided === 0 ? null : inTarget / decided,
    abandonRate: decided === 0 ? null : abandoned / decided,
    avgHandleS:
      ended.length === 0
        ? null
        : ended.reduce((s, c) => s + ((c.end as number) - (c.answer as number)), 0) / ended.length,
    waiting: { agent: waitOf('agent'), expert: waitOf('expert'), risk: waitOf('risk') },
    rated: rated.length,
    avgRating: rated.length === 0 ? null : rated.reduce((s, c) => s + (c.rating as number), 0) / rated.length,
    negativeShare: calls.length === 0 ? null : negative / calls.length,
    busy: answered.filter((c) => c.end === null).map((c) => c.agent as string),
  };
}
