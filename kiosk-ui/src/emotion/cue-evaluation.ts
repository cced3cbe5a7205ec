// Scores a model's coarse-family answers on labelled photos: right, abstained ("no cue") and no face, in
// total and per label, and the precision of its negative cues (a negative cue given -> the label is
// negative too). Used by bin/emotion-eval.ts, the bench and the tests, for the kiosk's model and the peer.
// Pure logic.
import { NEGATIVE_FAMILIES, decideFamily, familyProbs, type CueWeights } from './cue-classifier.ts';
import { CUE_WEIGHTS, familyOfLabel, type FaceReading, type Family } from './cue-model.ts';

export interface Answer {
  file: string;
  label: string;
  /** The family answered; null: no cue (abstained); 'no-face': no face found. */
  family: Family | null | 'no-face';
}

export interface Counts {
  total: number;
  right: number;
  abstained: number;
  noFace: number;
}

export interface Evaluation extends Counts {
  perLabel: Record<string, Counts>;
  negative: { given: number; right: number; precision: number | null };
}

const empty = (): Counts => ({ total: 0, right: 0, abstained: 0, noFace: 0 });
const isNegative = (f: Family): boolean => NEGATIVE_FAMILIES.includes(f);

export function evaluate(answers: readonly Answer[]): Evaluation {
  const all = empty();
  const perLabel: Record<string, Counts> = {};
  const negative = { given: 0, right: 0 };
  for (const a of [...answers].sort((x, y) => x.label.localeCompare(y.label))) {
    const expected = familyOfLabel(a.label);
    const row = (perLabel[a.label] ??= empty());
    for (const c of [all, row]) {
      c.total++;
      if (a.family === 'no-face') c.noFace++;
      else if (a.family === null) c.abstained++;
      else if (a.family === expected) c.right++;
    }
    if (a.family && a.family !== 'no-face' && isNegative(a.family)) {
      negative.given++;
      if (isNegative(expected)) negative.right++;
    }
  }
  const precision = negative.given ? negative.right / negative.given : null;
  return { ...all, perLabel, negative: { ...negative, precision } };
}

/** The kiosk model's answer on one photo: the family, no cue, or no face. */
export function ourAnswer(face: FaceReading | null, weights: CueWeights = CUE_WEIGHTS): Answer['family'] {
  return face ? decideFamily(familyProbs(face, weights), weights) : 'no-face';
}
