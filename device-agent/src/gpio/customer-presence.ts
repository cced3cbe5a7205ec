// The customer sensor at the kiosk front, debounced: tells the kiosk page when someone walks up or
// leaves, so the attract loop can greet them. Not a safety input; nothing of the customer is recorded.
import type { Gpio } from './gpio.ts';
import { PresenceDebouncer, type PresenceTiming } from './presence-debouncer.ts';

export class CustomerPresence {
  private readonly debouncer: PresenceDebouncer;
  private readonly unwatch: () => void;
  private readonly listeners = new Set<(present: boolean) => void>();

  constructor(gpio: Gpio, timing: PresenceTiming) {
    this.debouncer = new PresenceDebouncer(gpio.read('customer'), timing, (present) => {
      for (const l of [...this.listeners]) l(present);
    });
    this.unwatch = gpio.watch('customer', (v) => this.debouncer.input(v));
  }

  present(): boolean {
    return this.debouncer.present();
  }

  /** Debounced changes; returns the unsubscribe function. */
  onChange(listener: (present: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unwatch();
    this.debouncer.cancel();
    this.listeners.clear();
  }
}
