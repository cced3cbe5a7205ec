// Evaluates the kiosk's cue model on a folder of labelled photos: npm run emotion:eval -w kiosk-ui -- DIR
// DIR holds the photos and labels.json (file -> anger, disgust, fear, happiness, neutral, sadness,
// surprise, or the words of test/fixtures/faces: angry, disgusted, fearful, happy, sad, surprised). The
// real face landmarker runs in Chromium, then the kiosk's own learned model with its abstain thresholds;
// prints one JSON object (cue-evaluation.ts): total, right, abstained, noFace, perLabel, negative precision.
import { resolve } from 'node:path';
import { evaluate, ourAnswer } from '../src/emotion/cue-evaluation.ts';
import { readPhotos } from './photo-readings.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run emotion:eval -w kiosk-ui -- DIR (photos and labels.json)');
  process.exit(2);
}
const readings = await readPhotos(resolve(process.env.INIT_CWD ?? process.cwd(), dir));
const result = evaluate(readings.map((r) => ({ file: r.file, label: r.label, family: ourAnswer(r.face) })));
console.log(JSON.stringify(result));
