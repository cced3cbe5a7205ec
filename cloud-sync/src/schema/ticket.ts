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
