// Conversation records synced up from kiosks. Pure zod: runs in Node, Deno and the browser.
import { z } from 'zod';
import { EmotionSummarySchema } from './emotion-summary.ts';

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

/** A masked PAN: at most the first 6 and last 4 digits in clear, the rest as '*'. */
export const MaskedPanSchema = z
  .string()
  .max(19)
  .regex(/^\d{0,6}\*+\d{0,4}$/, 'must be masked (first 6 and last 4 digits at most)');

/**
 * How the kiosk understood a customer's question: answered outright, asked which of two topics was meant,
 * or missed (not something it could answer). `topic` is the best-guess article id, when there was one.
 * Counted per topic and locale at the hub (missed questions in the console's Knowledge tab).
 */
export const UnderstandingSchema = z.strictObject({
  outcome: z.enum(['answered', 'clarify', 'miss']),
  topic: z.string().min(1).max(64).optional(),
  confidence: z.number().min(0).max(1),
  locale: LocaleSchema,
});
export type MessageUnderstanding = z.infer<typeof UnderstandingSchema>;

export const MessageSchema = z.object({
  id: z.string().min(1).max(64),
  conversationId: z.string().min(1).max(64),
  role: z.enum(['customer', 'bot', 'agent', 'system']),
  text: z.string().max(4000),
  at: z.iso.datetime(),
  /** Knowledge article the bot answered from, if any. */
  articleId: z.string().max(64).optional(),
  /** A customer's question only: how the kiosk understood it. */
  understanding: UnderstandingSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationSchema = z.object({
  id: z.string().min(1).max(64),
  kioskId: z.string().min(1).max(64),
  locale: LocaleSchema,
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().optional(),
  /** HMAC token of the card, for linking sessions; never the PAN. */
  customerToken: z.string().max(128).optional(),
  maskedPan: MaskedPanSchema.optional(),
  intent: z.string().max(64).optional(),
  outcome: z.enum(['answered', 'handed_off', 'abandoned', 'timed_out']).optional(),
  /** The customer's satisfaction rating at wrap-up, 1 (poor) to 5 (excellent). */
  rating: z.number().int().min(1).max(5).optional(),
  /** Emotion-cue summary of the session when the customer let the camera on (optional: older kiosks send none). */
  emotion: EmotionSummarySchema.optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
