// The kiosk's own voice: espeak-ng (Debian, GPL, a separate process) says a line piece by piece, and each
// piece's place in the line is counted from the samples the engine wrote for it, so the lips and captions
// follow the engine's timing, not an estimate. Mandarin goes in as toned pinyin (pinyin-pro), English as
// words. Each piece is said by an espeak-ng process of its own, started ahead; all the pieces of a line
// are said in parallel.
import { EspeakSpawner, PhonemeProcess, type EspeakArgs, type PieceAudio } from './espeak-process.ts';
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
const READY_PROCESSES = 8;
/** Pieces said ahead of the one the stream waits for. */
const AHEAD = 4;
/** espeak-ng's rate (all its voices), for a pause before any piece has said otherwise. */
const DEFAULT_RATE = 22_050;
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

/** One piece of a line as the engine finished it: its timing and its samples (16-bit mono). */
export interface VoiceChunk {
  sampleRate: number;
  samples: Int16Array;
  piece: VoicePiece;
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

  /**
   * Says a line piece by piece, yielding each piece with its samples as soon as it and every piece before
   * it are done, so the first syllable can play while the rest are still being said. A few pieces are
   * said ahead of the one awaited; each by its own espeak-ng process.
   */
  async *stream(text: string, locale: VoiceLocale, mode: VoiceMode = 'normal'): AsyncGenerator<VoiceChunk> {
    const pool = this.pool(locale, mode);
    const segments = segmentLine(text, locale);
    const said: (Promise<[PieceAudio, string]> | null)[] = [];
    let started = 0;
    const startUpTo = (n: number): void => {
      for (; started < Math.min(n, segments.length); started++) {
        const s = segments[started]!;
        const run =
          s.kind === 'pause'
            ? null
            : Promise.all([pool.audio.say(s.input), pool.phonemes.phonemesOf(s.input)]);
        run?.catch(() => undefined); // awaited in turn below; a failure ends the stream there
        said.push(run);
      }
    };
    let at = 0;
    let rate = 0;
    for (let i = 0; i < segments.length; i++) {
      startUpTo(i + 1 + AHEAD);
      const s = segments[i]!;
      if (s.kind === 'pause') {
        at += (s.ms * (rate || DEFAULT_RATE)) / 1000;
        continue;
      }
      const [audio, phonemes] = await said[i]!;
      rate = audio.sampleRate;
      const samples = pcmSamples(audio.pcm);
      const start = Math.round(at);
      const ms = (n: number): number => (n * 1000) / rate;
      const [a, b] = soundBounds(samples);
      yield {
        sampleRate: rate,
        samples,
        piece: {
          startMs: ms(start),
          endMs: ms(start + samples.length),
          soundStartMs: ms(start + a),
          soundEndMs: ms(start + b),
          nuclei: loudSpans(samples, rate).map(
            ([x, y]) => [ms(start + x), ms(start + y)] as [number, number],
          ),
          charIndex: s.charIndex,
          charEnd: s.charEnd,
          phonemes,
        },
      };
      at = start + samples.length;
    }
  }

  /** The whole line at once: its pieces' timing and one WAV. */
  async synthesize(text: string, locale: VoiceLocale, mode: VoiceMode = 'normal'): Promise<VoiceLine> {
    const t0 = performance.now();
    const chunks: VoiceChunk[] = [];
    for await (const c of this.stream(text, locale, mode)) {
      chunks.push(c);
    }
    const rate = chunks[0]?.sampleRate ?? DEFAULT_RATE;
    const last = chunks.at(-1);
    const total = last ? Math.round((last.piece.endMs * rate) / 1000) : 0;
    const all = new Int16Array(total);
    for (const c of chunks) all.set(c.samples, Math.round((c.piece.startMs * rate) / 1000));
    return {
      engine: 'espeak-ng',
      locale,
      sampleRate: rate,
      durationMs: last?.piece.endMs ?? 0,
      pieces: chunks.map((c) => c.piece),
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
