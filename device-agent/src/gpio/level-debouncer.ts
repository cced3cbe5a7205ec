// The one debouncer skeleton of the agent's inputs: a new level is taken only after it has held for its
// own time, and a level whose time is 0 is taken at once. The fail-safe inputs (e-stop, door) and the
// customer sensor are this skeleton with different times.
import type { LineValue } from './gpio.ts';

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class LevelDebouncer {
  private pending: unknown = null;

  constructor(
    private stable: LineValue,
    /** How long each level must hold before it is taken, ms; 0: at once. */
    private readonly holdMs: Readonly<Record<LineValue, number>>,
    private readonly onChange: (value: LineValue) => void,
    private readonly timers: TimerApi = realTimers,
  ) {}

  value(): LineValue {
    return this.stable;
  }

  input(raw: LineValue): void {
    if (raw === this.stable) {
      // Back to the stable level before the wait ended: the edge was bounce, a flicker or a passer-by.
      this.cancel();
      return;
    }
    if (this.holdMs[raw] <= 0) {
      this.cancel();
      this.take(raw);
      return;
    }
    if (this.pending !== null) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.take(raw);
    }, this.holdMs[raw]);
  }

  cancel(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
  }

  private take(value: LineValue): void {
    this.stable = value;
    this.onChange(value);
  }
}
