// The console's missed-questions API (supervisors): the questions the kiosks could not answer outright,
// counted per best-guess topic and locale over a time window, with the most recent of them as examples.
// Pure types; kiosk-ui imports them as types only.
import type { Locale } from './conversation.ts';

/** Longest window a supervisor may ask for, in days. */
export const MAX_MISSES_DAYS = 90;
/** Recent example questions returned per topic and locale. */
export const MISSED_EXAMPLES_PER_TOPIC = 5;

export interface MissedExample {
  /** The customer's words as the kiosk stored them (a card number already masked). */
  text: string;
  at: string;
  outcome: 'miss' | 'clarify';
}

export interface MissedTopic {
  /** The kiosk's best-guess article id; null when it had no guess at all. */
  topic: string | null;
  locale: Locale;
  /** Questions the kiosk declined ("not sure"). */
  missed: number;
  /** Questions it answered with "did you mean A or B?". */
  clarified: number;
  /** The most recent ones first. */
  examples: MissedExample[];
}

/** GET /api/agent/misses?days=N: most-missed topics first. */
export interface MissedQuestionsResponse {
  since: string;
  until: string;
  topics: MissedTopic[];
}
