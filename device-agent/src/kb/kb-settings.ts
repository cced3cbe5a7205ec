// Decision thresholds of the understanding core, tuned on the dev split only
// (`npm run kb:tune -w device-agent -- kb-eval/dev.jsonl`); never on the test split.
import type { UnderstandingSettings } from './understand-question.ts';

export const KB_SETTINGS: UnderstandingSettings = {
  classifierWeight: 0.8,
  smoothing: 0.1,
  logisticShare: 0.5,
  unseenWeight: 1,
  noneGate: 1,
  rejectBelow: 0.45,
  closeMargin: 0.2,
};
