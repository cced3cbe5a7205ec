// Multinomial naive Bayes over question features, learned from labelled examples (the articles'
// example questions, titles and synonyms, plus off-topic questions labelled "none"). Pure.
// Features never seen in training carry no evidence for a topic; optionally each one counts as
// `weight` occurrences in a fallback class (the off-topic "none"): words the bank's examples never
// use are evidence the question is about something else.

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
  classify(features: string[], unseen?: UnseenEvidence): IntentScore[];
  /** Share of the features the classifier has seen in training (0 when there are none). */
  knownShare(features: string[]): number;
}

export interface UnseenEvidence {
  /** The class unseen features speak for. */
  label: string;
  /** Pseudo-count of each unseen feature in that class (0: unseen features are ignored). */
  weight: number;
  /** Which unseen features count (default: all). */
  counts?: (feature: string) => boolean;
}

/** How many of `features` the classifier never saw and the evidence counts. */
export function unseenCount(
  features: readonly string[],
  seen: (f: string) => boolean,
  unseen?: UnseenEvidence,
): number {
  if (!unseen || unseen.weight <= 0) return 0;
  const counts = unseen.counts ?? (() => true);
  return features.filter((f) => !seen(f) && counts(f)).length;
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
    classify(features, unseen) {
      const known = features.filter((f) => vocabulary.has(f));
      const unseenN = unseenCount(features, (f) => vocabulary.has(f), unseen);
      const logs = labels.map((label) => {
        const c = counts.get(label)!;
        const denominator = Math.log((totals.get(label) ?? 0) + alpha * v);
        let s = 0;
        for (const f of known) s += Math.log((c.get(f) ?? 0) + alpha) - denominator;
        if (unseenN > 0) {
          const extra = label === unseen!.label ? unseen!.weight : 0;
          s += unseenN * (Math.log(extra + alpha) - denominator);
        }
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
