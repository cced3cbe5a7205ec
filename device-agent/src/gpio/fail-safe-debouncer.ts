// Asymmetric debounce for fail-safe inputs: the unsafe level (0) is taken at once, so an e-stop edge
// reaches the arm without delay; the safe level (1) is accepted only after it has held for settleMs,
// so contact bounce or a flickering wire cannot release a stop.
import type { LineValue } from './gpio.ts';
import { LevelDebouncer, realTimers, type TimerApi } from './level-debouncer.ts';

export class FailSafeDebouncer extends LevelDebouncer {
  constructor(
    initial: LineValue,
    settleMs: number,
    onChange: (value: LineValue) => void,
    timers: TimerApi = realTimers,
  ) {
    // The first reading is taken as it is: the supervisor decides what a stop found at start-up means.
    super(initial, { 0: 0, 1: settleMs }, onChange, timers);
  }
}
