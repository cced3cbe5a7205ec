// Handoff from the bot to a person: the kiosk's request, the console's view of a call, and every
// message on the hub's signalling socket (/api/handoff/ws). Pure zod, shared by hub, device-agent and
// (types only) the pages.
import { z } from 'zod';
import { LocaleSchema, MaskedPanSchema } from './conversation.ts';
import type { ListenServerSignal } from './listen-in.ts';

export const HandoffReasonSchema = z.enum(['customer_request', 'low_confidence', 'negative_cue']);
export type HandoffReason = z.infer<typeof HandoffReasonSchema>;

export const CustomerTierSchema = z.enum(['standard', 'vip']);
export type CustomerTier = z.infer<typeof CustomerTierSchema>;

/** One emotion cue of the customer (issue 7 fills these; labels with confidences only, never frames). */
export const CueSchema = z.object({
  at: z.iso.datetime(),
  label: z.string().min(1).max(32),
  confidence: z.number().min(0).max(1),
});
export type Cue = z.infer<typeof CueSchema>;

export const DeviceStateSchema = z.object({
  available: z.boolean(),
  safetyState: z.string().max(32),
  reason: z.string().max(64).optional(),
});

/**
 * What the device-agent posts to POST /api/handoff/requests. Not strict: a newer kiosk may send fields
 * this hub does not know yet (they are dropped, not refused).
 */
export const HandoffRequestSchema = z.object({
  /** The kiosk session (= conversation id) the customer is in. */
  sessionId: z.string().min(1).max(64),
  locale: LocaleSchema,
  reason: HandoffReasonSchema,
  intent: z.string().min(1).max(64).optional(),
  botConfidence: z.number().min(0).max(1).optional(),
  /** The customer's last words, scrubbed of card numbers by the kiosk: keyword routing reads them. */
  lastCustomerText: z.string().max(500).optional(),
  customer: z.object({ tier: CustomerTierSchema, riskRating: z.string().max(8).optional() }).optional(),
  maskedPan: MaskedPanSchema.optional(),
  deviceState: DeviceStateSchema.optional(),
  /** 0..10: raises the place in the queue (each point counts as 30 s of waiting). */
  priorityBoost: z.number().int().min(0).max(10).optional(),
  /** A sustained negative emotion cue: boosts priority and alerts the supervisors. */
  negativeCue: z.boolean().optional(),
  /** The dominant emotion now, for routing rules that match emotions. */
  emotion: z.string().min(1).max(32).optional(),
  cues: z.array(CueSchema).max(200).optional(),
});
export type HandoffRequest = z.infer<typeof HandoffRequestSchema>;

export const QueueNameSchema = z.enum(['agent', 'expert', 'risk']);
export type QueueName = z.infer<typeof QueueNameSchema>;

