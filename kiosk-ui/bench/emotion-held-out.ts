// Emotion-cue figures on the test part of test/fixtures/faces-mux (split.json), which the learned cue
// model never saw: the kiosk's model (real face landmarker in Chromium, the model with its abstain
// thresholds) and the peer, @vladmandic/human's top emotion, on the same photos in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { evaluate, type Answer, type Evaluation } from '../src/emotion/cue-evaluation.ts';
import { ourAnswers, peerAnswers, type PeerPhoto, type PhotoReading } from './emotion-answers.ts';
import { FACES_MUX_DIR, serveEmotionPages } from './emotion-pages.ts';
import type { Figure } from './figure.ts';
import { round } from './stats.ts';

const TEST_PART = new Set(
  (JSON.parse(readFileSync(join(FACES_MUX_DIR, 'split.json'), 'utf8')) as { test: string[] }).test,
);
const onTestPart = (answers: Answer[]): Evaluation => evaluate(answers.filter((a) => TEST_PART.has(a.file)));

/** "label right/total (no cue a, no face f)" for each label, the per-label table in one line. */
export function perLabelLine(e: Evaluation): string {
  return Object.entries(e.perLabel)
    .map(([label, c]) => `${label} ${c.right}/${c.total} (no cue ${c.abstained}, no face ${c.noFace})`)
    .join('; ');
}

export async function heldOutFigures(browser: Browser): Promise<Figure[]> {
  const pages = await serveEmotionPages(FACES_MUX_DIR);
  let ours: Evaluation;
  let peer: Evaluation;
  try {
    ours = onTestPart(
      ourAnswers(await pages.run<PhotoReading[]>(browser, 'emotion-faces.html', 'task=photos')),
    );
    peer = onTestPart(peerAnswers(await pages.run<PeerPhoto[]>(browser, 'human-peer.html', 'task=photos')));
  } finally {
    await pages.close();
  }
  const n = ours.total;
  const answered = n - ours.abstained - ours.noFace;
  const part = `the ${n} photos of the test part of test/fixtures/faces-mux (split.json; the model was trained on the calibration part only)`;
  return [
    {
      name: 'family_accuracy_test',
      value: round(ours.right / n, 3),
      unit: 'ratio',
      target: '>= 0.75',
      how: `ours: coarse family right on ${ours.right}/${n} of ${part}; no cue (${ours.abstained}) and no face (${ours.noFace}) count as wrong. Per label: ${perLabelLine(ours)}`,
    },
    {
      name: 'family_accuracy_test_answered',
      value: round(answered ? ours.right / answered : 0, 3),
      unit: 'ratio',
      target: '>= 0.85',
      how: `ours: right on ${ours.right} of the ${answered} photos of the test part where the model gave a cue`,
    },
    {
      name: 'negative_precision_test',
      value: round(ours.negative.precision ?? 0, 3),
      unit: 'ratio',
      target: '>= 0.9',
      how: `ours: of ${ours.negative.given} negative cues given (frustrated, distressed) on the test part, ${ours.negative.right} on a photo labelled anger, disgust, fear or sadness (0 when none was given)`,
    },
    {
      name: 'face_found_rate_test',
      value: round((n - ours.noFace) / n, 3),
      unit: 'ratio',
      target: '>= 0.95',
      how: `FaceLandmarker IMAGE mode found a face on ${n - ours.noFace}/${n} test photos (photos under 160 px scaled up and framed with a grey margin first)`,
    },
    {
      name: 'human_peer_family_accuracy_test',
      value: round(peer.right / peer.total, 3),
      unit: 'ratio',
      target: 'peer; ours above it',
      how: `@vladmandic/human's top emotion mapped to the same families, right on ${peer.right}/${peer.total} of the same test photos (it never abstains; no face ${peer.noFace}). Per label: ${perLabelLine(peer)}`,
    },
  ];
}
