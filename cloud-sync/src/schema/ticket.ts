// Tickets (issue 5 wires them into sync with field-level HLC merge; this is the shared shape and the
// status machine both ends validate against). Pure zod.
import { z } from 'zod';

export const TicketStatusSchema = z.enum([
  'open',
  'assigned',
  'in_progress',
  'waiting',
  'resolved',
  'closed',
]);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Allowed moves. A resolved ticket may be reopened; a closed one is final. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['assigned', 'closed'],
  assigned: ['in_progress', 'open', 'closed'],
  in_progress: ['waiting', 'resolved', 'assigned'],
  waiting: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

export const TicketCommentSchema = z.object({
  id: z.string().min(1).max(64),
  author: z.string().min(1).max(64),
  text: z.string().min(1).max(4000),
  at: z.iso.datetime(),
});
export type TicketComment = z.infer<typeof TicketCommentSchema>;

export const TicketSchema = z
  .object({
    id: z.string().min(1).max(64),
    kioskId: z.string().min(1).max(64),
    kind: z.enum(['customer', 'device_fault']),
    status: TicketStatusSchema,
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    title: z.string().min(1).max(200),
    description: z.string().max(8000),
    /** The conversation a customer ticket came from. */
    conversationId: z.string().max(64).optional(),
    /** The device a fault ticket is about. */
    device: z.string().max(40).optional(),
    assignee: z.string().max(64).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    comments: z.array(TicketCommentSchema).max(500),
  })
  .refine((t) => t.kind !== 'device_fault' || t.device !== undefined, {
    message: 'a device_fault ticket names its device',
    path: ['device'],
  });
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * A ticket change as it travels in the outbox: the id and owner, plus only the fields this write sets.
 * A creation sets every required field with status 'open'; a status move names the status it leaves
 * (`statusFrom`), so every write is checked against the status machine where it is made.
 */
export const TicketUpdateSchema = z
  .object({
    id: z.string().min(1).max(64),
    kioskId: z.string().min(1).max(64),
    kind: z.enum(['customer', 'device_fault']).optional(),
    status: TicketStatusSchema.optional(),
    statusFrom: TicketStatusSchema.optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    title: z.string().min(1).max(200).optional(),
    description: z.string().max(8000).optional(),
    conversationId: z.string().max(64).optional(),
    device: z.string().max(40).optional(),
    /** null clears the assignee. */
    assignee: z.string().max(64).nullable().optional(),
    createdAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    /** Comments added by this write; comments are immutable and merge by id. */
    comments: z.array(TicketCommentSchema).max(50).optional(),
  })
  .refine((u) => u.statusFrom === undefined || u.status !== undefined, {
    message: 'statusFrom needs status',
    path: ['statusFrom'],
  })
  .refine((u) => u.status === undefined || u.statusFrom !== undefined || u.status === 'open', {
    message: "a ticket starts 'open'; a later status names statusFrom",
    path: ['status'],
  })
  .refine(
    (u) => u.status === undefined || u.statusFrom === undefined || canTransition(u.statusFrom, u.status),
    {
      message: 'status transition not allowed',
      path: ['status'],
    },
  );
export type TicketUpdate = z.infer<typeof TicketUpdateSchema>;

/** The scalar fields a ticket update may set, each merged on its own by HLC. */
export const TICKET_FIELDS = [
  'kind',
  'status',
  'priority',
  'title',
  'description',
  'conversationId',
  'device',
  'assignee',
  'createdAt',
  'updatedAt',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
