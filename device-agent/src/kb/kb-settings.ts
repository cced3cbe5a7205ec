// Decision thresholds of the understanding core, tuned on the dev split only
// (`npm run kb:tune -w device-agent -- kb-eval/dev.jsonl`); never on the test split.
import type { UnderstandingSettings } from './understand-question.ts';

export const KB_SETTINGS: UnderstandingSettings = {
  classifierWeight: 0.7,
  smoothing: 0.05,
  logisticShare: 0.5,
  unseenWeight: 0,
  noneGate: 1,
  rejectBelow: 0.5,
  closeMargin: 0.2,
};
