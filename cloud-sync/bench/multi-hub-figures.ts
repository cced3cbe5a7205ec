// The two-instance figures of bench.ts (issue 15): sync load with a hub killed mid-run, and handoff
// signalling relayed between instances. Sizes: BENCH_MULTI_HUB_KIOSKS (2000), BENCH_MULTI_HUB_SESSIONS (500).
import { median, round, type Figure } from '../../scripts/lib/bench-results.ts';
import { measureMultiHubSignalling, measureMultiHubSync, type MultiHubSyncResult } from './multi-hub.ts';
import type { SignallingResult } from './signalling.ts';

type FigureFn = (
  name: string,
  unit: string,
  target: string | undefined,
  how: string,
  run: () => Promise<number>,
) => Promise<number | null>;

/**
 * A tail target as the median of its parts' p99s (one part a neighbour on the machine disturbed moves it
 * no more than one sample moves a median; scripts/lib/bench-results.ts tailOfRuns), and beside it
 * (`_all`) the p99 of every sample at once.
 */
function tailPair(
  name: string,
  target: string,
  m: { parts: number[]; all: number; samples: number } | null,
  how: string,
): Figure[] {
  const parts = m ? m.parts.map((v) => round(v, 1)).join(', ') : '-';
  return [
    {
      name,
      value: m ? round(median(m.parts), 2) : null,
      unit: 'ms',
      target,
      how: `${how}: the median of the parts' p99s (${parts} ms)`,
    },
    {
      name: `${name}_all`,
      value: m ? round(m.all, 2) : null,
      unit: 'ms',
      how: `p99 of all ${m?.samples ?? 0} samples of ${name} at once`,
    },
  ];
}

export async function multiHubFigures(pgUrl: string, figure: FigureFn, figures: Figure[]): Promise<void> {
  const SYNC = {
    kiosks: Number(process.env.BENCH_MULTI_HUB_KIOSKS ?? 2000),
    intervalMs: 10_000,
    steadyS: 40,
    killS: 20,
  };
  let sync: MultiHubSyncResult | null = null;
  const where =
    'two hub instances (own processes, PostgreSQL on this machine, pool 10 each), load generator (raw HTTP keep-alive + ws) in this process, loopback';
  await figure(
    'multi_hub_kiosks',
    'kiosks',
    '>= 2000',
    `${SYNC.kiosks} simulated kiosks, half on each of ${where}, each holding its realtime socket and pushing one change every ${SYNC.intervalMs / 1000} s (spread evenly); after one interval of warm-up, the kiosks every push of which in the next ${SYNC.steadyS} s was accepted at the first try`,
    async () => {
      sync = await measureMultiHubSync(pgUrl, SYNC);
      return sync.kiosksOk;
    },
  );
  const s = sync as MultiHubSyncResult | null;
  const failed = s ? Object.values(s.steadyFailures).reduce((a, b) => a + b, 0) : null;
  figures.push(
    {
      name: 'multi_hub_push_first_try_failures',
      value: failed,
      unit: 'pushes',
      how: `first tries of the steady phase that failed (each retried until accepted), by cause: ${s ? JSON.stringify(s.steadyFailures) : '-'}`,
    },
    ...tailPair(
      'multi_hub_push_p99_ms',
      '<= 50',
      s && { parts: s.windowP99Ms, all: s.p99Ms, samples: s.steadyPushes },
      `push round trips (POST /api/sync/push, one change, until the hub answered 200 after its commit) of the steady ${SYNC.steadyS} s above, both instances up, cut into 5 windows of ${SYNC.steadyS / 5} s`,
    ),
    {
      name: 'multi_hub_push_p50_ms',
      value: s ? round(s.p50Ms, 2) : null,
      unit: 'ms',
      how: 'median of the same round trips',
    },
    {
      name: 'multi_hub_client_loop_delay_p99_ms',
      value: s ? round(s.clientLoop.p99Ms, 2) : null,
      unit: 'ms',
      how: `event-loop delay of the load generator in the steady ${SYNC.steadyS} s (how late a 10 ms timer fired, p99; max ${s ? round(s.clientLoop.maxMs, 1) : '-'} ms): a loaded client delays its own requests and their timing, so a push p99 near this says little about the hubs`,
    },
    {
      name: 'multi_hub_hub_loop_delay_p99_ms',
      value: s ? round(Math.max(...s.hubLoops.map((l) => l.p99Ms)), 2) : null,
      unit: 'ms',
      how: `event-loop delay of the hub instances in the same ${SYNC.steadyS} s, the worse of the two p99s (${s ? s.hubLoops.map((l) => `${round(l.p99Ms, 1)} ms, max ${round(l.maxMs, 1)} ms`).join('; ') : '-'})`,
    },
    {
      name: 'multi_hub_push_p99_ms_during_kill',
      value: s ? round(s.killP99Ms, 2) : null,
      unit: 'ms',
      how: `p99 of the ${s?.killPushes ?? 0} pushes of the ${SYNC.killS} s after instance A was SIGKILLed; a push that fails is retried on instance B after 100 ms and timed from its first try`,
    },
    {
      name: 'changes_lost',
      value: s ? s.lost : null,
      unit: 'changes',
      target: '0',
      how: 'changes whose push was answered 200 (on either instance) during the whole run, instance A killed in it, and which are not in the changes ledger afterwards',
    },
  );

  const SIGNAL = { sessions: Number(process.env.BENCH_MULTI_HUB_SESSIONS ?? 500), rounds: 10 };
  let signalling: SignallingResult | null = null;
  await figure(
    'multi_hub_signalling_sessions',
    'sessions',
    '>= 500',
    `handoff calls established and relaying at once across ${where}: ${SIGNAL.sessions} kiosk sockets on instance A, each paired with its own signed-in agent socket on instance B that accepted it`,
    async () => {
      signalling = await measureMultiHubSignalling(pgUrl, SIGNAL.sessions, SIGNAL.rounds);
      return signalling.sessions;
    },
  );
  const sig = signalling as SignallingResult | null;
  figures.push(
    ...tailPair(
      'multi_hub_signalling_p99_ms',
      '<= 20',
      sig && { parts: sig.roundP99Ms, all: sig.p99Ms, samples: sig.samples },
      `relay delays between instances (send to receipt at the other end, same clock; over LISTEN/NOTIFY) in ${SIGNAL.rounds} one-second rounds in which every kiosk and every agent sends one ICE message, spread evenly (${2 * SIGNAL.sessions} messages/s), each round a part`,
    ),
    {
      name: 'multi_hub_signalling_p50_ms',
      value: sig ? round(sig.p50Ms, 2) : null,
      unit: 'ms',
      how: 'median of the same relay delays',
    },
  );
}
