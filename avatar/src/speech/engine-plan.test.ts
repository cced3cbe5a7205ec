import { describe, expect, it } from 'vitest';
import { jawAt, visemeAt } from '../speech-plan.ts';
import { loudnessOfWav } from './engine-loudness.ts';
import { phonemeVisemes, planFromEngine, spokenUpTo } from './engine-plan.ts';

/** A 16-bit mono WAV at 1 kHz: `ms` of a square wave at each amplitude in turn. */
function wavOf(parts: [number, number][]): ArrayBuffer {
  const samples = parts.flatMap(([ms, amp]) => Array.from({ length: ms }, (_, i) => (i % 2 ? amp : -amp)));
  const buf = new ArrayBuffer(44 + samples.length * 2);
  const v = new DataView(buf);
  v.setUint16(22, 1, true);
  v.setUint32(24, 1000, true);
  v.setUint16(34, 16, true);
  samples.forEach((x, i) => v.setInt16(44 + i * 2, x, true));
  return buf;
}

describe('lips from the engine', () => {
  it('maps espeak-ng mnemonics to visemes', () => {
    expect(phonemeVisemes("X'Au214_|")).toEqual(['kk', 'aa', 'ou']);
    expect(phonemeVisemes("b'a55")).toEqual(['pp', 'aa']);
    expect(phonemeVisemes("w'ElkVm")).toEqual(['ou', 'ih', 'ss', 'kk', 'aa', 'pp']);
  });

  it("puts the vowels on the piece's loud stretches and the consonants around them", () => {
    const plan = planFromEngine({
      durationMs: 600,
      pieces: [
        {
          startMs: 0,
          endMs: 300,
          soundStartMs: 10,
          soundEndMs: 290,
          nuclei: [[100, 280]],
          charIndex: 0,
          charEnd: 1,
          phonemes: "X'Au214_|",
        },
        {
          startMs: 300,
          endMs: 600,
          soundStartMs: 310,
          soundEndMs: 590,
          nuclei: [
            [320, 400],
            [480, 580],
          ],
          charIndex: 2,
          charEnd: 9,
          phonemes: "w'ElkVm",
        },
      ],
    });
    expect(visemeAt(plan, 50)).toBe('kk');
    expect(visemeAt(plan, 120)).toBe('aa');
    expect(visemeAt(plan, 295)).toBe('sil');
    expect(plan.syllables.map((s) => [s.startMs, s.endMs])).toEqual([
      [100, 280],
      [320, 400],
      [480, 580],
    ]);
    expect(jawAt(plan, 190)).toBeGreaterThan(0.9);
    expect(jawAt(plan, 440)).toBe(0);
    expect(visemeAt(plan, 440)).toMatch(/ss|kk/);
  });

  it('captions follow the pieces', () => {
    const line = {
      pieces: [
        { startMs: 0, charEnd: 1 },
        { startMs: 300, charEnd: 3 },
      ],
    } as Parameters<typeof spokenUpTo>[1];
    expect(spokenUpTo('您好！', line, 100)).toBe('您');
    expect(spokenUpTo('您好！', line, 400)).toBe('您好！');
  });

  it("opens the jaw with the loudness of the engine's own samples, as wide as the syllable's vowel", () => {
    // 100 ms quiet, 200 ms loud "a", 100 ms quiet, 200 ms equally loud "i", 100 ms quiet.
    const wav = wavOf([
      [100, 0],
      [200, 8000],
      [100, 0],
      [200, 8000],
      [100, 0],
    ]);
    const loud = loudnessOfWav(wav)!;
    expect(loud.frameMs).toBe(10);
    expect(loud.values).toHaveLength(70);
    const piece = (at: number, phonemes: string): Parameters<typeof planFromEngine>[0]['pieces'][number] => ({
      startMs: at - 100,
      endMs: at + 200,
      soundStartMs: at,
      soundEndMs: at + 200,
      nuclei: [[at, at + 200]],
      charIndex: 0,
      charEnd: 1,
      phonemes,
    });
    const plan = planFromEngine({ durationMs: 700, pieces: [piece(100, "b'a55"), piece(400, "t'i55")], wav });
    expect(jawAt(plan, 50)).toBe(0);
    expect(jawAt(plan, 200)).toBeCloseTo(1, 5);
    expect(jawAt(plan, 350)).toBe(0);
    // As loud as the "a", but a close vowel: the jaw opens three quarters as far.
    expect(jawAt(plan, 500)).toBeCloseTo(0.5 + 0.5 * 0.5, 5);
    // It rises with the sound, between frames too.
    expect(jawAt(plan, 100)).toBeGreaterThan(0.2);
    expect(jawAt(plan, 100)).toBeLessThan(jawAt(plan, 120));
  });

  it('reads no loudness from something that is not 16-bit PCM', () => {
    expect(loudnessOfWav(new ArrayBuffer(10))).toBeNull();
    expect(loudnessOfWav(wavOf([[100, 0]]))).toBeNull();
  });
});
