// The peer for the emotion benchmark: @vladmandic/human's face detector, mesh and emotion model (its
// models ship inside the npm package; the bench serves them at /human-models/), WebGL backend (software GL
// here), main thread as its demos use it. ?task=photos: its top emotion on each labelled photo.
// ?task=frames&seconds=N: detect() on 640x480 frames of the photos back to back. Results in __result.
import { Human } from '@vladmandic/human';
import { sameOriginFetchOnly } from '../../src/emotion/same-origin-fetch.ts';
import { labelledPhotos, letterbox, photoInput, publishResult } from './labelled-photos.ts';

sameOriginFetchOnly(globalThis);

const human = new Human({
  modelBasePath: '/human-models/',
  backend: 'webgl',
  debug: false,
  cacheSensitivity: 0,
  face: {
    enabled: true,
    detector: { rotation: false, maxDetected: 1 },
    mesh: { enabled: true },
    iris: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: true },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
});

async function topEmotion(input: HTMLCanvasElement | HTMLImageElement): Promise<string | null> {
  const result = await human.detect(input);
  const emotions = result.face[0]?.emotion ?? [];
  return emotions.length ? emotions.reduce((a, b) => (b.score > a.score ? b : a)).emotion : null;
}

async function photos(): Promise<unknown> {
  await human.load();
  const out = [];
  for (const { file, label, img } of await labelledPhotos()) {
    out.push({ file, label, emotion: await topEmotion(photoInput(img)), backend: human.tf.getBackend() });
  }
  return out;
}

async function frames(seconds: number): Promise<unknown> {
  await human.load();
  const canvases = (await labelledPhotos()).map(({ img }) => letterbox(img));
  // Warm-up: the first frames of a size compile the WebGL shaders.
  for (const c of canvases.slice(0, 2)) await topEmotion(c);
  let n = 0;
  const t0 = performance.now();
  // At least a few frames, however slow.
  while (n < 5 || performance.now() - t0 < seconds * 1000) await topEmotion(canvases[n++ % canvases.length]!);
  const elapsed = (performance.now() - t0) / 1000;
  return { frames: n, seconds: elapsed, fps: n / elapsed, backend: human.tf.getBackend() };
}

publishResult({ photos, frames: (p) => frames(Number(p.get('seconds') ?? 10)) });
