import { describe, expect, it } from 'vitest';
import { decideFamily, featureNames, rawFeatures } from './cue-classifier.ts';

const probs = (p: number[]) => ({
  positive: p[0]!,
  neutral: p[1]!,
  surprised: p[2]!,
  'negative-frustrated': p[3]!,
  'negative-distressed': p[4]!,
});
const threshold = { threshold: { other: 0.4, negative: 0.8 } };

describe('the learned cue model: features and abstain', () => {
  it('averages left and right blendshapes and adds the head pose', () => {
    const names = featureNames(['jawOpen', 'mouthSmileLeft', 'mouthSmileRight']);
    expect(names).toEqual(['jawOpen', 'mouthSmile', 'headYaw', 'headPitch']);
    const face = { blendshapes: { jawOpen: 0.2, mouthSmileLeft: 0.4, mouthSmileRight: 0.8 }, matrix: null };
    expect(rawFeatures(face, names)).toEqual([0.2, 0.6000000000000001, 0, 0]);
  });

  it('answers the most probable family when it reaches its threshold', () => {
    expect(decideFamily(probs([0.5, 0.2, 0.1, 0.1, 0.1]), threshold)).toBe('positive');
  });

  it('says no cue below the threshold', () => {
    expect(decideFamily(probs([0.35, 0.3, 0.15, 0.1, 0.1]), threshold)).toBeNull();
  });

  it('asks a negative family for its own, higher threshold', () => {
    expect(decideFamily(probs([0.05, 0.05, 0.1, 0.7, 0.1]), threshold)).toBeNull();
    expect(decideFamily(probs([0.05, 0.05, 0.05, 0.85, 0]), threshold)).toBe('negative-frustrated');
  });
});
