// The kiosk's voice on the real espeak-ng: every piece of a line has exactly its own samples, whether the
// processes are just started (cold, the first line after the agent starts) or warm, and whatever else the
// machine is doing. A long-lived process told lines apart by a quiet moment in its output, and on a busy
// or cold start it cut a syllable short and handed the rest of it to a later one (scrambled audio, lips
// off by hundreds of milliseconds). Here each piece's samples must equal those of the same piece said on
// its own by a fresh espeak-ng.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { EspeakVoice, voiceLineNdjson } from '../src/index.ts';
import { FIRST_WRITE_AUDIO_MS } from '../src/voice/voice-routes.ts';
import { segmentLine } from '../src/voice/voice-segments.ts';
import { pcmSamples, WAV_HEADER_BYTES } from '../src/voice/wav.ts';

const ZH = '您好，欢迎光临。请问您今天想办理什么业务？';
const EN = 'Welcome to the branch. How can I help you today?';

/** The samples of one piece from a fresh espeak-ng run on its own, with the voice's own arguments. */
function alone(voice: EspeakVoice, input: string, locale: 'zh-CN' | 'en'): number {
  const a = voice.argsFor(locale, 'normal');
  const out = spawnSync(
    process.env.KIOSK_ESPEAK_BINARY ?? 'espeak-ng',
    ['-v', a.voice, '-s', String(a.wpm), '-a', String(a.amplitude), '-z', '--stdout', input],
    { maxBuffer: 1 << 24 },
  );
  return (out.stdout.length - WAV_HEADER_BYTES) >> 1;
}

describe('espeak-ng pieces', () => {
  const voice = new EspeakVoice({ rateWpm: 165, volume: 100 });
  afterAll(() => voice.close());

  for (const [text, locale] of [
    [ZH, 'zh-CN'],
    [EN, 'en'],
  ] as const) {
    it(`says each ${locale} piece whole, the first line after start as the later ones`, async () => {
      // Cold: no warm() and no wait, as the agent's first greeting may be.
      const cold = await voice.synthesize(text, locale);
      const warm = await voice.synthesize(text, locale);
      const said = segmentLine(text, locale).filter((s) => s.kind === 'say');
      expect(cold.pieces.map((p) => p.charIndex)).toEqual(said.map((s) => s.charIndex));
      const lengths = (l: typeof cold): number[] =>
        l.pieces.map((p) => Math.round(((p.endMs - p.startMs) * l.sampleRate) / 1000));
      expect(lengths(cold)).toEqual(said.map((s) => s.kind === 'say' && alone(voice, s.input, locale)));
      expect(lengths(warm)).toEqual(lengths(cold));
      expect(Buffer.from(warm.wav).equals(Buffer.from(cold.wav))).toBe(true);
      // Not silent, and its phonemes are espeak-ng's.
      const samples = pcmSamples(cold.wav.subarray(WAV_HEADER_BYTES));
      expect(samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeGreaterThan(3000);
      expect(cold.pieces.every((p) => p.phonemes.length > 0)).toBe(true);
    });
  }

  it('streams a line as NDJSON: a first second of audio in one write, then each piece, then the end', async () => {
    const whole = await voice.synthesize(ZH, 'zh-CN');
    const writes: string[] = [];
    for await (const w of voiceLineNdjson(voice, ZH, 'zh-CN')) writes.push(w);
    const parse = (w: string): Record<string, unknown>[] =>
      w
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const first = parse(writes[0]!) as { piece: { endMs: number } }[];
    expect(first.at(-1)!.piece.endMs).toBeGreaterThanOrEqual(FIRST_WRITE_AUDIO_MS);
    expect(first.at(-2)!.piece.endMs).toBeLessThan(FIRST_WRITE_AUDIO_MS);
    expect(writes.slice(1, -1).every((w) => parse(w).length === 1)).toBe(true);
    const all = writes.flatMap(parse);
    expect(all.at(-1)).toEqual({ end: { durationMs: whole.durationMs } });
    const pieces = all.slice(0, -1) as { piece: unknown; sampleRate: number; pcm: string }[];
    expect(pieces.map((p) => p.piece)).toEqual(whole.pieces);
    // The streamed samples are the line's, piece by piece.
    const wav = Buffer.from(whole.wav).subarray(WAV_HEADER_BYTES);
    for (const p of pieces) {
      const at = Math.round(((p.piece as { startMs: number }).startMs * p.sampleRate) / 1000) * 2;
      const pcm = Buffer.from(p.pcm, 'base64');
      expect(pcm.equals(wav.subarray(at, at + pcm.length))).toBe(true);
    }
  });
});
