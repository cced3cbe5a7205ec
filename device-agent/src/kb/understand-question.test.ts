import { describe, expect, it } from 'vitest';
import { cjkBigrams, createTextAnalyzer } from './analyze-text.ts';
import { evaluateUnderstanding, parseLabelledQuestions } from './evaluate-understanding.ts';
import { trainIntentClassifier } from './intent-classifier.ts';
import { createChineseSegmenter } from '../knowledge/chinese-segmenter.ts';
import { decide } from './understand-question.ts';

const analyzer = createTextAnalyzer(createChineseSegmenter());

describe('text analyzer', () => {
  it('cuts Chinese into words and drops function words', () => {
    const terms = analyzer.terms('你们下午几点下班？');
    expect(terms).toContain('下午');
    expect(terms).toContain('下班');
    expect(terms).not.toContain('你们');
  });

  it('gives Chinese character pairs within runs only', () => {
    expect(cjkBigrams('几点关门? ok 下班')).toEqual(['几点', '点关', '关门', '下班']);
  });

  it('reads typing slips and full-width letters as the usual spelling', () => {
    expect(analyzer.terms('转帐到ＡＴＭ')).toEqual(analyzer.terms('转账到ATM'));
  });

  it('stems English words and drops stop words', () => {
    expect(analyzer.terms('The cash machine swallowed my cards')).toEqual([
      'cash',
      'machin',
      'swallow',
      'card',
    ]);
  });
});

describe('intent classifier', () => {
  const c = trainIntentClassifier([
    { label: 'hours', features: ['open', 'close', 'time'] },
    { label: 'card', features: ['card', 'lost', 'stolen'] },
  ]);

  it('gives the class whose examples share the features, with probabilities summing to 1', () => {
    const scores = c.classify(['lost', 'card']);
    expect(scores[0]?.label).toBe('card');
    expect(scores.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1);
  });

  it('has no opinion on features it never saw', () => {
    expect(c.classify(['weather'])[0]?.probability).toBeCloseTo(0.5);
    expect(c.knownShare(['weather', 'card'])).toBe(0.5);
  });

  it('counts unseen features for the fallback class when asked', () => {
    const withUnseen = c.classify(['weather', 'forecast', 'card'], { label: 'hours', weight: 2 });
    expect(withUnseen[0]?.label).toBe('hours');
    expect(c.classify(['weather', 'forecast', 'card'])[0]?.label).toBe('card');
  });

  it('counts only the unseen features the evidence names (the words, not character pairs)', () => {
    const words = { label: 'hours', weight: 2, counts: (f: string) => !f.startsWith('b:') };
    expect(c.classify(['b:天气', 'b:预报', 'card'], words)[0]?.label).toBe('card');
    expect(c.classify(['weather', 'forecast', 'card'], words)[0]?.label).toBe('hours');
  });
});

describe('decide', () => {
  const settings = { rejectBelow: 0.4, closeMargin: 0.1 };
  it('answers, asks between two close topics, or rejects', () => {
    expect(
      decide(
        [
          { id: 'a', confidence: 0.9 },
          { id: 'b', confidence: 0.2 },
        ],
        settings,
      ).decision,
    ).toBe('answer');
    expect(
      decide(
        [
          { id: 'a', confidence: 0.6 },
          { id: 'b', confidence: 0.55 },
        ],
        settings,
      ).decision,
    ).toBe('clarify');
    expect(decide([{ id: 'a', confidence: 0.3 }], settings)).toMatchObject({
      decision: 'none',
      intent: 'none',
    });
  });
});

describe('evaluateUnderstanding', () => {
  it('counts answers, rejections and misses per locale', () => {
    const qs = parseLabelledQuestions(
      [
        '{"q":"a","locale":"en","expect":"x"}',
        '{"q":"b","locale":"en","expect":"none"}',
        '{"q":"c","locale":"zh-CN","expect":"y"}',
      ].join('\n'),
    );
    const r = evaluateUnderstanding(qs, (q) =>
      q === 'a'
        ? { decision: 'answer', intent: 'x', confidence: 1 }
        : { decision: 'none', intent: 'none', confidence: 0 },
    );
    expect(r).toMatchObject({
      total: 3,
      correct: 2,
      inScopeAccuracy: { en: 1, 'zh-CN': 0 },
      outOfScopeRejection: 1,
    });
    expect(r.misses.map((m) => m.q)).toEqual(['c']);
    expect(() => parseLabelledQuestions('{"q":1}')).toThrow(/line 1/);
  });
});
