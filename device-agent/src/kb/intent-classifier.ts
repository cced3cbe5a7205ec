// Multinomial naive Bayes over question features, learned from labelled examples (the articles'
// example questions, titles and synonyms, plus off-topic questions labelled "none"). Pure.
// Features never seen in training are ignored: they carry no evidence for any class.

export interface LabelledFeatures {
  label: string;
  features: string[];
}

export interface IntentScore {
  label: string;
  /** Posterior probability, summing to 1 over all labels. */
  probability: number;
}

export interface IntentClassifier {
  labels: readonly string[];
  classify(features: string[]): IntentScore[];
  /** Share of the features the classifier has seen in training (0 when there are none). */
  knownShare(features: string[]): number;
}

/** Trains the classifier with additive smoothing `alpha`; every label gets the same prior. */
export function trainIntentClassifier(examples: LabelledFeatures[], alpha = 0.2): IntentClassifier {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { label, features } of examples) {
    const c = counts.get(label) ?? new Map<string, number>();
    counts.set(label, c);
    for (const f of features) {
      c.set(f, (c.get(f) ?? 0) + 1);
      vocabulary.add(f);
    }
    totals.set(label, (totals.get(label) ?? 0) + features.length);
  }
  const labels = [...counts.keys()];
  const v = vocabulary.size;
  return {
    labels,
    knownShare(features) {
      if (features.length === 0) return 0;
      return features.filter((f) => vocabulary.has(f)).length / features.length;
    },
    classify(features) {
      const known = features.filter((f) => vocabulary.has(f));
      const logs = labels.map((label) => {
        const c = counts.get(label)!;
        const denominator = Math.log((totals.get(label) ?? 0) + alpha * v);
        let s = 0;
        for (const f of known) s += Math.log((c.get(f) ?? 0) + alpha) - denominator;
        return s;
      });
      const max = Math.max(...logs);
      const exps = logs.map((l) => Math.exp(l - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      return labels
        .map((label, i) => ({ label, probability: exps[i]! / sum }))
        .sort((a, b) => b.probability - a.probability);
    },
  };
}
