import { describe, expect, it } from 'vitest';
import { balancedWeights, softmaxProbs, trainSoftmax } from './logistic-regression.ts';

describe('softmax regression', () => {
  // Three classes on a line: below -1, around 0, above 1.
  const x = [[-2], [-1.5], [-1.2], [-0.2], [0], [0.3], [1.2], [1.6], [2.2]];
  const y = [0, 0, 0, 1, 1, 1, 2, 2, 2];
  const opts = { classes: 3, lambda: 0.001, sampleWeights: balancedWeights(y, 3), steps: 2000, rate: 1 };

  it('learns separable classes', () => {
    const model = trainSoftmax(x, y, opts);
    const predicted = x.map((row) => {
      const p = softmaxProbs(model, row);
      return p.indexOf(Math.max(...p));
    });
    expect(predicted).toEqual(y);
  });

  it('gives the same weights every time (no randomness)', () => {
    expect(trainSoftmax(x, y, opts)).toEqual(trainSoftmax(x, y, opts));
  });

  it('gives probabilities that sum to 1', () => {
    const p = softmaxProbs(trainSoftmax(x, y, opts), [0.7]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('weighs a rare class up so every class weighs the same in total', () => {
    expect(balancedWeights([0, 0, 0, 1], 2)).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
  });
});
