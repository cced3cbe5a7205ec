import { describe, expect, it } from 'vitest';
import {
  EN_SYLLABLE_MS,
  MIN_DURATION_MS,
  ZH_SYLLABLE_MS,
  englishSyllables,
  jawAt,
  planSpeech,
} from './speech-plan.ts';

describe('speech timing estimate', () => {
  it('counts English syllables by vowel groups', () => {
    expect(englishSyllables('card')).toBe(1);
    expect(englishSyllables('welcome')).toBe(2);
    expect(englishSyllables('branch')).toBe(1);
    expect(englishSyllables('identify')).toBe(4);
    expect(englishSyllables('24')).toBe(4);
    expect(englishSyllables('—')).toBe(0);
  });

  it('gives one syllable per Han character in Chinese', () => {
    const plan = planSpeech('您好欢迎光临', 'zh-CN');
    expect(plan.syllables).toHaveLength(6);
    expect(plan.durationMs).toBe(6 * ZH_SYLLABLE_MS);
  });

  it('adds pauses at punctuation but not at the end', () => {
    const withComma = planSpeech('您好，欢迎。', 'zh-CN');
    expect(withComma.syllables).toHaveLength(4);
    expect(withComma.durationMs).toBeGreaterThan(4 * ZH_SYLLABLE_MS);
    expect(planSpeech('Hello.', 'en').durationMs).toBe(planSpeech('Hello', 'en').durationMs);
  });

  it('grows with the text and never drops below the minimum', () => {
    const short = planSpeech('Hi', 'en');
    const long = planSpeech('Please swipe your card in the reader below the screen', 'en');
    expect(short.durationMs).toBe(MIN_DURATION_MS);
    expect(long.durationMs).toBeGreaterThan(10 * EN_SYLLABLE_MS);
    expect(planSpeech('', 'en').syllables).toEqual([]);
  });

  it('opens the jaw inside syllables and closes it between them', () => {
    const plan = planSpeech('Hello, welcome', 'en');
    const first = plan.syllables[0]!;
    const mid = (first.startMs + first.endMs) / 2;
    expect(jawAt(plan, mid)).toBeGreaterThan(0.4);
    expect(jawAt(plan, first.startMs)).toBeCloseTo(0);
    // In the comma's pause.
    expect(jawAt(plan, plan.syllables[1]!.endMs + 50)).toBe(0);
    expect(jawAt(plan, plan.durationMs + 1)).toBe(0);
    expect(planSpeech('Hello, welcome', 'en')).toEqual(plan);
  });
});
