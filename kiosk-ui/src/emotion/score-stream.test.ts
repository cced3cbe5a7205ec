import { describe, expect, it } from 'vitest';
import { CUES, type Cue, type FrameScores } from './cue-model.ts';
import { ScoreStream } from './score-stream.ts';

function scoresOf(cue: Cue, score = 0.9): FrameScores {
  const cues = Object.fromEntries(CUES.map((c) => [c, c === cue ? score : 0])) as FrameScores['cues'];
  return { cues, valence: 0, arousal: 0, attention: 1, distanceCm: null, gaze: { x: 0, y: 0 } };
}

describe('ScoreStream', () => {
  it('applies frames in the order they were taken and drops one that arrives after a newer one', () => {
    const stream = new ScoreStream();
    expect(stream.add(scoresOf('happy'), 100)?.facePresent).toBe(true);
    expect(stream.add(scoresOf('happy'), 166)).not.toBeNull();
    // The other worker's frame, taken at 133, answers late: it would move the tracker back in time.
    expect(stream.add(scoresOf('angry'), 133)).toBeNull();
    expect(stream.dropped).toBe(1);
    expect(stream.add(scoresOf('happy'), 200)?.cue).toBe('happy');
  });

  it('says when the face has gone', () => {
    const stream = new ScoreStream();
    stream.add(scoresOf('happy'), 0);
    expect(stream.add(null, 33)?.facePresent).toBe(false);
  });
});
