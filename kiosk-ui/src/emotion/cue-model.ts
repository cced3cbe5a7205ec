// The cue model, per frame: from MediaPipe's 52 blendshapes and the head pose (facial transformation
// matrix) to scores for six cues, valence, arousal, attention and distance. Pure logic (no DOM, no Node):
// it runs in the emotion worker and in unit tests. The mapping follows FACS action units (AU12 smile,
// AU1 inner brow raise, AU4 brow lower, AU26 jaw drop with AU1+2 brow raise, AU9/AU20 sneer and lip
// stretch); the thresholds were calibrated on the labelled photos of test/fixtures/faces (kiosk-ui README).

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
  };
  const family = families[label];
  if (!family) throw new Error(`unknown expression label "${label}"`);
  return family;
}

/** Where each ramp starts and saturates (blendshape score), and the weights; the README's table. */
export const MAPPING = {
  jawOpen: [0.3, 0.7],
  browInnerUp: [0.3, 0.55],
  browDown: [0.2, 0.5],
  /** A milder brow lowering, with open eyes: frowning in thought rather than anger. */
  browDownConfused: [0.1, 0.3],
  eyeSquint: [0.3, 0.6],
  noseSneer: [0.1, 0.4],
  mouthStretch: [0.15, 0.35],
  /** Cap of the confused score, so that a strong brow lowering reads as anger. */
  confusedWeight: 0.7,
  /** How far an open mouth and raised inner brows take a smile away from "happy". */
  surpriseDamp: 0.6,
  distressDamp: 0.8,
  /** Head turned further than this (degrees) is not looking at the screen; zero attention at the far end. */
  yaw: [20, 40],
  pitch: [15, 30],
} as const;

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

function pair(b: Record<string, number>, name: string): number {
  return ((b[`${name}Left`] ?? 0) + (b[`${name}Right`] ?? 0)) / 2;
}

/** Expression scores (0..1 each) from the blendshapes; neutral is what no expression leaves. */
export function expressionScores(b: Record<string, number>): Record<Cue, number> {
  const m = MAPPING;
  const smile = pair(b, 'mouthSmile');
  const openMouth = ramp(b.jawOpen ?? 0, m.jawOpen);
  const browRaise = Math.max(pair(b, 'browOuterUp'), pair(b, 'eyeWide'));
  const distress = ramp(b.browInnerUp ?? 0, m.browInnerUp);
  const browDown = pair(b, 'browDown');
  const frustration = Math.max(
    ramp(browDown, m.browDown),
    ramp(pair(b, 'noseSneer'), m.noseSneer),
    ramp(pair(b, 'mouthStretch'), m.mouthStretch),
  );
  const squint = ramp(pair(b, 'eyeSquint'), m.eyeSquint);
  const happy = smile * (1 - m.surpriseDamp * openMouth) * (1 - m.distressDamp * distress);
  const surprised = openMouth * (0.5 + 0.5 * browRaise);
  const tense = distress * (1 - 0.5 * openMouth);
  const angry = frustration * (1 - smile);
  const confused = m.confusedWeight * ramp(browDown, m.browDownConfused) * (1 - smile) * (1 - 0.5 * squint);
  const strongest = Math.max(happy, surprised, tense, angry, confused);
  return { happy, neutral: 1 - strongest, surprised, confused, tense, angry };
}

/** Yaw and pitch (degrees) of the head and its position, from the column-major 4x4 matrix. */
export function headPose(matrix: number[]): { yaw: number; pitch: number; x: number; y: number; z: number } {
  if (matrix.length !== 16) throw new Error(`head pose needs a 4x4 matrix, got ${matrix.length} values`);
  // The face's forward axis in camera space is the matrix's third column.
  const [fx, fy, fz] = [matrix[8]!, matrix[9]!, matrix[10]!];
  const deg = 180 / Math.PI;
  return {
    yaw: Math.atan2(fx, fz) * deg,
    pitch: Math.atan2(-fy, Math.hypot(fx, fz)) * deg,
    x: matrix[12]!,
    y: matrix[13]!,
    z: matrix[14]!,
  };
}

export function frameScores(face: FaceReading): FrameScores {
  const cues = expressionScores(face.blendshapes);
  const negative = Math.max(cues.angry, cues.tense, 0.5 * cues.confused);
  const valence = clamp(cues.happy - negative, -1, 1);
  const arousal = clamp(Math.max(cues.surprised, cues.angry, 0.8 * cues.tense, 0.6 * cues.happy));
  if (!face.matrix) return { cues, valence, arousal, attention: 1, distanceCm: null, gaze: { x: 0, y: 0 } };
  const pose = headPose(face.matrix);
  const off = Math.max(ramp(Math.abs(pose.yaw), MAPPING.yaw), ramp(Math.abs(pose.pitch), MAPPING.pitch));
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
