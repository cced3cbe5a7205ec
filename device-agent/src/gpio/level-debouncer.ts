// The level debouncer of the agent's inputs, on the one debounce skeleton (DebounceTimer): a new level is
// taken only after it has held for its own time, and a level whose time is 0 is taken at once. The
// fail-safe inputs (e-stop, door) and the customer sensor are this with different times.
import { DebounceTimer, realTimers, type TimerApi } from '../timing/debounce-timer.ts';
import type { LineValue } from './gpio.ts';

export { realTimers, type TimerApi };

export class LevelDebouncer {
  private readonly pending: DebounceTimer;

  constructor(
    private stable: LineValue,
    /** How long each level must hold before it is taken, ms; 0: at once. */
    private readonly holdMs: Readonly<Record<LineValue, number>>,
    private readonly onChange: (value: LineValue) => void,
    timers: TimerApi = realTimers,
  ) {
    this.pending = new DebounceTimer(timers);
  }

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
    // The wait runs from the first edge: more bounce on the same side does not push it back.
    this.pending.startIfIdle(this.holdMs[raw], () => this.take(raw));
  }

  cancel(): void {
    this.pending.cancel();
  }

  private take(value: LineValue): void {
    this.stable = value;
    this.onChange(value);
  }
}
