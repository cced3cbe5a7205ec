import { describe, expect, it } from 'vitest';
import { trainLogisticClassifier } from './logistic-classifier.ts';

const examples = [
  { label: 'hours', features: ['when', 'open'] },
  { label: 'hours', features: ['close', 'time'] },
  { label: 'hours', features: ['open', 'time'] },
  { label: 'card', features: ['card', 'lost'] },
  { label: 'card', features: ['card', 'stolen'] },
  { label: 'none', features: ['library', 'open'] },
  { label: 'none', features: ['library', 'time'] },
  { label: 'none', features: ['weather'] },
];

describe('logistic classifier', () => {
  const c = trainLogisticClassifier(examples);

  it('learns that a word seen only off-topic outweighs topic words', () => {
    expect(c.classify(['open', 'time'])[0]?.label).toBe('hours');
    expect(c.classify(['library', 'open', 'time'])[0]?.label).toBe('none');
  });

  it('gives probabilities summing to 1, the same model for the same examples', () => {
    const scores = c.classify(['card', 'lost']);
    expect(scores[0]?.label).toBe('card');
    expect(scores.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1);
    expect(trainLogisticClassifier(examples).classify(['card'])).toEqual(c.classify(['card']));
  });

  it('lets unseen features speak for the fallback class only when asked', () => {
    const plain = c.classify(['open', 'zzz', 'yyy']);
    const withUnseen = c.classify(['open', 'zzz', 'yyy'], { label: 'none', weight: 2 });
    const none = (s: typeof plain) => s.find((x) => x.label === 'none')!.probability;
    expect(none(withUnseen)).toBeGreaterThan(none(plain));
    expect(c.knownShare(['open', 'zzz'])).toBe(0.5);
  });
});
