import { describe, expect, it } from 'vitest';
import { evaluate } from './cue-evaluation.ts';

describe('cue evaluation', () => {
  const result = evaluate([
    { file: 'a.jpg', label: 'happiness', family: 'positive' },
    { file: 'b.jpg', label: 'happy', family: null },
    { file: 'c.jpg', label: 'anger', family: 'negative-distressed' },
    { file: 'd.jpg', label: 'neutral', family: 'negative-frustrated' },
    { file: 'e.jpg', label: 'fear', family: 'no-face' },
  ]);

  it('counts right, abstained and missed faces, in total and per label', () => {
    expect(result).toMatchObject({ total: 5, right: 1, abstained: 1, noFace: 1 });
    expect(result.perLabel.happiness).toEqual({ total: 1, right: 1, abstained: 0, noFace: 0 });
    expect(result.perLabel.happy).toEqual({ total: 1, right: 0, abstained: 1, noFace: 0 });
    expect(result.perLabel.fear).toEqual({ total: 1, right: 0, abstained: 0, noFace: 1 });
  });

  it('counts a negative cue right when the label is negative, whichever negative family', () => {
    expect(result.negative).toEqual({ given: 2, right: 1, precision: 0.5 });
  });

  it('gives no precision when no negative cue was given', () => {
    expect(evaluate([{ file: 'a.jpg', label: 'sad', family: null }]).negative.precision).toBeNull();
  });
});
