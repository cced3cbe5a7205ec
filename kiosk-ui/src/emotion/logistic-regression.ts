// Multinomial logistic regression (softmax), trained by full-batch gradient descent with a fixed step
// count and zero start: no randomness, so the same data always gives the same weights. Class weights
// balance rare labels; an L2 penalty (not on the biases) keeps the weights small on a small data set.
// Pure logic.

export interface Softmax {
  /** weights[k][j]: class k, feature j. */
  weights: number[][];
  bias: number[];
}

export interface TrainOptions {
  classes: number;
  /** L2 penalty per unit of total sample weight. */
  lambda: number;
  /** Per-sample weight (class weights), one per row. */
  sampleWeights: number[];
  steps?: number;
  rate?: number;
}

export function softmaxProbs(model: Softmax, x: readonly number[]): number[] {
  const z = model.weights.map((w, k) => w.reduce((s, wj, j) => s + wj * x[j]!, model.bias[k]!));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Fits the model to rows x (standardised features) with labels y (0..classes-1). */
export function trainSoftmax(x: number[][], y: number[], opts: TrainOptions): Softmax {
  const { classes, lambda, sampleWeights } = opts;
  const steps = opts.steps ?? 1500;
  const rate = opts.rate ?? 0.5;
  const d = x[0]?.length ?? 0;
  const total = sampleWeights.reduce((a, b) => a + b, 0);
  const model: Softmax = {
    weights: Array.from({ length: classes }, () => new Array<number>(d).fill(0)),
    bias: new Array<number>(classes).fill(0),
  };
  for (let step = 0; step < steps; step++) {
    const gw = model.weights.map((w) => w.map((wj) => lambda * wj));
    const gb = new Array<number>(classes).fill(0);
    x.forEach((row, i) => {
      const p = softmaxProbs(model, row);
      const s = sampleWeights[i]! / total;
      for (let k = 0; k < classes; k++) {
        const err = s * (p[k]! - (y[i] === k ? 1 : 0));
        gb[k]! += err;
        const g = gw[k]!;
        for (let j = 0; j < d; j++) g[j]! += err * row[j]!;
      }
    });
    for (let k = 0; k < classes; k++) {
      model.bias[k]! -= rate * gb[k]!;
      const w = model.weights[k]!;
      for (let j = 0; j < d; j++) w[j]! -= rate * gw[k]![j]!;
    }
  }
  return model;
}

/** Weights so that every class weighs as much in total: n / (classes x count of the class). */
export function balancedWeights(y: number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const k of y) counts[k]!++;
  return y.map((k) => y.length / (classes * counts[k]!));
}
