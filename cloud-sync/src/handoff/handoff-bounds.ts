// Applies the handoff limits to the handoffs in the store: drops waiting requests no kiosk socket
// claimed in time, refuses a kiosk's request over its open or per-minute limit, and, on a timer,
// keeps this instance's presence fresh, puts back in line the calls of an agent whose instance is
// gone, and forgets ended handoffs after a day. Web-standard (setInterval only); the clock is passed in.
import type { HandoffRows, HandoffRow } from '../hub/store/handoff-rows.ts';
import {
  HandoffLimitError,
  KioskRequestWindow,
  type HandoffLimits,
  type HandoffOutcome,
} from './handoff-limits.ts';
import { PRESENCE_STALE_MS } from './handoff-peers.ts';

type Abandoned = Extract<HandoffOutcome, { state: 'abandoned' }>;

/** How long an ended handoff's row still says how it ended. */
const KEEP_ENDED_MS = 24 * 3600_000;

export interface HandoffBoundsDeps {
  limits: HandoffLimits;
  rows: HandoffRows;
  instance: string;
  now: () => number;
  /** The handoffs whose kiosk socket this instance holds. */
  localKiosks: () => string[];
  /** Finishes a handoff as abandoned; false when it had ended meanwhile. */
  abandon: (h: HandoffRow, outcome: Abandoned) => Promise<boolean>;
  requeue: (handoffId: string, agent: string) => Promise<void>;
  failed: (err: Error) => void;
}

export class HandoffBounds {
  private readonly requestWindow = new KioskRequestWindow();
  private sweepTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly o: HandoffBoundsDeps) {}

  /**
   * Drops every waiting request whose kiosk has had no signalling socket on any instance for
   * `unclaimedMs` (it never opened one, or it closed and did not come back), so no agent accepts a
   * ghost. The kiosks held here are never dropped; other instances mark theirs seen on their sweep.
   */
  async dropUnclaimed(now: number): Promise<string[]> {
    const local = new Set(this.o.localKiosks());
    const dropped: string[] = [];
    for (const h of await this.o.rows.unclaimedSince(now - this.o.limits.unclaimedMs)) {
      if (local.has(h.id)) continue;
      const reason = h.claimed ? 'kiosk_left' : 'kiosk_never_connected';
      if (await this.o.abandon(h, { state: 'abandoned', at: now, reason })) dropped.push(h.id);
    }
    return dropped;
  }

  /**
   * Before routing a request: ghosts leave first, then the kiosk's per-minute limit applies (counted
   * per instance). The open limit applies once the request is routed to a queue: the bot opens nothing.
   */
  async checkRequest(kioskId: string, now: number): Promise<void> {
    await this.dropUnclaimed(now);
    this.requestWindow.take(kioskId, now, this.o.limits.maxRequestsPerMinute);
  }

  /** The refusal of a kiosk that already holds its most open (queued or in-call) handoffs. */
  async overOpenLimit(kioskId: string): Promise<HandoffLimitError> {
    const open = await this.o.rows.openCount(kioskId);
    const max = this.o.limits.maxOpenPerKiosk;
    return new HandoffLimitError(
      'too_many_open_handoffs',
      `this kiosk already has ${open} open handoff${open === 1 ? '' : 's'} (at most ${max}); end one first`,
      Math.max(1, Math.ceil(this.o.limits.unclaimedMs / 1000)),
    );
  }

  /** The calls of agents no live instance holds any more go back in line. */
  async requeueOrphans(now: number): Promise<void> {
    for (const h of await this.o.rows.orphanedCalls(now - PRESENCE_STALE_MS))
      if (h.agent) await this.o.requeue(h.id, h.agent);
  }

  /** One round of upkeep: this instance's agents and kiosks seen, ghosts, orphaned calls, old rows. */
  async sweep(): Promise<void> {
    const now = this.o.now();
    await this.o.rows.touchPresence(this.o.instance, now);
    await this.o.rows.kioskSeen(this.o.localKiosks(), now, false);
    await this.dropUnclaimed(now);
    await this.requeueOrphans(now);
    await this.o.rows.prune(now - KEEP_ENDED_MS);
  }

  /** The sweep runs while the hub runs (a ghost is also dropped before each request). */
  start(): void {
    const every = Math.max(1000, Math.min(15_000, Math.floor(this.o.limits.unclaimedMs / 4)));
    this.sweepTimer ??= setInterval(() => void this.sweep().catch(this.o.failed), every);
    // Upkeep alone does not keep a process alive (Node; Deno's timer is a number).
    (this.sweepTimer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }
}
