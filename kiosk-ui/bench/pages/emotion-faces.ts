// Test and benchmark page for the emotion cues, with the real face landmarker served from this origin as
// the kiosk serves it, on the labelled photos (served at /faces/).
// ?task=photos: each photo once (IMAGE mode, main thread): its blendshapes and head pose.
// ?task=stream&seconds=N: the kiosk's own pipeline (EmotionCamera -> emotion worker -> cue) on a 640x480
// stream of the photos (a canvas, one photo a second): frames per second and main-thread ms per frame.
// Results land in window.__result.
import { EmotionCamera } from '../../src/emotion/emotion-camera.ts';
import type { StableCue } from '../../src/emotion/cue-tracker.ts';
import { createFaceLandmarker, readFace } from '../../src/emotion/face-landmarker.ts';
import { sameOriginFetchOnly } from '../../src/emotion/same-origin-fetch.ts';

sameOriginFetchOnly(globalThis);

async function labelled(): Promise<{ file: string; label: string; img: HTMLImageElement }[]> {
  const labels = (await (await fetch('/faces/labels.json')).json()) as Record<string, string>;
  return Promise.all(
    Object.entries(labels).map(async ([file, label]) => {
      const img = new Image();
      img.src = `/faces/${file}`;
      await img.decode();
      return { file, label, img };
    }),
  );
}

async function photos(): Promise<unknown> {
  const faces = await labelled();
  const landmarker = await createFaceLandmarker('IMAGE');
  const out = faces.map(({ file, label, img }) => ({ file, label, face: readFace(landmarker.detect(img)) }));
  landmarker.close();
  return out;
}

/** A 640x480 canvas stream showing each photo for a second in turn, letterboxed. */
function photoStream(images: HTMLImageElement[]): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const g = canvas.getContext('2d')!;
  let i = 0;
  const draw = (): void => {
    const img = images[i++ % images.length]!;
    const s = Math.min(640 / img.naturalWidth, 480 / img.naturalHeight);
    const w = img.naturalWidth * s;
    const h = img.naturalHeight * s;
    g.fillStyle = '#808080';
    g.fillRect(0, 0, 640, 480);
    g.drawImage(img, (640 - w) / 2, (480 - h) / 2, w, h);
  };
  draw();
  setInterval(draw, 1000);
  // A frame rate above the pipeline's, so the measurement is of the pipeline, not of the stream.
  return canvas.captureStream(60);
}

async function stream(seconds: number): Promise<unknown> {
  const faces = await labelled();
  const cues: StableCue[] = [];
  const camera = new EmotionCamera((c) => cues.push(c), {
    openStream: () => Promise.resolve(photoStream(faces.map((f) => f.img))),
  });
  await camera.start();
  // Warm-up (first frames compile and allocate), then measure.
  await new Promise((r) => setTimeout(r, 1500));
  const start = { ...camera.stats };
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const end = { ...camera.stats };
  camera.stop();
  const frames = end.frames - start.frames;
  return {
    frames,
    seconds: elapsed,
    fps: frames / elapsed,
    mainMsPerFrame: (end.mainMs - start.mainMs) / frames,
    workerMsPerFrame: (end.workerMs - start.workerMs) / frames,
    cuesSeen: [...new Set(cues.map((c) => c.cue))],
  };
}

const params = new URLSearchParams(location.search);
const task = params.get('task');
Object.assign(globalThis, {
  __result:
    task === 'photos'
      ? photos()
      : task === 'stream'
        ? stream(Number(params.get('seconds') ?? 10))
        : Promise.reject(new Error(`unknown task ${task}`)),
});
