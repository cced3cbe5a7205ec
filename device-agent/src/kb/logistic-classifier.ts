// Multinomial logistic regression over question features (same examples and interface as the naive
// Bayes classifier). Discriminative: a word that only ever appears in off-topic questions (药店, library)
// can outweigh two topic words, which naive Bayes' independent counts cannot. Trained by plain SGD
// with L2 decay over a fixed, seeded order, so the same examples always give the same model. Pure.
import {
  unseenCount,
  type IntentClassifier,
  type IntentScore,
  type LabelledFeatures,
  type UnseenEvidence,
} from './intent-classifier.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

const DEFAULTS: LogisticOptions = { epochs: 30, learningRate: 0.3, l2: 1e-4 };

/** A small deterministic generator (mulberry32) for the training order. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Softmax of logits into out (same length); out may be logits itself. */
function softmaxInto(logits: Float64Array, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

const softmax = (logits: Float64Array): Float64Array => softmaxInto(logits, new Float64Array(logits.length));

export function trainLogisticClassifier(
  examples: LabelledFeatures[],
  options: Partial<LogisticOptions> = {},
): IntentClassifier {
  return runToEnd(logisticTraining(examples, options));
}

/** The same training as steps: it yields after each example of each epoch (see build-steps.ts). */
export function* logisticTraining(
  examples: LabelledFeatures[],
  options: Partial<LogisticOptions> = {},
): BuildSteps<IntentClassifier> {
  const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
  const labels = [...new Set(examples.map((e) => e.label))];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const featureIndex = new Map<string, number>();
  const rows = examples.map((e) => ({
    y: labelIndex.get(e.label)!,
    x: Int32Array.from(
      [...new Set(e.features)].map((f) => {
        if (!featureIndex.has(f)) featureIndex.set(f, featureIndex.size);
        return featureIndex.get(f)!;
      }),
    ),
  }));
  const k = labels.length;
  const weights = new Float64Array(featureIndex.size * k);
  const bias = new Float64Array(k);
  const logitsInto = (x: ArrayLike<number>, out: Float64Array) => {
    out.set(bias);
    for (let i = 0; i < x.length; i++) {
      const base = x[i]! * k;
      for (let c = 0; c < k; c++) out[c]! += weights[base + c]!;
    }
    return out;
  };
  const logitsOf = (x: ArrayLike<number>) => logitsInto(x, new Float64Array(k));
  const random = seeded(12);
  const order = rows.map((_, i) => i);
  // One buffer for every step's probabilities: training allocates nothing per example (it runs on the
  // agent's event loop when the articles change, so its time and its garbage both count).
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / (1 + epoch * 0.1);
    for (const r of order) {
      const { x, y } = rows[r]!;
      softmaxInto(logitsInto(x, p), p);
      for (let c = 0; c < k; c++) {
        const g = p[c]! - (c === y ? 1 : 0);
        bias[c]! -= rate * g;
        for (let i = 0; i < x.length; i++) {
          const w = x[i]! * k + c;
          weights[w]! -= rate * (g + l2 * weights[w]!);
        }
      }
      yield;
    }
  }
  return {
    labels,
    knownShare(features) {
      if (features.length === 0) return 0;
      return features.filter((f) => featureIndex.has(f)).length / features.length;
    },
    classify(features, unseen?: UnseenEvidence): IntentScore[] {
      const distinct = [...new Set(features)];
      const known = distinct.filter((f) => featureIndex.has(f)).map((f) => featureIndex.get(f)!);
      const logits = logitsOf(known);
      const fallback = unseen ? labelIndex.get(unseen.label) : undefined;
      if (fallback !== undefined)
        logits[fallback]! += unseen!.weight * unseenCount(distinct, (f) => featureIndex.has(f), unseen);
      const p = softmax(logits);
      return labels
        .map((label, i) => ({ label, probability: p[i]! }))
        .sort((a, b) => b.probability - a.probability);
    },
  };
}
