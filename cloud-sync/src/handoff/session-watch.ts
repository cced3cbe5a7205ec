// Agents' signalling sockets stay bound to a live console session: each socket is re-checked on every
// message it sends, at once when a session is signed out here, and every `intervalMs` while any agent
// socket is open (a sign-out on another instance, a password change, expiry). A socket whose session
// is gone is closed with 4401. Web-standard (setInterval only).
import type { HubStore } from '../hub/store/types.ts';
import type { SignalPeer } from './signal-wire.ts';

export const SESSION_ENDED = 4401;

export class AgentSessionWatch {
  private readonly sockets = new Map<SignalPeer, string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: HubStore,
    private readonly now: () => number,
    private readonly intervalMs: number,
    private readonly onError: (err: Error) => void,
  ) {}

  add(peer: SignalPeer, tokenHash: string): void {
    this.sockets.set(peer, tokenHash);
    this.timer ??= setInterval(() => void this.sweep().catch(this.onError), this.intervalMs);
  }

  remove(peer: SignalPeer): void {
    this.sockets.delete(peer);
    if (this.sockets.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** True when this socket's session still holds; otherwise closes the socket. */
  async check(peer: SignalPeer): Promise<boolean> {
    const hash = this.sockets.get(peer);
    if (hash === undefined) return true;
    if (await this.store.findSession(hash, new Date(this.now()))) return true;
    this.remove(peer);
    peer.close(SESSION_ENDED, 'session ended; sign in again');
    return false;
  }

  /** Re-checks every open agent socket. */
  async sweep(): Promise<void> {
    for (const peer of [...this.sockets.keys()]) await this.check(peer);
  }
}
