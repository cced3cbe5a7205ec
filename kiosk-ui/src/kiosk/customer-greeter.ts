// The attract loop's answer to the customer sensor at the kiosk front: when someone walks up, the avatar
// greets them in both languages and the invitation to touch the screen stands out; when they leave, it
// calms down again. It starts no session and keeps nothing of the customer: they still touch to begin.
import type { Mood } from '@branch/avatar';
import { t, type Locale } from '../i18n/index.ts';
import type { KioskClient } from '../protocol/kiosk-client.ts';

/** The class on the attract screen while someone stands in front of the kiosk (kiosk.css). */
export const CUSTOMER_PRESENT_CLASS = 'customer-present';
const GREETING_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export interface CustomerGreeterDeps {
  client: Pick<KioskClient, 'on'>;
  /** The attract screen, marked while someone is there. */
  attractScreen: Pick<HTMLElement, 'classList'>;
  /** True while the page shows the attract loop and the service is available. */
  canGreet(): boolean;
  say(text: string, locale: Locale): Promise<void>;
  mood(m: Mood): void;
}

export class CustomerGreeter {
  private present = false;

  constructor(private readonly deps: CustomerGreeterDeps) {
    deps.client.on('Session.PresenceChanged', (p) => this.setPresent(p.present));
  }

  /** From the unsolicited event, or from Common.Status when the page (re)connects. */
  setPresent(present: boolean): void {
    if (present === this.present) return;
    this.present = present;
    this.deps.attractScreen.classList.toggle(CUSTOMER_PRESENT_CLASS, present);
    if (present) void this.greet();
  }

  private async greet(): Promise<void> {
    for (const locale of GREETING_LOCALES) {
      // The customer touched the screen, or walked away, while the first greeting played: stop there.
      if (!this.present || !this.deps.canGreet()) return;
      this.deps.mood('happy');
      await this.deps.say(t(locale, 'attract.greet'), locale);
    }
  }
}
