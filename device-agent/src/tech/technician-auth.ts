// Technician sign-in: scrypt-checked PIN, a 5-minute lockout after 5 failures in a row, and
// short-lived random bearer tokens kept in memory only.
import { randomBytes } from 'node:crypto';
import { verifyTechnicianPin } from './pin-hash.ts';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export type LoginResult =
  | { ok: true; token: string; expiresAt: number }
  | { ok: false; reason: 'wrong_pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

export class TechnicianAuth {
  private failures = 0;
  private lockedUntil = 0;
  private tokens = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pinHash: string,
    private readonly tokenTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks are serialised, so parallel guesses cannot slip past the failure count. */
  login(pin: string): Promise<LoginResult> {
    const result = this.queue.then(() => this.check(pin));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async check(pin: string): Promise<LoginResult> {
    if (this.now() < this.lockedUntil)
      return { ok: false, reason: 'locked', retryAfterMs: this.lockedUntil - this.now() };
    if (await verifyTechnicianPin(pin, this.pinHash)) {
      this.failures = 0;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = this.now() + this.tokenTtlMs;
      this.tokens.set(token, expiresAt);
      return { ok: true, token, expiresAt };
    }
    this.failures++;
    if (this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.now() + LOCKOUT_MS;
      return { ok: false, reason: 'locked', retryAfterMs: LOCKOUT_MS };
    }
    return { ok: false, reason: 'wrong_pin', attemptsLeft: MAX_FAILURES - this.failures };
  }

  /** True for a live token; expired tokens are forgotten. */
  verify(token: string): boolean {
    const exp = this.tokens.get(token);
    if (exp === undefined) return false;
    if (this.now() >= exp) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  signOut(token: string): void {
    this.tokens.delete(token);
  }
}
