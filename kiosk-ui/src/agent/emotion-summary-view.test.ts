import { describe, expect, it } from 'vitest';
import { emotionSummaryText } from './emotion-summary-view.ts';

describe('emotionSummaryText', () => {
  it('lists the cues longest first, with counts, seconds and the sustained flag', () => {
    const text = emotionSummaryText(
      {
        faceMs: 30_000,
        cues: { neutral: { count: 2, ms: 9_400 }, angry: { count: 1, ms: 20_600 } },
        dominant: 'angry',
        negativeSustained: true,
      },
      'en',
    );
    expect(text).toBe('frustrated ×1 21 s · neutral ×2 9 s · sustained negative cue');
  });

  it('says when the camera ran but saw no face, in Chinese too', () => {
    const none = { faceMs: 0, cues: {}, dominant: null, negativeSustained: false };
    expect(emotionSummaryText(none, 'zh-CN')).toBe('摄像头已开启，未见人脸');
  });
});
