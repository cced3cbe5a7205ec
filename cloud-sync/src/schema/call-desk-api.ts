// The agent's tools in a call (issue 18, "in the call"): knowledge articles searched and pushed onto the
// kiosk screen, canned replies in both languages (supervisors keep the list), and what a transfer to
// another desk carries. Pure zod and types; kiosk-ui takes the types only.
import { z } from 'zod';
import { LocaleSchema, type Locale } from './conversation.ts';
import { QueueNameSchema, type QueueName } from './handoff.ts';

/** Longest canned reply, in characters. */
export const CANNED_TEXT_MAX = 500;

/**
 * A supervisor's canned reply, new (POST) or edited (PUT): one title for the agents' list and the text in
 * both languages.
 */
export const CannedReplyCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    en: z.string().trim().min(1).max(CANNED_TEXT_MAX),
    'zh-CN': z.string().trim().min(1).max(CANNED_TEXT_MAX),
  })
  .strict();
export type CannedReplyCreate = z.infer<typeof CannedReplyCreateSchema>;

export interface CannedReply extends CannedReplyCreate {
  id: string;
  createdBy: string;
  createdAt: string;
}

/** GET /api/agent/call-desk/canned; POST's 201 and PUT's 200 are { reply }. */
export interface CannedReplyListResponse {
  replies: CannedReply[];
}
export interface CannedReplyResponse {
  reply: CannedReply;
}

/** One hit of the article search: enough to choose it (the kiosk gets the customer's-language text). */
export interface CallArticleHit {
  id: string;
  locale: Locale;
  title: string;
  version: number;
  /** The start of the body, plain text. */
  snippet: string;
  /** Locales this article is in effect in now. */
  locales: Locale[];
}

/** GET /api/agent/call-desk/articles?q=&locale=: best first, at most 10. */
export interface CallArticleSearchResponse {
  articles: CallArticleHit[];
}

export const CallArticleQuerySchema = z.object({
  q: z.string().max(100).default(''),
  locale: LocaleSchema.optional(),
});

/** The desks a call may be passed to (every queue but the one it is in). */
export function transferTargets(from: QueueName): QueueName[] {
  return QueueNameSchema.options.filter((q) => q !== from);
}
