// The learned cue model: from MediaPipe's 52 blendshapes and the head pose to the coarse family of the
// expression, or no answer. A softmax over standardised features (each left/right blendshape pair
// averaged, plus the head's yaw and pitch), trained by bin/emotion-train.ts on the calibration part of
// test/fixtures/faces-mux; its weights and the two abstain thresholds are in cue-weights.json. Pure logic.
import type { FaceReading, Family } from './cue-model.ts';
import { headPose } from './head-pose.ts';
import { softmaxProbs, type Softmax } from './logistic-regression.ts';

export const FAMILIES = [
  'positive',
  'neutral',
  'surprised',
  'negative-frustrated',
  'negative-distressed',
] as const satisfies readonly Family[];

/** The families that trigger offers and alerts: they need a high precision. */
export const NEGATIVE_FAMILIES: readonly Family[] = ['negative-frustrated', 'negative-distressed'];

export interface CueWeights extends Softmax {
  families: Family[];
  features: string[];
  /** Per feature: subtracted, then divided by scale (the calibration part's mean and spread). */
  mean: number[];
  scale: number[];
  /** The model answers a family only when its probability reaches the threshold (else: no cue). */
  threshold: { other: number; negative: number };
  /** How the weights were chosen, for the README and the bench. */
  training: Record<string, unknown>;
}

/** The feature names: every blendshape, left/right pairs as one, then the head pose. */
export function featureNames(blendshapeNames: readonly string[]): string[] {
  const bases = new Set(blendshapeNames.map((n) => n.replace(/(Left|Right)$/, '')));
  return [...[...bases].sort(), 'headYaw', 'headPitch'];
}

/** The raw (not standardised) feature vector of a face. */
export function rawFeatures(face: FaceReading, names: readonly string[]): number[] {
  const b = face.blendshapes;
  const pose = face.matrix ? headPose(face.matrix) : null;
  return names.map((n) => {
    // Turned left or right reads the same; the angle is in units of 45 degrees.
    if (n === 'headYaw') return pose ? Math.abs(pose.yaw) / 45 : 0;
    if (n === 'headPitch') return pose ? pose.pitch / 45 : 0;
    if (n in b) return b[n]!;
    return ((b[`${n}Left`] ?? 0) + (b[`${n}Right`] ?? 0)) / 2;
  });
}

export function standardise(raw: readonly number[], w: Pick<CueWeights, 'mean' | 'scale'>): number[] {
  return raw.map((v, j) => (v - w.mean[j]!) / w.scale[j]!);
}

/** Probability of each family for one face. */
export function familyProbs(face: FaceReading, w: CueWeights): Record<Family, number> {
  const p = softmaxProbs(w, standardise(rawFeatures(face, w.features), w));
  return Object.fromEntries(w.families.map((f, k) => [f, p[k]!])) as Record<Family, number>;
}

export function thresholdOf(family: Family, w: Pick<CueWeights, 'threshold'>): number {
  return NEGATIVE_FAMILIES.includes(family) ? w.threshold.negative : w.threshold.other;
}

/** The most probable family when it reaches its threshold; null: no cue (nothing may act on it). */
export function decideFamily(probs: Record<Family, number>, w: Pick<CueWeights, 'threshold'>): Family | null {
  let best: Family = 'neutral';
  for (const f of FAMILIES) if (probs[f] > probs[best]) best = f;
  return probs[best] >= thresholdOf(best, w) ? best : null;
}
