// Reads the larger labelled face set (test/fixtures/faces-mux) with the real face landmarker in Chromium
// (the bench's photo page: MediaPipe served from 127.0.0.1 as the kiosk serves it, the kiosk's own
// face-landmarker.ts) and writes each photo's 52 blendshapes and head pose, or null when no face was
// found, to test/fixtures/faces-mux/features.json. The cue model is trained on these (emotion-train.ts).
// Run: npm run emotion:features -w kiosk-ui
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACES_MUX_DIR } from '../bench/emotion-pages.ts';
import { readPhotos } from './photo-readings.ts';

const readings = await readPhotos(FACES_MUX_DIR);
readings.sort((a, b) => a.file.localeCompare(b.file));
const out = join(FACES_MUX_DIR, 'features.json');
writeFileSync(out, `${JSON.stringify({ photos: readings }, null, 1)}\n`);
const found = readings.filter((r) => r.face).length;
console.log(`wrote ${out}: ${readings.length} photos, a face found on ${found}`);
