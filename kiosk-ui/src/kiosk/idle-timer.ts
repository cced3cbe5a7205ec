// The visit's idle clock: after `timeoutMs` without a touch the visit ends and the page is wiped; a warning
// with a countdown comes `warnMs` before that. Timers are injected so tests can step time.

export interface IdleTimerOptions {
  timeoutMs: number;
  warnMs: number;
  /** Called when the warning starts and then once a second with the seconds left. */
  onWarn: (secondsLeft: number) => void;
  /** Called when a warning is withdrawn by activity. */
  onResume: () => void;
  onTimeout: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

export const DEFAULT_IDLE_MS = 90_000;
export const IDLE_WARNING_MS = 20_000;

export class IdleTimer {
  private handle: unknown = null;
  private deadline = 0;
  private warning = false;
  private running = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;

  constructor(private readonly o: IdleTimerOptions) {
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = o.now ?? (() => performance.now());
  }

  get warned(): boolean {
    return this.warning;
  }

  /** Starts or restarts the clock (any customer activity). */
  poke(): void {
    this.running = true;
    this.deadline = this.now() + this.o.timeoutMs;
    if (this.warning) {
      this.warning = false;
      this.o.onResume();
    }
    this.arm(Math.max(0, this.o.timeoutMs - this.o.warnMs));
  }

  stop(): void {
    this.running = false;
    this.warning = false;
    if (this.handle !== null) this.clearTimer(this.handle);
    this.handle = null;
  }

  private arm(ms: number): void {
    if (this.handle !== null) this.clearTimer(this.handle);
    this.handle = this.setTimer(() => this.tick(), ms);
  }

  private tick(): void {
    this.handle = null;
    if (!this.running) return;
    const left = this.deadline - this.now();
    if (left <= 0) {
      this.stop();
      this.o.onTimeout();
      return;
    }
    this.warning = true;
    this.o.onWarn(Math.ceil(left / 1000));
    // Wake at each whole second of the countdown, and at the deadline itself.
    this.arm(left % 1000 || 1000);
  }
}
