// The one debounce skeleton of the agent: a single pending timeout that an input either restarts (fire
// after a quiet period: a session's idle timeout, a card reader's end-of-swipe) or only starts when none
// is running (a level that must hold from its first edge: the GPIO debouncers). Timers are injected so
// tests can step time.

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Real timers that do not keep the process alive (a forgotten idle session must not block shutdown). */
export const backgroundTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: realTimers.clearTimeout,
};

export class DebounceTimer {
  private handle: unknown = null;

  constructor(private readonly timers: TimerApi = realTimers) {}

  get pending(): boolean {
    return this.handle !== null;
  }

  /** Runs `fn` once `ms` have passed since the last restart; an earlier wait is dropped. */
  restart(ms: number, fn: () => void): void {
    this.cancel();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      fn();
    }, ms);
  }

  /** Starts a wait only when none is pending: the first edge's wait keeps running. */
  startIfIdle(ms: number, fn: () => void): void {
    if (!this.pending) this.restart(ms, fn);
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
