// Event-loop delay of a process during a bench phase: how late a 10 ms timer fires (the timer's own
// interval taken off). A loaded load generator or hub shows here, so a slow figure can be told apart
// from a slow client. Also preloaded into the hub processes (hub-loop-probe.ts).
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

export interface LoopDelay {
  p99Ms: number;
  maxMs: number;
}

export interface LoopDelayProbe {
  /** Starts a new phase: forgets what was seen so far. */
  reset(): void;
  /** What was seen since the last reset. */
  read(): LoopDelay;
}

export function loopDelayProbe(): LoopDelayProbe {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  const late = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return {
    reset: () => h.reset(),
    read: () =>
      h.count === 0 ? { p99Ms: 0, maxMs: 0 } : { p99Ms: late(h.percentile(99)), maxMs: late(h.max) },
  };
}
