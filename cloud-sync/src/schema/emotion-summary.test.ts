import { describe, expect, it } from 'vitest';
import { ConversationSchema } from './conversation.ts';
import { EmotionSummarySchema } from './emotion-summary.ts';

const summary = {
  faceMs: 42_000,
  cues: { neutral: { count: 3, ms: 30_000 }, angry: { count: 1, ms: 12_000 } },
  dominant: 'neutral',
  negativeSustained: true,
};
const conversation = {
  id: 'c1',
  kioskId: 'k1',
  locale: 'en',
  startedAt: '2026-11-30T10:00:00.000Z',
};

describe('EmotionSummarySchema', () => {
  it('takes a summary of counts and durations per cue', () => {
    expect(EmotionSummarySchema.parse(summary)).toEqual(summary);
  });

  it('refuses anything more than the summary: landmarks, frames, unknown cues', () => {
    expect(EmotionSummarySchema.safeParse({ ...summary, landmarks: [[0.1, 0.2, 0.3]] }).success).toBe(false);
    expect(EmotionSummarySchema.safeParse({ ...summary, frame: 'data:image/jpeg;base64,AAAA' }).success).toBe(
      false,
    );
    const bored = { ...summary, cues: { bored: { count: 1, ms: 10 } } };
    expect(EmotionSummarySchema.safeParse(bored).success).toBe(false);
    const extra = { ...summary, cues: { happy: { count: 1, ms: 10, scores: [1, 2] } } };
    expect(EmotionSummarySchema.safeParse(extra).success).toBe(false);
  });
});

describe('ConversationSchema with an emotion summary', () => {
  it('is optional, so records of kiosks without a camera still pass', () => {
    expect(ConversationSchema.parse(conversation)).toEqual(conversation);
    expect(ConversationSchema.parse({ ...conversation, emotion: summary }).emotion).toEqual(summary);
  });

  it('refuses a conversation whose summary is not one', () => {
    const bad = { ...conversation, emotion: { ...summary, faceMs: -1 } };
    expect(ConversationSchema.safeParse(bad).success).toBe(false);
  });
});
