import { describe, expect, it } from 'vitest';
import { chineseCharVisemes, pinyinOfText, pinyinVisemes } from './visemes-zh.ts';

const shapes = (steps: { viseme: string }[]): string[] => steps.map((s) => s.viseme);

describe('pinyin from pinyin-pro', () => {
  it('reads polyphones from their context and leaves non-Han characters without a reading', () => {
    expect(pinyinOfText('银行')).toEqual(['yin', 'hang']);
    expect(pinyinOfText('行走')).toEqual(['xing', 'zou']);
    expect(pinyinOfText('绿A1')).toEqual(['lv', undefined, undefined]);
    expect(shapes(chineseCharVisemes('行', 'hang'))).toEqual(['kk', 'aa']);
    expect(shapes(chineseCharVisemes('行', 'xing'))).toEqual(['ss', 'ee']);
  });
});

describe('pinyin to visemes', () => {
  it('maps bilabial initials to a pressed mouth and a to an open one', () => {
    expect(shapes(pinyinVisemes('ba'))).toEqual(['pp', 'aa']);
    expect(shapes(pinyinVisemes('ma'))).toEqual(['pp', 'aa']);
    expect(shapes(pinyinVisemes('fa'))).toEqual(['ff', 'aa']);
  });

  it('splits compound finals into their vowel shapes', () => {
    expect(shapes(pinyinVisemes('hao'))).toEqual(['kk', 'aa', 'ou']);
    expect(shapes(pinyinVisemes('guo'))).toEqual(['kk', 'ou', 'oh']);
    expect(shapes(pinyinVisemes('xie'))).toEqual(['ss', 'ee', 'ih']);
  });

  it('rewrites y and w as the vowels they stand for, and u after j q x as ü', () => {
    expect(shapes(pinyinVisemes('yi'))).toEqual(['ee']);
    expect(shapes(pinyinVisemes('wo'))).toEqual(['ou', 'oh']);
    expect(shapes(pinyinVisemes('wu'))).toEqual(['ou']);
    expect(shapes(pinyinVisemes('yue'))).toEqual(['ou', 'ee']);
    expect(shapes(pinyinVisemes('xu'))).toEqual(['ss', 'ou']);
  });

  it('gives the buzzed i after z c s zh ch sh r a relaxed ih, not a spread ee', () => {
    expect(shapes(pinyinVisemes('shi'))).toEqual(['ss', 'ih']);
    expect(shapes(pinyinVisemes('zi'))).toEqual(['ss', 'ih']);
    expect(shapes(pinyinVisemes('ji'))).toEqual(['ss', 'ee']);
  });

  it("shares each syllable's time: a quarter for the initial, the rest among the vowels", () => {
    const steps = pinyinVisemes('jiao');
    expect(steps[0]!.weight).toBeCloseTo(0.25);
    expect(steps.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1);
  });

  it('reads digits in Chinese and still moves the mouth for an unknown character, the same way each time', () => {
    expect(shapes(chineseCharVisemes('8'))).toEqual(['pp', 'aa']);
    const unknown = chineseCharVisemes('𪚥');
    expect(unknown.length).toBe(2);
    expect(chineseCharVisemes('𪚥')).toEqual(unknown);
  });
});
