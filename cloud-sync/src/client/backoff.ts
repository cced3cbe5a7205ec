// The one retry backoff policy of the product: delay = min(cap, base * 2^attempt), then jittered.
// Pure (no clock, no timers); randomness is injectable. The borders let no part import another's
// runtime code here, so this file is kept byte-identical in firmware-bridge, cloud-sync and kiosk-ui
// (scripts/lib/backoff-copies.test.ts checks it); each part re-exports it from its public entry.
//
// Jitter kinds (AWS architecture blog, "Exponential Backoff And Jitter"):
// - 'full': uniform in [1, ceiling): spreads a fleet reconnecting after an outage the most.
// - 'equal': uniform in [ceiling/2, ceiling]: never hammers a peer that has just dropped.
// - { spread: f }: ceiling * (1 ± f): close to the schedule, just out of step.
// - 'none': the ceiling itself, for a single local process (launcher, technician page).

export type Jitter = 'none' | 'full' | 'equal' | { spread: number };

export interface BackoffPolicy {
  /** Delay of the first retry before jitter, ms. */
  baseMs: number;
  /** Largest delay before jitter, ms. */
  capMs: number;
  jitter: Jitter;
}

/** 2^30 already passes any cap; the clamp keeps a long outage's attempt count from overflowing. */
const MAX_DOUBLINGS = 30;

export function checkBackoffPolicy(policy: BackoffPolicy): void {
  if (!(policy.baseMs > 0) || !(policy.capMs >= policy.baseMs))
    throw new Error('backoff needs 0 < baseMs <= capMs');
  if (typeof policy.jitter === 'object' && !(policy.jitter.spread >= 0 && policy.jitter.spread <= 1))
    throw new Error('backoff spread must be within [0, 1]');
}

/** The un-jittered delay before retry `attempt` (0-based). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), MAX_DOUBLINGS));
}

/** The delay before retry `attempt` (0-based); `random` returns a number in [0, 1). */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = backoffCeiling(attempt, policy);
  const jitter = policy.jitter;
  if (jitter === 'none') return ceiling;
  // Never 0, so a failing loop still yields to the event loop.
  if (jitter === 'full') return Math.max(1, Math.floor(random() * ceiling));
  if (jitter === 'equal') return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return ceiling * (1 - jitter.spread + random() * 2 * jitter.spread);
}

/** The policy with its attempt count: next() after each failure, reset() after a success. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {
    checkBackoffPolicy(policy);
  }

  /** Delay before the next retry; each call widens the window until it reaches the cap. */
  next(): number {
    const delay = backoffDelay(this.attempt, this.policy, this.random);
    this.attempt += 1;
    return delay;
  }

  /** Failures since the last success. */
  get failures(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
