// The sync wire format between kiosk and hub: change envelopes, push and pull. Pure zod.
import { z } from 'zod';
import { ConversationSchema, MessageSchema } from './conversation.ts';
import { KnowledgeArticleSchema } from './article.ts';
import { DeviceEventSchema } from './device-event.ts';
import { HealthSnapshotSchema } from './health.ts';
import { TicketUpdateSchema } from './ticket.ts';
import { HLC_PATTERN } from './hlc.ts';

/** Limits shared by both ends, so the client never builds a batch the hub must refuse. */
export const SYNC_LIMITS = {
  /** Changes in one push. */
  maxBatchChanges: 500,
  /** Bytes of one push body (JSON). */
  maxPushBytes: 1024 * 1024,
  /** Articles in one pull page. */
  maxPullArticles: 200,
} as const;

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const KioskIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"');
export { KioskIdSchema };

const envelope = {
  id: z.string().regex(ULID, 'must be a ULID'),
  kioskId: KioskIdSchema,
  entityId: z.string().min(1).max(64),
  op: z.literal('upsert'),
  hlc: z.string().regex(HLC_PATTERN, 'must be an HLC timestamp'),
};

/** One change recorded in a kiosk's outbox; `entityId` must equal `data.id`. */
export const ChangeEnvelopeSchema = z
  .discriminatedUnion('entity', [
    z.object({ ...envelope, entity: z.literal('conversation'), data: ConversationSchema }),
    z.object({ ...envelope, entity: z.literal('message'), data: MessageSchema }),
    z.object({ ...envelope, entity: z.literal('device_event'), data: DeviceEventSchema }),
    z.object({ ...envelope, entity: z.literal('ticket'), data: TicketUpdateSchema }),
    z.object({ ...envelope, entity: z.literal('health'), data: HealthSnapshotSchema }),
  ])
  .refine((c) => c.entityId === c.data.id, { message: 'entityId must equal data.id', path: ['entityId'] });
export type ChangeEnvelope = z.infer<typeof ChangeEnvelopeSchema>;
export type SyncEntity = ChangeEnvelope['entity'];

export const PushRequestSchema = z.object({
  changes: z.array(ChangeEnvelopeSchema).min(1).max(SYNC_LIMITS.maxBatchChanges),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResponseSchema = z.object({
  /** Changes applied by this request. */
  applied: z.array(z.string()),
  /** Changes the hub had already applied earlier (a retry): acknowledged, not applied again. */
  duplicates: z.array(z.string()),
  /** The hub's clock after receiving the batch, so kiosks keep their HLC close to it. */
  hlc: z.string().regex(HLC_PATTERN),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** Opaque resume point of a pull; the client stores it only after it committed the page. */
export const CheckpointSchema = z.string().max(200).regex(/^\d*$/, 'not a checkpoint');

export const PullResponseSchema = z.object({
  articles: z.array(KnowledgeArticleSchema).max(SYNC_LIMITS.maxPullArticles),
  checkpoint: CheckpointSchema,
  /** More pages are waiting: pull again at once. */
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Messages the hub sends down the realtime socket. */
export const HubEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), kioskId: KioskIdSchema }),
  z.object({ type: z.literal('articles_changed'), checkpoint: CheckpointSchema }),
  /** Configuration or routing rules changed: pull /api/sync/settings. */
  z.object({ type: z.literal('settings_changed') }),
]);
export type HubEvent = z.infer<typeof HubEventSchema>;

/** Every 4xx/5xx body of the hub. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
