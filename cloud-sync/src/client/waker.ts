// An interruptible sleep for the sync loops: wake() ends the current sleep, or the next one at once
// when nobody is sleeping yet, so a nudge that arrives mid-request is never lost.
export class Waker {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake(): void {
    this.pending = true;
    this.resolve?.();
  }

  /** Resolves after `ms`, or earlier on wake(). */
  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.resolve = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resolve = done;
    });
  }
}

/** Fired once, by stop(): ends every sleep in progress and every later one at once. */
export class StopSignal {
  private fired = false;
  private readonly sleepers = new Set<() => void>();

  get isFired(): boolean {
    return this.fired;
  }

  fire(): void {
    this.fired = true;
    for (const wake of this.sleepers) wake();
  }

  sleep(ms: number): Promise<void> {
    if (this.fired) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