export const IceServerSchema = z.object({
  urls: z.union([z.string().max(200), z.array(z.string().max(200)).max(5)]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;
/** 'relay': media only through the TURN server (networks that allow no direct path). */
export const IceTransportPolicySchema = z.enum(['all', 'relay']);
export type IceTransportPolicy = z.infer<typeof IceTransportPolicySchema>;

/** The hub's answer to a handoff request. `queued: false` means the bot keeps the customer. */
export const HandoffAcceptedSchema = z.discriminatedUnion('queued', [
  z.object({ queued: z.literal(false), route: z.literal('bot'), ruleId: z.string().nullable() }),
  z.object({
    queued: z.literal(true),
    handoffId: z.string(),
    route: QueueNameSchema,
    ruleId: z.string().nullable(),
    /** Opens the signalling socket for this one handoff and nothing else. */
    joinToken: z.string(),
    signalPath: z.string(),
    iceServers: z.array(IceServerSchema),
    iceTransportPolicy: IceTransportPolicySchema.optional(),
    /** The hub records this call: only then does the kiosk tell the customer so (absent: not recorded). */
    recording: z.boolean().optional(),
    position: z.number().int().min(1),
    estimatedWaitS: z.number().min(0),
  }),
]);
export type HandoffAccepted = z.infer<typeof HandoffAcceptedSchema>;

/** A waiting handoff as a queue row (no identity, no transcript: those are for the assigned agent). */
export const QueueEntryViewSchema = z.object({
  handoffId: z.string(),
  queue: QueueNameSchema,
  kioskId: z.string(),
  reason: HandoffReasonSchema,
  waitingS: z.number(),
  priority: z.number(),
  negativeCue: z.boolean(),
});
export type QueueEntryView = z.infer<typeof QueueEntryViewSchema>;

/** Longest transfer note, in characters. */
export const TRANSFER_NOTE_MAX = 500;

/** What the desk that takes a transferred call is told, from the agent who passed it on. */
export const CallTransferSchema = z.object({
  fromAgent: z.string().max(64),
  fromQueue: QueueNameSchema,
  note: z.string().max(TRANSFER_NOTE_MAX),
  /** When it was transferred (ms, the handoff core's clock): the new desk's wait counts from here. */
  at: z.number(),
});
export type CallTransfer = z.infer<typeof CallTransferSchema>;

/** An article as the kiosk shows it beside the video: plain text in the customer's language. */
export interface CallArticle {
  id: string;
  version: number;
  locale: z.infer<typeof LocaleSchema>;
  title: string;
  body: string;
}

/** Everything the assigned agent sees of the customer. */
export const CallViewSchema = z.object({
  handoffId: z.string(),
  queue: QueueNameSchema,
  kioskId: z.string(),
  sessionId: z.string(),
  locale: LocaleSchema,
  reason: HandoffReasonSchema,
  intent: z.string().optional(),
  botConfidence: z.number().optional(),
  customerTier: CustomerTierSchema.optional(),
  maskedPan: MaskedPanSchema.optional(),
  deviceState: DeviceStateSchema.optional(),
  cues: z.array(CueSchema),
  transcript: z.array(z.object({ role: z.string(), text: z.string(), at: z.string() })),
  /** Passed on from another desk: who passed it and their note. */
  transfer: CallTransferSchema.optional(),
});
export type CallView = z.infer<typeof CallViewSchema>;

/** WebRTC negotiation, relayed verbatim between the two ends of one call. */
export const SignalDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), sdp: z.string().max(24_000) }),
  z.object({ kind: z.literal('answer'), sdp: z.string().max(24_000) }),
  z.object({
    kind: z.literal('ice'),
    candidate: z.string().max(1000),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  }),
]);
export type SignalData = z.infer<typeof SignalDataSchema>;

export const MediaModeSchema = z.enum(['video', 'audio', 'text']);
export type MediaMode = z.infer<typeof MediaModeSchema>;

/** A guided step the agent pushes onto the kiosk screen. */
export const GuidedStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), title: z.string().min(1).max(100), text: z.string().max(1000) }),
  z.object({
    kind: z.literal('highlight'),
    /** A region of the kiosk screen in fractions of its width and height. */
    region: z.object({
      x: z.number().min(0).max(1),
      y: z.number().min(0).max(1),
      w: z.number().min(0).max(1),
      h: z.number().min(0).max(1),
    }),
    label: z.string().max(100).optional(),
  }),
]);
export type GuidedStep = z.infer<typeof GuidedStepSchema>;

const text = z.string().min(1).max(2000);
const listenId = z.string().min(1).max(64);

