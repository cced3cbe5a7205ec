// The kiosk sync's health: each direction's last failure (cleared only by that direction's next
// success, so a good pull never hides a stuck push), whether the hub looks unreachable, and the
// backoff each failure earns.
import type { Logger } from '../logger.ts';
import { Backoff, type BackoffPolicy } from './backoff.ts';
import { HubRequestError } from './hub-http.ts';

export type SyncDirection = 'push' | 'pull';

export class SyncHealth {
  lastSuccessAt: string | null = null;
  /** True while the last failure looked like the hub being away (network or 5xx), not a refusal. */
  offline = false;
  private readonly errors: Record<SyncDirection, string | null> = { push: null, pull: null };
  /** A loop that died of an unexpected error. */
  private loopError: string | null = null;
  private readonly backoffs: Record<SyncDirection, Backoff>;

  constructor(
    policy: BackoffPolicy,
    private readonly log: Logger,
  ) {
    this.backoffs = { push: new Backoff(policy), pull: new Backoff(policy) };
  }

  error(what: SyncDirection): string | null {
    return this.errors[what];
  }

  lastError(): string | null {
    return this.loopError ?? this.errors.push ?? this.errors.pull;
  }

  loopDied(name: string, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.loopError = `${name} loop stopped: ${message}`;
    this.log.error({ event: 'sync.loop.died', loop: name, err: message }, this.loopError);
  }

  /** Records a success; true when it ends an outage, so the caller catches up both ways. */
  succeeded(what: SyncDirection): boolean {
    const backoff = this.backoffs[what];
    const recovering = backoff.failures > 0 || this.errors[what] !== null;
    backoff.reset();
    this.lastSuccessAt = new Date().toISOString();
    if (!recovering) return false;
    this.errors[what] = null;
    this.offline = false;
    this.log.info({ event: 'sync.recovered' }, 'hub reachable again');
    return true;
  }

  /** Records a failure; returns how long to wait before the next try. */
  failed(what: SyncDirection, err: unknown): number {
    const message = err instanceof Error ? err.message : String(err);
    this.offline = err instanceof HubRequestError && (err.status === 0 || err.status >= 500);
    this.errors[what] = `${what}: ${message}`;
    const backoff = this.backoffs[what];
    const delay = backoff.next();
    const level = backoff.failures === 1 ? 'warn' : 'debug';
    this.log[level]({ event: `sync.${what}.failed`, err: message, retryInMs: delay }, `${what} failed`);
    return delay;
  }
}
