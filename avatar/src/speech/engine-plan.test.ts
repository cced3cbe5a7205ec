import { describe, expect, it } from 'vitest';
import { jawAt, visemeAt } from '../speech-plan.ts';
import { phonemeVisemes, planFromEngine, spokenUpTo } from './engine-plan.ts';

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
});
