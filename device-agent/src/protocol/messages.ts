// Payload schemas of every command, completion and unsolicited message the kiosk uses.
import { z } from 'zod';

const Locale = z.enum(['zh-CN', 'en']);

/**
 * A wealth product's risk level, R1 (lowest) .. R5: the scale of cloud-sync's articles (the protocol is pure
 * and imports no other part, so the enum is repeated here; a unit test keeps the two equal).
 */
export const ProductRiskLevelSchema = z.enum(['R1', 'R2', 'R3', 'R4', 'R5']);
/** The customer's risk rating from their risk-tolerance assessment, C1..C5 on the same scale as R1..R5. */
export const RiskRatingSchema = z.enum(['C1', 'C2', 'C3', 'C4', 'C5']);
export type RiskRating = z.infer<typeof RiskRatingSchema>;

/**
 * A session's emotion-cue summary from the kiosk page's camera (after consent): counts and durations per
 * cue, never landmarks or images. cloud-sync's EmotionSummarySchema, repeated here because the protocol is
 * pure and imports no other part (a unit test keeps the two equal); strict, so anything more is refused.
 */
const EmotionCue = z.enum(['happy', 'neutral', 'surprised', 'confused', 'tense', 'angry']);
const DAY_MS = 86_400_000;
export const EmotionSummarySchema = z
  .object({
    faceMs: z.number().int().min(0).max(DAY_MS),
    cues: z.partialRecord(
      EmotionCue,
      z
        .object({ count: z.number().int().min(0).max(100_000), ms: z.number().int().min(0).max(DAY_MS) })
        .strict(),
    ),
    dominant: EmotionCue.nullable(),
    negativeSustained: z.boolean(),
  })
  .strict();
export type EmotionSummary = z.infer<typeof EmotionSummarySchema>;

