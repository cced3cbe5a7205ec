// Debounce of the customer sensor at the kiosk front: someone must stand there for presentMs before
// the kiosk greets (a person walking past does not trigger), and must be gone for goneMs before the
// kiosk forgets them (a customer who shifts their weight or bends to a bag is not greeted twice).
import { realTimers, type TimerApi } from './fail-safe-debouncer.ts';
import type { LineValue } from './gpio.ts';

export interface PresenceTiming {
  presentMs: number;
  goneMs: number;
}

export class PresenceDebouncer {
  private stable: boolean;
  private pending: unknown = null;

  constructor(
    initial: LineValue,
    private readonly timing: PresenceTiming,
    private readonly onChange: (present: boolean) => void,
    private readonly timers: TimerApi = realTimers,
  ) {
    // Nobody is greeted for standing there when the agent starts; the first reading must hold too.
    this.stable = false;
    this.input(initial);
  }

  present(): boolean {
    return this.stable;
  }

  input(raw: LineValue): void {
    const present = raw === 1;
    if (present === this.stable) {
      // Back to the stable level before the wait ended: the edge was a passer-by or a flicker.
      this.cancel();
      return;
    }
    if (this.pending !== null) return;
    this.pending = this.timers.setTimeout(
      () => {
        this.pending = null;
        this.stable = present;
        this.onChange(present);
      },
      present ? this.timing.presentMs : this.timing.goneMs,
    );
  }

  cancel(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
  }
}
