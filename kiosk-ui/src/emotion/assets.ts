// Where the kiosk serves the face landmarker's files (its own origin, under /assets/, which the
// device-agent serves) and the model's expected sha256 (models/NOTICE names its origin).

export const FACE_MODEL_SHA256 = '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff';

export const EMOTION_ASSETS = {
  modelUrl: '/assets/models/face_landmarker.task',
  /** Folder of MediaPipe's wasm runtime; FilesetResolver.forVisionTasks(wasmBase, true) picks the files. */
  wasmBase: '/assets/mediapipe',
  wasmFiles: ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'],
} as const;
