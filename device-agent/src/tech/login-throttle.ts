// Technician sign-in failures counted per client address, with an exponential lockout: after
// `maxFailures` failures in a row an address waits baseLockMs, then twice that after its next run of
// failures, and so on up to maxLockMs. Only the address that guessed waits, so nobody on the service LAN
// can keep a technician at another address out. Pure (time is passed in) and synchronous: an attempt is
// counted when it is admitted, before the PIN is checked, so parallel guesses cannot slip past the count.
// The table is bounded: idle entries are forgotten, and past maxEntries the least recently used goes.

export interface ThrottleSettings {
  /** Failures in a row from one address before it is locked. */
  maxFailures: number;
  /** First lockout; each further one doubles, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
  /** An address idle this long after its lockout ends starts over. */
  forgetAfterMs: number;
  maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  maxFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 30 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxEntries: 4096,
};

export type Admission =
  | {
      ok: true;
      /** Attempts this address has left should this one fail (0: this one locks it if wrong). */
      attemptsLeft: number;
    }
  | { ok: false; retryAfterMs: number };

interface Entry {
  failures: number;
  lockouts: number;
  lockedUntil: number;
  lastAt: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly s: ThrottleSettings = DEFAULT_THROTTLE) {}

  /**
   * Admits or refuses an attempt from `client`. An admitted attempt already counts as a failure (so ten
   * parallel wrong PINs count as ten); succeeded() forgives it.
   */
  attempt(client: string, now: number): Admission {
    let e = this.entries.get(client);
    if (e && this.stale(e, now)) {
      this.entries.delete(client);
      e = undefined;
    }
    if (e && now < e.lockedUntil) return { ok: false, retryAfterMs: e.lockedUntil - now };
    e ??= { failures: 0, lockouts: 0, lockedUntil: 0, lastAt: now };
    e.failures++;
    e.lastAt = now;
    const attemptsLeft = this.s.maxFailures - e.failures;
    if (attemptsLeft <= 0) {
      e.lockedUntil = now + this.lockMs(e.lockouts);
      e.lockouts++;
      e.failures = 0;
    }
    this.remember(client, e, now);
    return { ok: true, attemptsLeft: Math.max(0, attemptsLeft) };
  }

  /** How long `client` still waits (0: it may try now). */
  retryAfterMs(client: string, now: number): number {
    const e = this.entries.get(client);
    return e && now < e.lockedUntil ? e.lockedUntil - now : 0;
  }

  /** A right PIN: the address starts over. */
  succeeded(client: string): void {
    this.entries.delete(client);
  }

  /** Addresses remembered (for tests of the bound). */
  size(): number {
    return this.entries.size;
  }

  /** The lockout after `lockouts` earlier ones: base * 2^lockouts, capped. */
  lockMs(lockouts: number): number {
    return Math.min(this.s.maxLockMs, this.s.baseLockMs * 2 ** Math.min(lockouts, 30));
  }

  private stale(e: Entry, now: number): boolean {
    return now >= e.lockedUntil && now - Math.max(e.lastAt, e.lockedUntil) >= this.s.forgetAfterMs;
  }

  /** Re-inserted so the map's order is least recently used first; then trimmed to maxEntries. */
  private remember(client: string, e: Entry, now: number): void {
    this.entries.delete(client);
    this.entries.set(client, e);
    if (this.entries.size <= this.s.maxEntries) return;
    for (const [key, old] of this.entries) if (this.stale(old, now)) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.s.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
