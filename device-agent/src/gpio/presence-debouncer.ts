// Debounce of the customer sensor at the kiosk front: someone must stand there for presentMs before
// the kiosk greets (a person walking past does not trigger), and must be gone for goneMs before the
// kiosk forgets them (a customer who shifts their weight or bends to a bag is not greeted twice).
import type { LineValue } from './gpio.ts';
import { LevelDebouncer, realTimers, type TimerApi } from './level-debouncer.ts';

export interface PresenceTiming {
  presentMs: number;
  goneMs: number;
}

export class PresenceDebouncer {
  private readonly level: LevelDebouncer;

  constructor(
    initial: LineValue,
    timing: PresenceTiming,
    onChange: (present: boolean) => void,
    timers: TimerApi = realTimers,
  ) {
    // Nobody is greeted for standing there when the agent starts: the first reading must hold too.
    this.level = new LevelDebouncer(
      0,
      { 1: timing.presentMs, 0: timing.goneMs },
      (v) => onChange(v === 1),
      timers,
    );
    this.level.input(initial);
  }

  present(): boolean {
    return this.level.value() === 1;
  }

  input(raw: LineValue): void {
    this.level.input(raw);
  }

  cancel(): void {
    this.level.cancel();
  }
}
