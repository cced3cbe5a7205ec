// Frame scores from several workers into one stable cue: the workers analyse alternate frames and now
// and then answer out of order, so a frame older than one already applied is dropped (the tracker's
// smoothing needs time to move forward). Pure logic.
import type { FrameScores } from './cue-model.ts';
import { CueTracker, type StableCue } from './cue-tracker.ts';

export class ScoreStream {
  private tracker = new CueTracker();
  private appliedAt = -Infinity;
  dropped = 0;

  /** The stable cue after this frame, or null when the frame came too late to count. */
  add(scores: FrameScores | null, at: number): StableCue | null {
    if (at <= this.appliedAt) {
      this.dropped += 1;
      return null;
    }
    this.appliedAt = at;
    return this.tracker.update(scores, at);
  }
}
