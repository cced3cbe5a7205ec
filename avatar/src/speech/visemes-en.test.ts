import { describe, expect, it } from 'vitest';
import { englishWordSteps, englishWordVisemes } from './visemes-en.ts';

describe('English letter-to-phoneme visemes', () => {
  it('closes the lips for b, m and p and rounds them for w and oo', () => {
    expect(englishWordVisemes('map')).toEqual(['pp', 'aa', 'pp']);
    expect(englishWordVisemes('moon')).toEqual(['pp', 'ou', 'ss']);
    expect(englishWordVisemes('we')).toEqual(['ou', 'ih']);
  });

  it('reads letter groups as one sound', () => {
    expect(englishWordVisemes('the')).toEqual(['ss', 'ih']);
    expect(englishWordVisemes('phone')).toEqual(['ff', 'oh', 'ou', 'ss']);
    expect(englishWordVisemes('see')).toEqual(['ss', 'ee']);
    expect(englishWordVisemes('card')).toEqual(['kk', 'aa', 'ss']);
  });

  it('makes the vowel long before a silent final e and drops that e', () => {
    expect(englishWordVisemes('time')).toEqual(['ss', 'aa', 'ee', 'pp']);
    expect(englishWordVisemes('make')).toEqual(['pp', 'ee', 'ih', 'kk']);
    expect(englishWordVisemes('have')).toEqual(['kk', 'aa', 'ff']);
  });

  it('counts a doubled consonant once and reads digits as words', () => {
    expect(englishWordVisemes('hello')).toEqual(['kk', 'ih', 'ss', 'oh']);
    expect(englishWordVisemes('7')).toEqual(englishWordVisemes('seven'));
  });

  it('gives vowels twice the time of consonants, the shares summing to one', () => {
    const steps = englishWordSteps('bank');
    expect(steps.map((s) => s.viseme)).toEqual(['pp', 'aa', 'ss', 'kk']);
    expect(steps[1]!.weight).toBeCloseTo(2 * steps[0]!.weight);
    expect(steps.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1);
    expect(englishWordSteps('...')).toEqual([]);
  });
});
