// Applies the handoff limits to the hub's open handoffs: drops waiting requests no kiosk socket
// claimed in time, and refuses a kiosk's request over its open or per-minute limit. Web-standard
// (setInterval only); the clock is passed in.
import type { HandoffRecord } from './call-records.ts';
import {
  HandoffLimitError,
  KioskRequestWindow,
  type HandoffLimits,
  type HandoffOutcome,
} from './handoff-limits.ts';

type Abandoned = Extract<HandoffOutcome, { state: 'abandoned' }>;

export class HandoffBounds {
  private readonly requestWindow = new KioskRequestWindow();
  private sweepTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly limits: HandoffLimits,
    private readonly handoffs: ReadonlyMap<string, HandoffRecord>,
    private readonly hasKioskSocket: (handoffId: string) => boolean,
    private readonly abandon: (h: HandoffRecord, outcome: Abandoned) => void,
  ) {}

  /**
   * Drops every waiting request whose kiosk has had no signalling socket for `unclaimedMs` (it never
   * opened one, or it closed and did not come back), so no agent accepts a ghost. Returns the ids.
   */
  dropUnclaimed(now: number): string[] {
    const dropped: string[] = [];
    for (const h of [...this.handoffs.values()]) {
      if (h.agent !== null || this.hasKioskSocket(h.id) || h.unclaimedSince === null) continue;
      if (now - h.unclaimedSince < this.limits.unclaimedMs) continue;
      this.abandon(h, {
        state: 'abandoned',
        at: now,
        reason: h.claimed ? 'kiosk_left' : 'kiosk_never_connected',
      });
      dropped.push(h.id);
    }
    return dropped;
  }

  /**
   * Before routing a request: ghosts leave first, then the kiosk's per-minute limit applies. The open
   * limit (assertRoom) applies only once the request is routed to a queue: the bot opens nothing.
   */
  checkRequest(kioskId: string, now: number): void {
    this.dropUnclaimed(now);
    this.requestWindow.take(kioskId, now, this.limits.maxRequestsPerMinute);
  }

  /** Throws HandoffLimitError when the kiosk already holds its most open (queued or in-call) handoffs. */
  assertRoom(kioskId: string): void {
    const open = [...this.handoffs.values()].filter((h) => h.kioskId === kioskId).length;
    const max = this.limits.maxOpenPerKiosk;
    if (open >= max)
      throw new HandoffLimitError(
        'too_many_open_handoffs',
        `this kiosk already has ${open} open handoff${open === 1 ? '' : 's'} (at most ${max}); end one first`,
        Math.max(1, Math.ceil(this.limits.unclaimedMs / 1000)),
      );
  }

  /** The sweep runs while any handoff is open (a ghost is also dropped before each accept). */
  startSweep(sweep: () => void): void {
    const every = Math.max(1000, Math.min(15_000, Math.floor(this.limits.unclaimedMs / 4)));
    this.sweepTimer ??= setInterval(sweep, every);
  }

  stopSweep(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }
}
