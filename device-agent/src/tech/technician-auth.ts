// Technician sign-in: personal accounts (name, scrypt-hashed PIN, role), failures counted and locked
// out per client address (login-throttle.ts), never per account, so a guesser on the service LAN cannot
// keep a technician elsewhere out; and short-lived random bearer tokens kept in memory only, each bound
// to the person who signed in, so every reset, runbook and jog is recorded against them.
import { randomBytes } from 'node:crypto';
import { LoginThrottle } from './login-throttle.ts';
import { verifyTechnicianPin } from './pin-hash.ts';

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
  /** A wrong PIN and an unknown name are one answer: sign-in does not tell which names exist. */
  | { ok: false; reason: 'wrong_pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

export class TechnicianAuth {
  private readonly accounts: TechnicianAccount[];
  private tokens = new Map<string, { expiresAt: number; who: TechnicianIdentity }>();

  constructor(
    /** The accounts, or one PIN hash (the trial account). */
    accounts: string | readonly TechnicianAccount[],
    private readonly tokenTtlMs: number,
    private readonly now: () => number = Date.now,
    private readonly throttle = new LoginThrottle(),
  ) {
    this.accounts =
      typeof accounts === 'string' ? [{ ...TRIAL_TECHNICIAN, pinHash: accounts }] : [...accounts];
    if (this.accounts.length === 0) throw new Error('at least one technician account is needed');
  }

  /**
   * Signs `client` (its address) in. The attempt is counted against the address before the PIN is
   * checked, synchronously, so parallel guesses all count. `user` may be left out when there is only
   * one account. An unknown name is checked against a real account's hash and counted like a wrong PIN,
   * so neither the answer nor its timing tells names apart.
   */
  async login(pin: string, user: string | undefined, client: string): Promise<LoginResult> {
    const admitted = this.throttle.attempt(client, this.now());
    if (!admitted.ok) return { ok: false, reason: 'locked', retryAfterMs: admitted.retryAfterMs };
    const account =
      user === undefined
        ? this.accounts.length === 1
          ? this.accounts[0]
          : undefined
        : this.accounts.find((a) => a.id === user);
    const right = await verifyTechnicianPin(
      pin,
      (account ?? (this.accounts[0] as TechnicianAccount)).pinHash,
    );
    if (account && right) {
      this.throttle.succeeded(client);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = this.now() + this.tokenTtlMs;
      const who: TechnicianIdentity = { id: account.id, name: account.name, role: account.role };
      this.tokens.set(token, { expiresAt, who });
      return { ok: true, token, expiresAt, technician: who };
    }
    if (admitted.attemptsLeft > 0)
      return { ok: false, reason: 'wrong_pin', attemptsLeft: admitted.attemptsLeft };
    return { ok: false, reason: 'locked', retryAfterMs: this.throttle.retryAfterMs(client, this.now()) };
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

/** The configured accounts, plus the trial account when the single legacy pinHash is set. */
export function technicianAccounts(t: {
  pinHash?: string | undefined;
  accounts: TechnicianAccount[];
}): TechnicianAccount[] {
  return t.pinHash === undefined ? t.accounts : [...t.accounts, { ...TRIAL_TECHNICIAN, pinHash: t.pinHash }];
}
