// Service-level targets of tickets: each kind (customer, device fault) and priority has a resolution
// target in minutes from the ticket's creation. A ticket past its due time and not yet resolved or
// closed is overdue; the hub's escalation job (hub/ticket-escalation.ts) flags it to the supervisors
// once. Pure: the clock is passed in.
import { z } from 'zod';
import type { Ticket } from './ticket.ts';

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365);
const PerPriorityS = z.object({ urgent: Minutes, high: Minutes, normal: Minutes, low: Minutes });

export const TicketSlaSchema = z.object({ customer: PerPriorityS, device_fault: PerPriorityS });
export type TicketSla = z.infer<typeof TicketSlaSchema>;

/** The default targets (minutes), documented in the README next to `hub.ticketSla`. */
export const DEFAULT_TICKET_SLA: TicketSla = {
  customer: { urgent: 60, high: 4 * 60, normal: 24 * 60, low: 72 * 60 },
  device_fault: { urgent: 30, high: 2 * 60, normal: 8 * 60, low: 48 * 60 },
};

/** A resolved or closed ticket has met (or missed) its target: it is never overdue any more. */
export function slaStopped(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

/** When the ticket should be resolved by (ISO). */
export function ticketDueAt(ticket: Pick<Ticket, 'kind' | 'priority' | 'createdAt'>, sla: TicketSla): string {
  const minutes = sla[ticket.kind][ticket.priority];
  return new Date(Date.parse(ticket.createdAt) + minutes * 60_000).toISOString();
}

/** Past its due time at `nowMs` and still being worked. */
export function isOverdue(
  ticket: Pick<Ticket, 'kind' | 'priority' | 'createdAt' | 'status'>,
  sla: TicketSla,
  nowMs: number,
): boolean {
  return !slaStopped(ticket) && Date.parse(ticketDueAt(ticket, sla)) <= nowMs;
}
