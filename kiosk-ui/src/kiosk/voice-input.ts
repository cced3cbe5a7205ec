// Voice input through the Web Speech API's recognition, only where the browser can recognise the locale ON
// THE DEVICE (processLocally): a customer's voice must not leave the kiosk for a cloud recognition service.
// The button is hidden where that is not available; a failure (no microphone, no service) hides it for the
// rest of the page's life and the customer types instead.
import type { Locale } from '../i18n/index.ts';

interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal?: boolean }>;
}

interface Recognition {
  lang: string;
  processLocally?: boolean;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((ev: RecognitionResultEvent) => void) | null;
  onerror: ((ev: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

type RecognitionCtor = (new () => Recognition) & {
  /** Web Speech API: whether these languages can be recognised (locally, with processLocally). */
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<Availability>;
};

export function recognitionConstructor(): RecognitionCtor | null {
  const g = globalThis as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return g.SpeechRecognition ?? g.webkitSpeechRecognition ?? null;
}

export interface VoiceInputHandlers {
  onText: (text: string) => void;
  onListening: (listening: boolean) => void;
  onFailed: (error: string) => void;
}

export class VoiceInput {
  private active: Recognition | null = null;
  private broken = false;
  private readonly onDevice = new Set<Locale>();

  constructor(private readonly Ctor: RecognitionCtor | null = recognitionConstructor()) {}

  /** True once availableFor() has confirmed on-device recognition for some locale and nothing failed. */
  get available(): boolean {
    return this.Ctor !== null && !this.broken && this.onDevice.size > 0;
  }

  /** Resolves true only when the browser recognises `locale` on the device itself. */
  async availableFor(locale: Locale): Promise<boolean> {
    if (!this.Ctor?.available || this.broken) return false;
    try {
      const answer = await this.Ctor.available({ langs: [locale], processLocally: true });
      if (answer === 'available') this.onDevice.add(locale);
      else this.onDevice.delete(locale);
    } catch {
      this.onDevice.delete(locale);
    }
    return this.onDevice.has(locale) && !this.broken;
  }

  listen(locale: Locale, h: VoiceInputHandlers): void {
    if (!this.Ctor || this.broken || !this.onDevice.has(locale)) return;
    this.stop();
    const r = new this.Ctor();
    r.processLocally = true;
    r.lang = locale;
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.onresult = (ev) => {
      const text = Array.from(ev.results)
        .map((alts) => alts[0]?.transcript ?? '')
        .join('')
        .trim();
      if (text) h.onText(text);
    };
    r.onerror = (ev) => {
      // No permission or no recognition service: stop offering the button.
      if (['not-allowed', 'service-not-allowed', 'network', 'audio-capture'].includes(ev.error)) {
        this.broken = true;
      }
      h.onFailed(ev.error);
    };
    r.onend = () => {
      if (this.active === r) this.active = null;
      h.onListening(false);
    };
    this.active = r;
    h.onListening(true);
    try {
      r.start();
    } catch (err) {
      this.active = null;
      h.onListening(false);
      h.onFailed(String(err));
    }
  }

  /** Stops listening and drops whatever was heard (end of a visit). */
  stop(): void {
    const r = this.active;
    this.active = null;
    if (r) {
      r.onresult = null;
      r.abort();
    }
  }
}
