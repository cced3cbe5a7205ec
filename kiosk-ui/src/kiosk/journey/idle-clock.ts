// The visit's idle clock, pure: after `timeoutMs` without a touch the visit ends; a warning with a
// countdown comes `warnMs` before that, updated at each whole second. Time is passed in.

export interface IdleClock {
  deadline: number;
  /** When the clock next needs a tick. */
  wakeAt: number;
  /** The countdown is running (activity withdraws it). */
  warning: boolean;
}

export interface IdleTiming {
  timeoutMs: number;
  warnMs: number;
}

export const DEFAULT_IDLE_MS = 90_000;
export const IDLE_WARNING_MS = 20_000;

/** Starts or restarts the clock (any customer activity); resumed: a running warning was withdrawn. */
export function pokeIdle(
  clock: IdleClock | null,
  timing: IdleTiming,
  now: number,
): { clock: IdleClock; resumed: boolean } {
  return {
    clock: {
      deadline: now + timing.timeoutMs,
      wakeAt: now + Math.max(0, timing.timeoutMs - timing.warnMs),
      warning: false,
    },
    resumed: clock?.warning === true,
  };
}

export type IdleEvent = { kind: 'none' } | { kind: 'warn'; secondsLeft: number } | { kind: 'timeout' };

/** The clock at `now`: a countdown second to show, the timeout, or nothing due yet. */
export function tickIdle(clock: IdleClock, now: number): { clock: IdleClock | null; event: IdleEvent } {
  if (now < clock.wakeAt) return { clock, event: { kind: 'none' } };
  const left = clock.deadline - now;
  if (left <= 0) return { clock: null, event: { kind: 'timeout' } };
  // Wake at each whole second of the countdown, and at the deadline itself.
  return {
    clock: { deadline: clock.deadline, wakeAt: now + (left % 1000 || 1000), warning: true },
    event: { kind: 'warn', secondsLeft: Math.ceil(left / 1000) },
  };
}
