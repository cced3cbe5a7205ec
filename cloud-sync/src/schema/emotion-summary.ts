// A customer session's emotion-cue summary, made in the kiosk browser from the camera (after consent):
// per cue, how often it was entered and how long it lasted. Never landmarks, images or per-frame scores:
// the schema is strict, so a record with anything more is refused. Pure zod.
import { z } from 'zod';

export const EMOTION_CUES = ['happy', 'neutral', 'surprised', 'confused', 'tense', 'angry'] as const;
export const EmotionCueSchema = z.enum(EMOTION_CUES);
export type EmotionCue = z.infer<typeof EmotionCueSchema>;

const DAY_MS = 86_400_000;
const CueStatSchema = z
  .object({ count: z.number().int().min(0).max(100_000), ms: z.number().int().min(0).max(DAY_MS) })
  .strict();

export const EmotionSummarySchema = z
  .object({
    /** Time with a face in view, ms. */
    faceMs: z.number().int().min(0).max(DAY_MS),
    /** Per cue that occurred: times entered and total ms held. */
    cues: z.partialRecord(EmotionCueSchema, CueStatSchema),
    /** The cue held longest; null when no face was seen. */
    dominant: EmotionCueSchema.nullable(),
    /** A negative cue (by default angry or tense) was held long enough to offer a person. */
    negativeSustained: z.boolean(),
  })
  .strict();
export type EmotionSummary = z.infer<typeof EmotionSummarySchema>;
