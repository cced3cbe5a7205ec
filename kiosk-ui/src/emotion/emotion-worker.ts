// An emotion worker: runs MediaPipe's face landmarker (VIDEO mode, CPU/wasm) and the cue model off the
// main thread. Each frame is downscaled to DETECT_WIDTH here (the landmarker's detector works at 128-256
// px anyway) and closed as soon as it has been read; the landmarks never leave this worker, only the
// frame's expression scores do. The camera may run several of these on alternate frames.
import { createFaceLandmarker, readFace } from './face-landmarker.ts';
import { frameScores } from './cue-model.ts';
import { sameOriginFetchOnly } from './same-origin-fetch.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

sameOriginFetchOnly(self);
const post = (m: FromWorker): void => self.postMessage(m);
/** Frames are analysed at this width. */
export const DETECT_WIDTH = 320;

let lastTs = 0;

const ready = createFaceLandmarker('VIDEO').then(
  (landmarker) => {
    post({ type: 'ready' });
    return landmarker;
  },
  (err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    return null;
  },
);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  const landmarker = await ready;
  try {
    if (!landmarker) return;
    const started = performance.now();
    const { displayWidth: w, displayHeight: h } = msg.frame;
    const bitmap = await createImageBitmap(msg.frame, {
      resizeWidth: DETECT_WIDTH,
      resizeHeight: Math.round((DETECT_WIDTH * h) / w),
    });
    msg.frame.close();
    const downscaledAt = performance.now();
    // VIDEO mode needs strictly increasing timestamps (per landmarker, so per worker).
    lastTs = Math.max(lastTs + 1, Math.round(msg.at));
    let face;
    try {
      face = readFace(landmarker.detectForVideo(bitmap, lastTs));
    } finally {
      bitmap.close();
    }
    post({
      type: 'scores',
      scores: face && frameScores(face),
      at: msg.at,
      detectMs: performance.now() - started,
      downscaleMs: downscaledAt - started,
    });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    msg.frame.close();
  }
};
