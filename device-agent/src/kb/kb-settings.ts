// Decision thresholds of the understanding core, tuned on the dev split only
// (`npm run kb:tune -w device-agent -- kb-eval/dev.jsonl`); never on the test split.
import type { UnderstandingSettings } from './understand-question.ts';

export const KB_SETTINGS: UnderstandingSettings = {
  classifierWeight: 0.6,
  unseenWeight: 2,
  noneGate: 0,
  rejectBelow: 0.575,
  closeMargin: 0.04,
};
