// Technician sign-in: personal accounts (name, scrypt-hashed PIN, role), a 5-minute lockout of an
// account after 5 failures in a row, and short-lived random bearer tokens kept in memory only, each
// bound to the person who signed in, so every reset, runbook and jog is recorded against them.
import { randomBytes } from 'node:crypto';
import { verifyTechnicianPin } from './pin-hash.ts';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export type TechnicianRole = 'technician' | 'lead';

export interface TechnicianAccount {
  /** Short sign-in name, recorded with everything the person does (e.g. 'li.wei'). */
  id: string;
  name: string;
  role: TechnicianRole;
  /** From hashTechnicianPin(). */
  pinHash: string;
}

export type TechnicianIdentity = Omit<TechnicianAccount, 'pinHash'>;

/** The account a lone legacy `pinHash` stands for: the branch in a box's trial technician. */
export const TRIAL_TECHNICIAN: TechnicianIdentity = {
  id: 'trial',
  name: 'Trial technician',
  role: 'technician',
};

export type LoginResult =
  | { ok: true; token: string; expiresAt: number; technician: TechnicianIdentity }
  | { ok: false; reason: 'wrong_pin'; attemptsLeft: number }
  | { ok: false; reason: 'unknown_user' }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

interface Lock {
  failures: number;
  lockedUntil: number;
}

export class TechnicianAuth {
  private readonly accounts: TechnicianAccount[];
  private readonly locks = new Map<string, Lock>();
  private tokens = new Map<string, { expiresAt: number; who: TechnicianIdentity }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** The accounts, or one PIN hash (the trial account). */
    accounts: string | readonly TechnicianAccount[],
    private readonly tokenTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.accounts =
      typeof accounts === 'string' ? [{ ...TRIAL_TECHNICIAN, pinHash: accounts }] : [...accounts];
    if (this.accounts.length === 0) throw new Error('at least one technician account is needed');
  }

  /**
   * Checks are serialised, so parallel guesses cannot slip past the failure count. `user` may be left
   * out when there is only one account.
   */
  login(pin: string, user?: string): Promise<LoginResult> {
    const result = this.queue.then(() => this.check(pin, user));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async check(pin: string, user: string | undefined): Promise<LoginResult> {
    const account =
      user === undefined
        ? this.accounts.length === 1
          ? this.accounts[0]
          : undefined
        : this.accounts.find((a) => a.id === user);
    if (!account) return { ok: false, reason: 'unknown_user' };
    const lock = this.locks.get(account.id) ?? { failures: 0, lockedUntil: 0 };
    this.locks.set(account.id, lock);
    if (this.now() < lock.lockedUntil)
      return { ok: false, reason: 'locked', retryAfterMs: lock.lockedUntil - this.now() };
    if (await verifyTechnicianPin(pin, account.pinHash)) {
      lock.failures = 0;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = this.now() + this.tokenTtlMs;
      const who: TechnicianIdentity = { id: account.id, name: account.name, role: account.role };
      this.tokens.set(token, { expiresAt, who });
      return { ok: true, token, expiresAt, technician: who };
    }
    lock.failures++;
    if (lock.failures >= MAX_FAILURES) {
      lock.failures = 0;
      lock.lockedUntil = this.now() + LOCKOUT_MS;
      return { ok: false, reason: 'locked', retryAfterMs: LOCKOUT_MS };
    }
    return { ok: false, reason: 'wrong_pin', attemptsLeft: MAX_FAILURES - lock.failures };
  }

  /** The person a live token belongs to; null for an unknown or expired one. */
  whoIs(token: string): TechnicianIdentity | null {
    return this.verify(token) ? (this.tokens.get(token)?.who ?? null) : null;
  }

  /** True for a live token; expired tokens are forgotten. */
  verify(token: string): boolean {
    const exp = this.tokens.get(token)?.expiresAt;
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
