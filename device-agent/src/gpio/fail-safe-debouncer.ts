// Asymmetric debounce for fail-safe inputs: the unsafe level (0) is taken at once, so an e-stop edge
// reaches the arm without delay; the safe level (1) is accepted only after it has held for settleMs,
// so contact bounce or a flickering wire cannot release a stop.
import type { LineValue } from './gpio.ts';

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class FailSafeDebouncer {
  private stable: LineValue;
  private pending: unknown = null;

  constructor(
    initial: LineValue,
    private readonly settleMs: number,
    private readonly onChange: (value: LineValue) => void,
    private readonly timers: TimerApi = realTimers,
  ) {
    // The first reading is taken as it is: the supervisor decides what a stop found at start-up means.
    this.stable = initial;
  }

  value(): LineValue {
    return this.stable;
  }

  input(raw: LineValue): void {
    if (raw === 0) {
      this.cancel();
      if (this.stable !== 0) {
        this.stable = 0;
        this.onChange(0);
      }
      return;
    }
    if (this.stable === 1 || this.pending !== null) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.stable = 1;
      this.onChange(1);
    }, this.settleMs);
  }

  cancel(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
  }
}
