// Reconnect delays: exponential with full jitter, capped, so a fleet of kiosks does not reconnect in step.
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 8000 };

/** Delay before reconnect attempt `attempt` (0-based); `random` in [0, 1). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  // Never less than half the ceiling: a dropped agent should not be hammered.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