/** What the page may know of the identified customer: never the PAN, never the card token. */
export const CustomerProfileSchema = z.object({
  tier: z.enum(['standard', 'vip']),
  riskRating: RiskRatingSchema,
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

/** The card as the UI may see it: never the PAN, never track data. */
export const MaskedCardSchema = z.object({
  maskedPan: z.string().max(19),
  luhnValid: z.boolean(),
  /** YYMM from the card, if present. */
  expiry: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
export type MaskedCard = z.infer<typeof MaskedCardSchema>;

export const AnswerSchema = z.object({
  text: z.string(),
  articleId: z.string().optional(),
  title: z.string().optional(),
  effectiveFrom: z.string().optional(),
  /** 0..1: how sure the bot is that this article answers the question. */
  confidence: z.number().min(0).max(1),
  /** R1..R5 (cloud-sync's scale): set when the article is about a rated wealth product: the page shows the risk check and disclosure. */
  productRiskLevel: ProductRiskLevelSchema.optional(),
  /** The article's version (shown with its title and effective date). */
  version: z.number().int().min(1).optional(),
  /** answer: an article; clarify: the kiosk asks which of `options` was meant; none: not covered. */
  decision: z.enum(['answer', 'clarify', 'none']).optional(),
  /** What the customer wants, as routing names it (e.g. complaint, fraud, opening_hours), or an article id. */
  intent: z.string().max(64).optional(),
  /** At most two sentences for the avatar to say; the screen shows the whole text. */
  spoken: z.string().optional(),
  /** The two close topics of a clarifying question, as buttons. */
  options: z
    .array(z.object({ articleId: z.string(), title: z.string() }))
    .max(2)
    .optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ServiceAvailabilitySchema = z.object({
  available: z.boolean(),
  /** Why the service is unavailable, e.g. 'estop', 'protective_stop', 'arm_fault', 'link_down'. */
  reason: z.string().optional(),
  safetyState: z.enum(['ESTOP', 'PROTECTIVE_STOP', 'READY', 'MOVING', 'FAULT', 'MAINTENANCE']),
});
export type ServiceAvailability = z.infer<typeof ServiceAvailabilitySchema>;

/** One emotion cue of the customer (labels and confidences only; issue 7 produces them). */
export const CueSchema = z.object({
  at: z.iso.datetime(),
  label: z.string().min(1).max(32),
  confidence: z.number().min(0).max(1),
});

/** Where the hub routed a handoff: the bot keeps the customer, or a queue and the call's join token. */
export type HandoffTicket =
  | { queued: false; route: 'bot' }
  | {
      queued: true;
      handoffId: string;
      route: 'agent' | 'expert' | 'risk';
      /** Opens the hub's signalling socket for this one call. */
      joinToken: string;
      /** ws(s)://hub/api/handoff/ws */
      signalUrl: string;
      iceServers: { urls: string | string[]; username?: string; credential?: string }[];
      /** 'relay': media through the TURN server only. */
      iceTransportPolicy?: 'all' | 'relay';
      /** The hub records the call: the page shows the recording notice only then. */
      recording: boolean;
      position: number;
      estimatedWaitS: number;
    };

/** Commands: name -> payload schema the agent validates on receipt. */
export const CommandPayloads = {
  'Common.Status': z.object({}).strict(),
  'Session.Start': z.object({ locale: Locale }).strict(),
  'Session.Ask': z.object({ sessionId: z.string().max(64), text: z.string().min(1).max(500) }).strict(),
  'Session.End': z
    .object({ sessionId: z.string().max(64), outcome: z.enum(['answered', 'abandoned', 'timed_out']) })
    .strict(),
  /** The customer's satisfaction rating at wrap-up; a second one for the same session replaces the first. */
  'Session.Rate': z
    .object({ sessionId: z.string().max(64), rating: z.number().int().min(1).max(5) })
    .strict(),
  /**
   * The session's emotion-cue summary so far (a later one replaces it): sent when a negative cue has been
   * sustained (negativeSustained: routing may raise the session's priority) and at wrap-up.
   */
  'Session.Emotion': z.object({ sessionId: z.string().max(64), summary: EmotionSummarySchema }).strict(),
  /**
   * The customer gave or refused consent in this visit: 'camera' (emotion cues) or 'recording' (the
   * video call's recording notice). Recorded for the hub's audit log through the outbox.
   */
  'Session.Consent': z
    .object({ sessionId: z.string().max(64), kind: z.enum(['camera', 'recording']), given: z.boolean() })
    .strict(),
  'CardReader.ReadCard': z
    .object({ sessionId: z.string().max(64), timeoutMs: z.number().int().min(1000).max(120_000) })
    .strict(),
  'CardReader.Cancel': z.object({}).strict(),
  /** The customer asks for a person (or the bot gives up): the agent asks the hub, which routes it. */
  'Handoff.Request': z
    .object({
      sessionId: z.string().max(64),
      reason: z.enum(['customer_request', 'low_confidence', 'negative_cue']),
      intent: z.string().min(1).max(64).optional(),
      /** 0..10: a hint that raises the place in the queue. */
      priorityBoost: z.number().int().min(0).max(10).optional(),
      /** A sustained negative emotion cue (issue 7 sets it). */
      negativeCue: z.boolean().optional(),
      emotion: z.string().min(1).max(32).optional(),
      cues: z.array(CueSchema).max(200).optional(),
    })
    .strict(),
} as const;
export type CommandName = keyof typeof CommandPayloads;
export type CommandPayload<N extends CommandName> = z.infer<(typeof CommandPayloads)[N]>;

/** Completion payloads (beyond completionCode/errorDescription). */
export interface CompletionResults {
  'Common.Status': {
    availability: ServiceAvailability;
    kioskId: string;
    version: string;
    /** Optional services this agent offers, e.g. 'Handoff'. */
    capabilities: string[];
    /** Someone stands in front of the kiosk (debounced customer sensor): the page greets them. */
    customerPresent: boolean;
  };
  'Session.Start': { sessionId: string };
  'Session.Ask': { answer: Answer };
  'Session.End': Record<string, never>;
  'Session.Rate': Record<string, never>;
  'Session.Emotion': Record<string, never>;
  'Session.Consent': Record<string, never>;
  /** customer: the card's profile when the kiosk's profile source knows it (simulation: the test cards). */
  'CardReader.ReadCard': { card: MaskedCard; customer?: CustomerProfile };
  'CardReader.Cancel': Record<string, never>;
  'Handoff.Request': HandoffTicket;
}

/** Unsolicited messages the agent pushes. */
export interface UnsolicitedPayloads {
  'Common.StatusChanged': ServiceAvailability;
  'CardReader.MediaInsertedEvent': Record<string, never>;
  /** The card reader was plugged in or unplugged (a pending read has then ended with deviceNotReady). */
  'CardReader.DeviceStatusChanged': { attached: boolean };
  /** The customer sensor at the kiosk front (debounced): someone walked up (true) or left (false). */
  'Session.PresenceChanged': { present: boolean };
}
export type UnsolicitedName = keyof UnsolicitedPayloads;