/** From either end to the hub. The first message on a socket must be `auth`. */
export const ClientSignalSchema = z.discriminatedUnion('t', [
  /** Kiosk: the join token of its handoff. Agent: its console bearer token. */
  z.object({ t: z.literal('auth'), token: z.string().min(1).max(512) }),
  z.object({ t: z.literal('presence'), status: z.enum(['online', 'away']) }),
  /** Agent: take the next waiting handoff of their queues (longest-waiting, boosted, first). */
  z.object({ t: z.literal('accept') }),
  z.object({ t: z.literal('signal'), data: SignalDataSchema }),
  z.object({ t: z.literal('media'), mode: MediaModeSchema }),
  z.object({ t: z.literal('chat'), text }),
  z.object({ t: z.literal('guide'), step: GuidedStepSchema }),
  /** Agent: show this knowledge article on the kiosk (the hub sends its version in the customer's language). */
  z.object({ t: z.literal('article'), articleId: z.string().min(1).max(64) }),
  /** Agent: say this canned reply (the hub sends its text in the customer's language). */
  z.object({ t: z.literal('canned'), replyId: z.string().min(1).max(64) }),
  /** Agent: pass the call to another desk with a note; the customer keeps their place in line. */
  z.object({ t: z.literal('transfer'), queue: QueueNameSchema, note: z.string().max(TRANSFER_NOTE_MAX) }),
  /** Agent: put the customer on hold (the kiosk says so), or take them off it. */
  z.object({ t: z.literal('hold'), on: z.boolean() }),
  /** Agent: the call is over; the notes become a ticket. */
  z.object({
    t: z.literal('end'),
    notes: z.string().max(4000),
    resolved: z.boolean(),
  }),
  /**
   * Kiosk: a new emotion cue while waiting or in the call (issue 7). A sustained negative one raises
   * the priority of a waiting request and alerts the supervisors.
   */
  z.object({ t: z.literal('cue'), cue: CueSchema.optional(), negativeCue: z.boolean() }),
  /** Kiosk: the customer leaves the queue or the call. */
  z.object({ t: z.literal('cancel') }),
  z.object({ t: z.literal('ping'), n: z.number().int().min(0) }),
  /**
   * Listen-in (listen-in.ts): one listen-in's negotiation. A supervisor names the call it listens to;
   * the agent on that call names its call and the supervisor (`to`).
   */
  z.object({
    t: z.literal('listen_signal'),
    handoffId: listenId,
    to: listenId.optional(),
    data: SignalDataSchema,
  }),
  /** Listen-in: either end leaves it (the supervisor goes, or the agent's side of it closed). */
  z.object({ t: z.literal('listen_end'), handoffId: listenId, to: listenId.optional() }),
]);
export type ClientSignal = z.infer<typeof ClientSignalSchema>;

/** From the hub to either end. */
export type ServerSignal =
  | {
      t: 'ready';
      as: 'kiosk';
      handoffId: string;
      iceServers: IceServer[];
      iceTransportPolicy?: IceTransportPolicy;
    }
  | {
      t: 'ready';
      as: 'agent';
      username: string;
      role: string;
      iceServers: IceServer[];
      iceTransportPolicy?: IceTransportPolicy;
    }
  | { t: 'queue'; position: number; estimatedWaitS: number }
  | { t: 'queues'; waiting: QueueEntryView[]; agents: { username: string; status: string }[] }
  /** With fresh ICE servers: an agent's socket may have been open for hours, past its TURN credential. */
  | {
      t: 'assigned';
      call: CallView;
      iceServers: IceServer[];
      iceTransportPolicy?: IceTransportPolicy;
      /** The hub records calls: the agent's browser records this one and uploads it as it goes. */
      recording?: boolean;
    }
  | { t: 'connected'; agentName: string }
  | { t: 'signal'; data: SignalData }
  | { t: 'media'; mode: MediaMode }
  | { t: 'chat'; from: 'kiosk' | 'agent'; text: string }
  | { t: 'guide'; step: GuidedStep }
  | { t: 'requeued'; position: number; estimatedWaitS: number }
  /** To both ends: the call went to another desk (the agent is released; the kiosk waits in front). */
  | { t: 'transferred'; queue: QueueName; position: number; estimatedWaitS: number }
  /** To the kiosk: an article to show beside the video. */
  | { t: 'article'; article: CallArticle }
  /** To the kiosk: the agent put the call on hold, or resumed. */
  | { t: 'hold'; on: boolean }
  | { t: 'peer_left' }
  | { t: 'ended'; ticketId: string | null }
  | { t: 'alert'; handoffId: string; kioskId: string; message: string }
  | { t: 'cue'; cue: Cue | null; negativeCue: boolean }
  | { t: 'pong'; n: number }
  | { t: 'error'; code: string; message: string }
  | ListenServerSignal;
