// Bounds on what kiosks can leave in the handoff queue: a request whose kiosk never opens its
// signalling socket (or whose socket went and never came back) is abandoned after `unclaimedMs`, and
// one kiosk may hold only so many open handoffs and make only so many requests a minute. Pure logic;
// the clock is passed in.

export interface HandoffLimits {
  /** A waiting request with no kiosk socket for this long leaves the queue as 'abandoned'. */
  unclaimedMs: number;
  /** Open (queued or in-call) handoffs one kiosk may hold at once. */
  maxOpenPerKiosk: number;
  /** Requests one kiosk may make in any 60 s (bot-routed ones count too). */
  maxRequestsPerMinute: number;
}

export const DEFAULT_HANDOFF_LIMITS: Readonly<HandoffLimits> = {
  unclaimedMs: 120_000,
  maxOpenPerKiosk: 2,
  maxRequestsPerMinute: 6,
};

const MINUTE_MS = 60_000;

/** A request over one of the kiosk's limits; the hub answers 429 with `code` and Retry-After. */
export class HandoffLimitError extends Error {
  constructor(
    readonly code: 'too_many_open_handoffs' | 'too_many_handoff_requests',
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
  }
}

/** Why a handoff left the hub without a ticket, or that it ended normally. */
export type HandoffOutcome =
  | { state: 'ended'; at: number; ticketId: string | null }
  | { state: 'abandoned'; at: number; reason: 'kiosk_never_connected' | 'kiosk_left' };

/** Each kiosk's request times in the last minute. */
export class KioskRequestWindow {
  private readonly times = new Map<string, number[]>();

  /** Records a request now, or throws HandoffLimitError when the kiosk already made `max` this minute. */
  take(kioskId: string, now: number, max: number): void {
    const recent = (this.times.get(kioskId) ?? []).filter((t) => now - t < MINUTE_MS);
    if (recent.length >= max) {
      const retryAfterS = Math.max(1, Math.ceil((MINUTE_MS - (now - (recent[0] ?? now))) / 1000));
      this.times.set(kioskId, recent);
      throw new HandoffLimitError(
        'too_many_handoff_requests',
        `this kiosk made ${recent.length} handoff requests in the last minute (at most ${max}); retry in ${retryAfterS} s`,
        retryAfterS,
      );
    }
    recent.push(now);
    this.times.set(kioskId, recent);
  }
}

export function resolveLimits(partial: Partial<HandoffLimits> | undefined): HandoffLimits {
  return { ...DEFAULT_HANDOFF_LIMITS, ...partial };
}
