// One customer's visit: everything the page knows about them, in one object that the wipe replaces.
import type { Locale } from '../i18n/index.ts';

export interface Visit {
  id: number;
  locale: Locale | null;
  sessionId: string | null;
  /** A language was picked: the session is being started, or its start failed and was said so. */
  languagePicked: boolean;
  /** A Session.Start is on its way. */
  starting: boolean;
  answered: boolean;
  readingCard: boolean;
  asking: boolean;
  maskedPan: string | null;
  /** The card holder's risk rating (C1..C5) when the agent's profile source knows the card. */
  riskRating: string | null;
  /** R1..R5 of the wealth product in the answer on screen, so a later card read can redo the check. */
  productRiskLevel: string | null;
  questions: string[];
  answerTitles: string[];
  lastLine: { text: string; locale: Locale } | null;
  rating: number | null;
  handoffAsked: boolean;
  /** The camera saw a negative cue held long enough (emotion cues): a handoff should go with priority. */
  negativeCue: boolean;
}

export function newVisit(id: number): Visit {
  return {
    id,
    locale: null,
    sessionId: null,
    languagePicked: false,
    starting: false,
    answered: false,
    readingCard: false,
    asking: false,
    maskedPan: null,
    riskRating: null,
    productRiskLevel: null,
    questions: [],
    answerTitles: [],
    lastLine: null,
    rating: null,
    handoffAsked: false,
    negativeCue: false,
  };
}

/** A copy for the test hook and diagnostics (the hook is how the wipe test looks into JS state). */
export function snapshotVisit(v: Visit): Visit {
  return {
    ...v,
    questions: [...v.questions],
    answerTitles: [...v.answerTitles],
    lastLine: v.lastLine && { ...v.lastLine },
  };
}
