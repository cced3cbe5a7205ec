// Test and benchmark page for the emotion cues, with the real face landmarker served from this origin as
// the kiosk serves it, on the labelled photos (served at /faces/).
// ?task=photos: each photo once (IMAGE mode, main thread): its blendshapes and head pose.
// ?task=stream&seconds=N: the kiosk's own pipeline (EmotionCamera -> emotion worker -> cue) on a 640x480
// stream of the photos (a canvas, one photo a second): frames per second and main-thread ms per frame.
// ?task=camera&seconds=N: the same pipeline on the browser's camera (the tests' fake camera): the cue
// summary of N seconds after the first cue. Results land in window.__result.
import { EmotionCamera } from '../../src/emotion/emotion-camera.ts';
import type { StableCue } from '../../src/emotion/cue-tracker.ts';
import { CueSummary } from '../../src/emotion/cue-summary.ts';
import { createFaceLandmarker, readFace } from '../../src/emotion/face-landmarker.ts';
import { sameOriginFetchOnly } from '../../src/emotion/same-origin-fetch.ts';
import { labelledPhotos, letterbox, photoInput, publishResult } from './labelled-photos.ts';

sameOriginFetchOnly(globalThis);

async function photos(): Promise<unknown> {
  const faces = await labelledPhotos();
  const landmarker = await createFaceLandmarker('IMAGE');
  const out = faces.map(({ file, label, img }) => ({
    file,
    label,
    face: readFace(landmarker.detect(photoInput(img))),
  }));
  landmarker.close();
  return out;
}

/** A 640x480 canvas stream showing each photo for a second in turn. */
function photoStream(images: HTMLImageElement[]): MediaStream {
  const canvas = letterbox(images[0]!);
  let i = 1;
  setInterval(() => letterbox(images[i++ % images.length]!, canvas), 1000);
  // A frame rate above the pipeline's, so the measurement is of the pipeline, not of the stream.
  return canvas.captureStream(60);
}

async function stream(seconds: number): Promise<unknown> {
  const faces = await labelledPhotos();
  const cues: StableCue[] = [];
  const camera = new EmotionCamera((c) => cues.push(c), {
    openStream: () => Promise.resolve(photoStream(faces.map((f) => f.img))),
    // The pipeline's capacity, so no cap at a camera's 30 fps (the stream runs at 60).
    maxFps: 60,
  });
  await camera.start();
  // Warm-up (first frames compile and allocate), then measure.
  await new Promise((r) => setTimeout(r, 1500));
  const start = { ...camera.stats };
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const end = { ...camera.stats };
  const workers = camera.workerCount;
  camera.stop();
  const frames = end.frames - start.frames;
  return {
    frames,
    seconds: elapsed,
    fps: frames / elapsed,
    mainMsPerFrame: (end.mainMs - start.mainMs) / frames,
    workerMsPerFrame: (end.workerMs - start.workerMs) / frames,
    downscaleMsPerFrame: (end.downscaleMs - start.downscaleMs) / frames,
    workers,
    cuesSeen: [...new Set(cues.map((c) => c.cue))],
  };
}

async function camera(seconds: number): Promise<unknown> {
  const summary = new CueSummary();
  let first: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (first = resolve));
  const cam = new EmotionCamera((cue) => {
    summary.add(cue, performance.now());
    first();
  });
  await cam.start();
  await started;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  cam.stop();
  return { summary: summary.record(), frames: cam.stats.frames };
}

publishResult({
  photos,
  stream: (p) => stream(Number(p.get('seconds') ?? 10)),
  camera: (p) => camera(Number(p.get('seconds') ?? 5)),
});
