// The kiosk's own voice: espeak-ng (Debian, GPL, a separate process) says a line piece by piece, and each
// piece's place in the line is counted from the samples the engine wrote for it, so the lips and captions
// follow the engine's timing, not an estimate. Mandarin goes in as toned pinyin (pinyin-pro), English as
// words. Each piece is said by an espeak-ng process of its own, started ahead; all the pieces of a line
// are said in parallel.
import { EspeakSpawner, PhonemeProcess, type EspeakArgs } from './espeak-process.ts';
import { segmentLine, type VoiceLocale } from './voice-segments.ts';
import { encodeWav, loudSpans, pcmSamples, soundBounds } from './wav.ts';

export type VoiceMode = 'normal' | 'elderly';

export interface VoiceSettings {
  /** Words a minute at normal speed (espeak-ng -s; its default is 175). */
  rateWpm: number;
  /** 0..200 (espeak-ng -a; default 100). */
  volume: number;
}

/** The elderly mode: a quarter slower, a third louder (capped at espeak-ng's maximum). */
export const ELDERLY_RATE = 0.75;
export const ELDERLY_VOLUME = 1.35;
/** espeak-ng processes kept started (voice loaded) per voice setting; more start when a line needs them. */
const READY_PROCESSES = 6;
const VOICES: Record<VoiceLocale, string> = { 'zh-CN': 'cmn-latn-pinyin', en: 'en-us' };

/** One spoken piece: where it sits in the line's audio and which characters of the text it says. */
export interface VoicePiece {
  startMs: number;
  endMs: number;
  /** Where the piece's sound starts and ends (the engine's own leading and trailing quiet excluded). */
  soundStartMs: number;
  soundEndMs: number;
  /** The loud stretches of the engine's samples (the syllable nuclei), ms into the line. */
  nuclei: [number, number][];
  charIndex: number;
  charEnd: number;
  /** espeak-ng phoneme mnemonics of the piece (-x), e.g. "X'Au214_|". */
  phonemes: string;
}

export interface VoiceLine {
  engine: 'espeak-ng';
  locale: VoiceLocale;
  sampleRate: number;
  durationMs: number;
  pieces: VoicePiece[];
  /** The line's audio, 16-bit mono PCM WAV. */
  wav: Uint8Array;
  /** Milliseconds the engine took for the whole line. */
  synthMs: number;
}

interface Pool {
  audio: EspeakSpawner;
  phonemes: PhonemeProcess;
}

export class EspeakVoice {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly settings: VoiceSettings) {}

  argsFor(locale: VoiceLocale, mode: VoiceMode): EspeakArgs {
    const slow = mode === 'elderly';
    return {
      voice: VOICES[locale],
      wpm: Math.round(this.settings.rateWpm * (slow ? ELDERLY_RATE : 1)),
      amplitude: Math.min(200, Math.round(this.settings.volume * (slow ? ELDERLY_VOLUME : 1))),
    };
  }

  /** Starts the processes for a locale and mode ahead of the first line. */
  warm(locale: VoiceLocale, mode: VoiceMode = 'normal'): void {
    this.pool(locale, mode);
  }

  async synthesize(text: string, locale: VoiceLocale, mode: VoiceMode = 'normal'): Promise<VoiceLine> {
    const t0 = performance.now();
    const pool = this.pool(locale, mode);
    const segments = segmentLine(text, locale);
    const said = await Promise.all(
      segments.map((s) =>
        s.kind === 'pause' ? null : Promise.all([pool.audio.say(s.input), pool.phonemes.phonemesOf(s.input)]),
      ),
    );
    const rate = said.find((x) => x !== null)?.[0].sampleRate ?? 22_050;
    const chunks: Int16Array[] = [];
    const pieces: VoicePiece[] = [];
    let at = 0;
    const ms = (samples: number): number => (samples * 1000) / rate;
    segments.forEach((s, i) => {
      if (s.kind === 'pause') {
        const n = Math.round((s.ms * rate) / 1000);
        chunks.push(new Int16Array(n));
        at += n;
        return;
      }
      const [audio, phonemes] = said[i]!;
      const samples = pcmSamples(audio.pcm);
      const [a, b] = soundBounds(samples);
      pieces.push({
        startMs: ms(at),
        endMs: ms(at + samples.length),
        soundStartMs: ms(at + a),
        soundEndMs: ms(at + b),
        nuclei: loudSpans(samples, rate).map(([x, y]) => [ms(at + x), ms(at + y)] as [number, number]),
        charIndex: s.charIndex,
        charEnd: s.charEnd,
        phonemes,
      });
      chunks.push(samples);
      at += samples.length;
    });
    const all = new Int16Array(at);
    let k = 0;
    for (const c of chunks) {
      all.set(c, k);
      k += c.length;
    }
    return {
      engine: 'espeak-ng',
      locale,
      sampleRate: rate,
      durationMs: ms(at),
      pieces,
      wav: encodeWav(all, rate),
      synthMs: performance.now() - t0,
    };
  }

  close(): void {
    for (const p of this.pools.values()) {
      p.audio.close();
      p.phonemes.close();
    }
    this.pools.clear();
  }

  private pool(locale: VoiceLocale, mode: VoiceMode): Pool {
    const args = this.argsFor(locale, mode);
    const key = JSON.stringify(args);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = {
        audio: new EspeakSpawner(args, READY_PROCESSES),
        phonemes: new PhonemeProcess(args),
      };
      this.pools.set(key, pool);
    }
    return pool;
  }
}

/**
 * The configured engine voice, or null when the page speaks with the browser's own voice. Its processes
 * start now so the first greeting does not wait for espeak-ng to load its dictionaries.
 */
export function startVoice(o: { engine: string; rateWpm: number; volume: number }): EspeakVoice | null {
  if (o.engine !== 'espeak') return null;
  const voice = new EspeakVoice({ rateWpm: o.rateWpm, volume: o.volume });
  voice.warm('zh-CN');
  voice.warm('en');
  return voice;
}
