import { describe, expect, it } from 'vitest';
import {
  EN_SYLLABLE_MS,
  MIN_DURATION_MS,
  ZH_SYLLABLE_MS,
  englishSyllables,
  jawAt,
  offsetOfChar,
  planSpeech,
  visemeAt,
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

describe('viseme timeline', () => {
  it('runs the pinyin shapes of each character back to back inside its syllable', () => {
    const plan = planSpeech('您好', 'zh-CN');
    expect(plan.cues.map((c) => c.viseme)).toEqual(['ss', 'ee', 'kk', 'aa', 'ou']);
    expect(plan.cues[0]!.startMs).toBe(0);
    expect(plan.cues[1]!.endMs).toBeCloseTo(ZH_SYLLABLE_MS);
    expect(visemeAt(plan, ZH_SYLLABLE_MS + ZH_SYLLABLE_MS * 0.5)).toBe('aa');
  });

  it('uses the English approximation for English and is silent in pauses and after the end', () => {
    const plan = planSpeech('Map, moon', 'en');
    expect(plan.cues.map((c) => c.viseme)).toEqual(['pp', 'aa', 'pp', 'pp', 'ou', 'ss']);
    const commaPause = plan.cues[2]!.endMs + 50;
    expect(visemeAt(plan, commaPause)).toBe('sil');
    expect(visemeAt(plan, plan.durationMs + 10)).toBe('sil');
  });

  it("knows where each word starts in the text, for the voice's boundary events", () => {
    const plan = planSpeech('Hello there, friend', 'en');
    expect(offsetOfChar(plan, 0)).toBe(0);
    expect(offsetOfChar(plan, 6)).toBe(plan.syllables[2]!.startMs);
    expect(offsetOfChar(plan, 13)).toBe(plan.syllables[3]!.startMs);
    expect(offsetOfChar(plan, 99)).toBeNull();
    const zh = planSpeech('您好，欢迎', 'zh-CN');
    expect(offsetOfChar(zh, 3)).toBe(zh.syllables[2]!.startMs);
  });

  it('reads digits one by one in Chinese', () => {
    expect(planSpeech('24', 'zh-CN').syllables).toHaveLength(2);
    expect(planSpeech('24', 'en').syllables).toHaveLength(4);
  });
});
