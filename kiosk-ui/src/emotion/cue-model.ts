// The cue model, per frame: from MediaPipe's 52 blendshapes and the head pose (facial transformation
// matrix) to scores for six cues, valence, arousal, attention and distance. Pure logic (no DOM, no Node):
// it runs in the emotion worker and in unit tests. The expression scores come from the learned model
// (cue-classifier.ts, weights in cue-weights.json, trained on the calibration part of
// test/fixtures/faces-mux; kiosk-ui README "Cue mapping").

import { familyProbs, thresholdOf, type CueWeights } from './cue-classifier.ts';
import weightsJson from './cue-weights.json' with { type: 'json' };
import { headPose } from './head-pose.ts';

/** The learned model's committed weights (bin/emotion-train.ts). */
export const CUE_WEIGHTS = weightsJson as CueWeights;

export { headPose };

export interface FaceReading {
  /** Blendshape scores (0..1) by MediaPipe category name, e.g. mouthSmileLeft. */
  blendshapes: Record<string, number>;
  /** 4x4 facial transformation matrix, column-major, translation in cm; null when not given. */
  matrix: number[] | null;
}

export const CUES = ['happy', 'neutral', 'surprised', 'confused', 'tense', 'angry'] as const;
export type Cue = (typeof CUES)[number];
/** The cues that are expressions (neutral is their absence). */
export const EXPRESSIONS = ['happy', 'surprised', 'confused', 'tense', 'angry'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/** The coarse families a kiosk acts on (test/fixtures/faces/README.md). */
export type Family = 'positive' | 'neutral' | 'surprised' | 'negative-frustrated' | 'negative-distressed';

const FAMILY: Record<Cue, Family> = {
  happy: 'positive',
  neutral: 'neutral',
  surprised: 'surprised',
  confused: 'negative-frustrated',
  angry: 'negative-frustrated',
  tense: 'negative-distressed',
};

export function familyOf(cue: Cue): Family {
  return FAMILY[cue];
}

/** The family a photo's label (happy, angry, disgusted, fearful, sad, ...) belongs to. */
export function familyOfLabel(label: string): Family {
  const families: Record<string, Family> = {
    happy: 'positive',
    neutral: 'neutral',
    surprised: 'surprised',
    angry: 'negative-frustrated',
    disgusted: 'negative-frustrated',
    fearful: 'negative-distressed',
    sad: 'negative-distressed',
    // The seven labels of test/fixtures/faces-mux (muxspace/facial_expressions).
    happiness: 'positive',
    surprise: 'surprised',
    anger: 'negative-frustrated',
    disgust: 'negative-frustrated',
    fear: 'negative-distressed',
    sadness: 'negative-distressed',
  };
  const family = families[label];
  if (!family) throw new Error(`unknown expression label "${label}"`);
  return family;
}

/** Head turned further than these (degrees) is not looking at the screen; zero attention at the far end. */
export const ATTENTION = {
  yaw: [20, 40],
  pitch: [15, 30],
} as const;

/** The tracker's score for an expression cue, per family (families with no cue of their own are absent). */
const CUE_OF: Partial<Record<Family, Expression>> = {
  positive: 'happy',
  surprised: 'surprised',
  'negative-frustrated': 'angry',
  'negative-distressed': 'tense',
};

export interface FrameScores {
  cues: Record<Cue, number>;
  /** -1 (negative) .. 1 (positive). */
  valence: number;
  /** 0 (calm) .. 1 (aroused). */
  arousal: number;
  /** 0..1: facing the screen (head yaw and pitch within the limits). */
  attention: number;
  /** Distance of the face from the camera in cm (from the head pose), null without a pose. */
  distanceCm: number | null;
  /** Where the face is, as seen from the screen: -1 (left) .. 1 (right), -1 (down) .. 1 (up). */
  gaze: { x: number; y: number };
}

function clamp(x: number, lo = 0, hi = 1): number {
  return Math.min(hi, Math.max(lo, x));
}

/** 0 below lo, 1 above hi, linear between. */
export function ramp(x: number, [lo, hi]: readonly [number, number]): number {
  return clamp((x - lo) / (hi - lo));
}

/**
 * Expression scores (0..1 each) from the learned model (cue-classifier.ts): a family's probability over
 * its abstain threshold, halved, so a score reaches 0.5 (the tracker's ENTER) exactly where the model
 * would answer that family. Confused has no family of its own in the labelled data and stays 0; neutral
 * is what the strongest expression leaves.
 */
export function expressionScores(face: FaceReading, weights: CueWeights = CUE_WEIGHTS): Record<Cue, number> {
  const probs = familyProbs(face, weights);
  const cues: Record<Cue, number> = { happy: 0, neutral: 0, surprised: 0, confused: 0, tense: 0, angry: 0 };
  for (const [family, cue] of Object.entries(CUE_OF) as [Family, Expression][]) {
    cues[cue] = clamp((0.5 * probs[family]) / thresholdOf(family, weights));
  }
  cues.neutral = 1 - Math.max(...EXPRESSIONS.map((c) => cues[c]));
  return cues;
}

export function frameScores(face: FaceReading): FrameScores {
  const cues = expressionScores(face);
  const negative = Math.max(cues.angry, cues.tense, 0.5 * cues.confused);
  const valence = clamp(cues.happy - negative, -1, 1);
  const arousal = clamp(Math.max(cues.surprised, cues.angry, 0.8 * cues.tense, 0.6 * cues.happy));
  if (!face.matrix) return { cues, valence, arousal, attention: 1, distanceCm: null, gaze: { x: 0, y: 0 } };
  const pose = headPose(face.matrix);
  const off = Math.max(ramp(Math.abs(pose.yaw), ATTENTION.yaw), ramp(Math.abs(pose.pitch), ATTENTION.pitch));
  const depth = Math.max(1, -pose.z);
  // The camera sees the customer mirrored: a face on the image's left stands at the screen's right.
  const gaze = { x: clamp((-pose.x / depth) * 3, -1, 1), y: clamp((pose.y / depth) * 3, -1, 1) };
  return { cues, valence, arousal, attention: 1 - off, distanceCm: Math.round(depth), gaze };
}

/** The strongest cue of one frame (neutral when no expression is stronger than what it leaves). */
export function topCue(scores: Record<Cue, number>): Cue {
  let best: Cue = 'neutral';
  for (const c of CUES) if (scores[c] > scores[best]) best = c;
  return best;
}
