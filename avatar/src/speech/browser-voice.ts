// The browser's own speech synthesis (Web Speech API), used when it has a voice for the line's locale.
// Its start, word-boundary and end events drive the lip-sync timing; without a voice the avatar falls back
// to its estimate. Local voices only matter here: the avatar itself sends nothing over the network.
import type { SpeechLocale } from '../types.ts';

export interface VoiceHandlers {
  onStart(): void;
  /** UTF-16 index into the text where the word now being spoken starts. */
  onBoundary(charIndex: number): void;
  onEnd(): void;
}

export interface VoiceOutput {
  /** Starts speaking; false when no voice fits the locale (nothing is spoken then). */
  speak(text: string, locale: SpeechLocale, handlers: VoiceHandlers): boolean;
  cancel(): void;
}

/** The best voice for a locale: an exact tag (zh-CN) first, then the same language (zh-TW, en-GB). */
export function pickVoice<V extends { lang: string; localService?: boolean }>(
  voices: readonly V[],
  locale: SpeechLocale,
): V | undefined {
  const norm = (tag: string): string => tag.replace('_', '-').toLowerCase();
  const want = norm(locale);
  const lang = want.split('-')[0]!;
  const exact = voices.filter((v) => norm(v.lang) === want);
  const sameLang = voices.filter((v) => norm(v.lang).split('-')[0] === lang);
  // A local voice keeps the customer's words on the machine; remote ones are a last resort.
  const local = (list: V[]): V | undefined => list.find((v) => v.localService !== false) ?? list[0];
  return local(exact) ?? local(sameLang);
}

/** The Web Speech API voice output, or null where the browser has none. */
export function browserVoice(): VoiceOutput | null {
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
    .SpeechSynthesisUtterance;
  if (!synth || !Utterance) return null;
  let current: SpeechSynthesisUtterance | null = null;
  return {
    speak(text, locale, handlers) {
      const voice = pickVoice(synth.getVoices(), locale);
      if (!voice) return false;
      synth.cancel();
      const u = new Utterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 1;
      u.onstart = () => handlers.onStart();
      u.onboundary = (ev) => {
        if (ev.name === 'word' || ev.name === undefined) handlers.onBoundary(ev.charIndex);
      };
      const end = (): void => {
        if (current !== u) return;
        current = null;
        handlers.onEnd();
      };
      u.onend = end;
      u.onerror = end;
      current = u;
      synth.speak(u);
      return true;
    },
    cancel() {
      const u = current;
      current = null;
      if (u) synth.cancel();
    },
  };
}
