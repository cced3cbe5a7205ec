// MediaPipe's FaceLandmarker, loaded from the kiosk's own origin: the model (its sha256 checked before
// use) and the ES-module wasm runtime under /assets/. Used by the emotion worker (VIDEO mode) and by the
// test and benchmark pages (IMAGE mode on the labelled photos). Only blendshapes and the head pose are
// read from a result; the 478 landmarks are dropped here.
import { FaceLandmarker, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { EMOTION_ASSETS, FACE_MODEL_SHA256 } from './assets.ts';
import type { FaceReading } from './cue-model.ts';

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The model's bytes, refused when they are not the file models/NOTICE names. */
export async function fetchFaceModel(url: string = EMOTION_ASSETS.modelUrl): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`face model ${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const sum = await sha256Hex(bytes);
  if (sum !== FACE_MODEL_SHA256) throw new Error(`face model ${url}: sha256 ${sum} is not the expected one`);
  return bytes;
}

export async function createFaceLandmarker(mode: 'IMAGE' | 'VIDEO'): Promise<FaceLandmarker> {
  const [loader, binary] = EMOTION_ASSETS.wasmFiles.map((f) => `${EMOTION_ASSETS.wasmBase}/${f}`);
  // MediaPipe loads its wasm loader with importScripts or a classic <script>, but the ES-module build (the
  // one a module worker can use) needs import(): we import it here (it sets globalThis.ModuleFactory), the
  // same way in a worker and on a page, and give MediaPipe no loader path to load again.
  const [, model] = await Promise.all([import(/* @vite-ignore */ loader!), fetchFaceModel()]);
  const fileset = { wasmLoaderPath: '', wasmBinaryPath: binary! };
  return FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
    runningMode: mode,
    numFaces: 1,
    outputFaceBlendshapes: true,
    outputFacialTransformationMatrixes: true,
  });
}

/** The blendshapes (by name) and the head pose of the first face, or null when there is none. */
export function readFace(result: FaceLandmarkerResult): FaceReading | null {
  const shapes = result.faceBlendshapes[0]?.categories;
  if (!shapes) return null;
  const blendshapes: Record<string, number> = {};
  for (const c of shapes) blendshapes[c.categoryName] = c.score;
  const matrix = result.facialTransformationMatrixes[0]?.data;
  return { blendshapes, matrix: matrix ? Array.from(matrix) : null };
}
