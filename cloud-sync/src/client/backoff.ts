// Exponential backoff with "full jitter" (AWS architecture blog): the delay is uniform in
// [0, min(cap, base * 2^attempt)], which spreads a fleet of kiosks reconnecting after an outage.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    if (options.baseMs <= 0 || options.capMs < options.baseMs)
      throw new Error('backoff needs 0 < baseMs <= capMs');
    this.random = options.random ?? Math.random;
  }

  /** Delay before the next retry; each call widens the window until it reaches the cap. */
  next(): number {
    const ceiling = Math.min(this.options.capMs, this.options.baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    // Never 0, so a failing loop still yields to the event loop.
    return Math.max(1, Math.floor(this.random() * ceiling));
  }

  /** Failures since the last success. */
  get failures(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
