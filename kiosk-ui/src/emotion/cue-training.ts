// Trains the learned cue model (cue-classifier.ts) on the calibration part of a labelled photo set: the
// L2 penalty and the two abstain thresholds are chosen by 5-fold cross-validation inside the calibration
// part (the test part is never read). Deterministic: fixed folds, zero start, fixed step count. Pure
// logic; bin/emotion-train.ts reads the files and writes cue-weights.json.
import {
  FAMILIES,
  NEGATIVE_FAMILIES,
  featureNames,
  rawFeatures,
  standardise,
  type CueWeights,
} from './cue-classifier.ts';
import { familyOfLabel, type FaceReading } from './cue-model.ts';
import { balancedWeights, softmaxProbs, trainSoftmax, type Softmax } from './logistic-regression.ts';

export interface LabelledReading {
  file: string;
  label: string;
  face: FaceReading | null;
}

export const TRAINING = {
  lambdas: [0.03, 0.1, 0.3],
  folds: 5,
  steps: 800,
  rate: 0.5,
  /** Abstain thresholds tried, low to high. */
  thresholds: Array.from({ length: 29 }, (_, i) => 0.25 + i * 0.025),
  /** Cross-validated precision the negative families must reach (issue 19: >= 0.9). */
  negativePrecision: 0.9,
} as const;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Rows {
  x: number[][];
  y: number[];
}

/** Fold of each row: rows of one family dealt in turn, in file order. */
function folds(y: number[], n: number): number[] {
  const seen = new Array<number>(FAMILIES.length).fill(0);
  return y.map((k) => seen[k]!++ % n);
}

function fit(rows: Rows, lambda: number): Softmax {
  return trainSoftmax(rows.x, rows.y, {
    classes: FAMILIES.length,
    lambda,
    sampleWeights: balancedWeights(rows.y, FAMILIES.length),
    steps: TRAINING.steps,
    rate: TRAINING.rate,
  });
}

/** Out-of-fold probabilities of every row. */
function crossValidated(rows: Rows, lambda: number): number[][] {
  const fold = folds(rows.y, TRAINING.folds);
  const out: number[][] = new Array<number[]>(rows.y.length);
  for (let f = 0; f < TRAINING.folds; f++) {
    const train = rows.y.map((_, i) => i).filter((i) => fold[i] !== f);
    const model = fit({ x: train.map((i) => rows.x[i]!), y: train.map((i) => rows.y[i]!) }, lambda);
    rows.y.forEach((_, i) => {
      if (fold[i] === f) out[i] = softmaxProbs(model, rows.x[i]!);
    });
  }
  return out;
}

/** Class-balanced mean log-loss of out-of-fold probabilities (lower is better). */
function logLoss(probs: number[][], y: number[]): number {
  const w = balancedWeights(y, FAMILIES.length);
  return y.reduce((s, k, i) => s - w[i]! * Math.log(Math.max(1e-9, probs[i]![k]!)), 0) / y.length;
}

const isNegative = (k: number): boolean => NEGATIVE_FAMILIES.includes(FAMILIES[k]!);
const argmax = (p: number[]): number => p.reduce((b, v, k) => (v > p[b]! ? k : b), 0);

interface Answer {
  k: number;
  i: number;
  p: number;
}
const answers = (probs: number[][], pick: (k: number) => boolean, t: number): Answer[] =>
  probs.map((p, i) => ({ k: argmax(p), i, p: p[argmax(p)]! })).filter((a) => pick(a.k) && a.p >= t);

/** Negative cues: the lowest threshold at which a negative cue's label is negative often enough. */
function negativeThreshold(probs: number[][], y: number[]): number {
  for (const t of TRAINING.thresholds) {
    const given = answers(probs, isNegative, t);
    const right = given.filter((a) => isNegative(y[a.i]!)).length;
    if (given.length && right / given.length >= TRAINING.negativePrecision) return t;
  }
  return 1.01;
}

/** The other cues: the threshold with the most right answers less wrong ones (an answer is worth giving
 * when it is more likely right than wrong); the lowest on a tie. */
function otherThreshold(probs: number[][], y: number[]): number {
  const gain = (t: number): number =>
    answers(probs, (k) => !isNegative(k), t).reduce((s, a) => s + (a.k === y[a.i] ? 1 : -1), 0);
  return TRAINING.thresholds.reduce((best, t) => (gain(t) > gain(best) ? t : best));
}

/** Cross-validated figures of the chosen model: argmax accuracy, and share answered and right at the thresholds. */
function cvFigures(
  probs: number[][],
  y: number[],
  t: { other: number; negative: number },
): Record<string, number> {
  const k = probs.map(argmax);
  const answered = k.map((c, i) => probs[i]![c]! >= (isNegative(c) ? t.negative : t.other));
  const right = k.filter((c, i) => answered[i] && c === y[i]).length;
  const n = answered.filter(Boolean).length;
  return {
    accuracy: round6(k.filter((c, i) => c === y[i]).length / y.length),
    answered: round6(n / y.length),
    answeredAccuracy: round6(n ? right / n : 0),
  };
}

export function trainCueModel(photos: LabelledReading[], calibration: readonly string[]): CueWeights {
  const part = new Set(calibration);
  const used = photos.filter((p) => part.has(p.file) && p.face).sort((a, b) => a.file.localeCompare(b.file));
  const features = featureNames(Object.keys(used[0]!.face!.blendshapes));
  const raw = used.map((p) => rawFeatures(p.face!, features));
  const mean = features.map((_, j) => round6(raw.reduce((s, r) => s + r[j]!, 0) / raw.length));
  const scale = features.map((_, j) => {
    const v = raw.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / raw.length;
    return round6(Math.sqrt(v)) || 1;
  });
  const rows: Rows = {
    x: raw.map((r) => standardise(r, { mean, scale })),
    y: used.map((p) => FAMILIES.indexOf(familyOfLabel(p.label) as (typeof FAMILIES)[number])),
  };
  const scored = TRAINING.lambdas.map((lambda) => {
    const probs = crossValidated(rows, lambda);
    return { lambda, probs, loss: logLoss(probs, rows.y) };
  });
  const best = scored.reduce((a, b) => (b.loss < a.loss ? b : a));
  const negative = negativeThreshold(best.probs, rows.y);
  const other = otherThreshold(best.probs, rows.y);
  const model = fit(rows, best.lambda);
  const { thresholds: tried, ...settings } = TRAINING;
  return {
    families: [...FAMILIES],
    features,
    mean,
    scale,
    weights: model.weights.map((w) => w.map(round6)),
    bias: model.bias.map(round6),
    threshold: { other, negative },
    training: {
      photos: used.length,
      lambda: best.lambda,
      crossValidated: cvFigures(best.probs, rows.y, { other, negative }),
      crossValidatedLogLoss: scored.map((s) => ({ lambda: s.lambda, loss: round6(s.loss) })),
      ...settings,
      thresholdsTried: [tried[0], tried[tried.length - 1]],
    },
  };
}
