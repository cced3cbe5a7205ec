// Messages between the page and an emotion worker. A frame goes in (a VideoFrame, transferred, so the
// page keeps no copy); only the frame's expression scores, a handful of numbers, come out. Never
// landmarks or pixels. The page smooths the scores of all its workers into one stable cue.
import type { FrameScores } from './cue-model.ts';

export type ToWorker = { type: 'frame'; frame: VideoFrame; at: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  /** scores: null when the frame held no face. detectMs: the worker's time for this frame, of which
   * downscaleMs went to reading and downscaling the frame (the rest: landmarker and cue model). */
  | { type: 'scores'; scores: FrameScores | null; at: number; detectMs: number; downscaleMs: number };
