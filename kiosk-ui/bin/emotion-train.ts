// Trains the learned cue model on the calibration part of test/fixtures/faces-mux (features.json, written
// by emotion-features.ts; split.json) and writes src/emotion/cue-weights.json, which the emotion worker
// loads. Deterministic: src/emotion/cue-training.test.ts checks the committed weights are what it gives.
// Run: npm run emotion:train -w kiosk-ui
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainCueModel, type LabelledReading } from '../src/emotion/cue-training.ts';

const fixtures = new URL('../test/fixtures/faces-mux/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as T;
const { photos } = read<{ photos: LabelledReading[] }>('features.json');
const { calibration } = read<{ calibration: string[] }>('split.json');
const weights = trainCueModel(photos, calibration);
const out = fileURLToPath(new URL('../src/emotion/cue-weights.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
console.log(`wrote ${out}: ${JSON.stringify({ threshold: weights.threshold, ...weights.training })}`);
