// Messages between the page and the emotion worker. A frame goes in (a VideoFrame, transferred, so the
// page keeps no copy); only the stable cue, a handful of numbers, comes out. Never landmarks or pixels.
import type { StableCue } from './cue-tracker.ts';

export type ToWorker =
  | { type: 'frame'; frame: VideoFrame; at: number }
  /** A new customer: forget the smoothed scores. */
  | { type: 'reset' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  /** detectMs: the worker's time for the landmarker and the cue model on this frame. */
  | { type: 'cue'; cue: StableCue; at: number; detectMs: number };
