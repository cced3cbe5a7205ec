// The ticket desk's list: each ticket with its SLA due time and escalation flag, and the filters and
// search of the console. Pure: the clock and the escalations are passed in.
import type { TicketQuery, TicketView } from '../schema/ticket-desk-api.ts';
import { isOverdue, ticketDueAt, type TicketSla } from '../schema/ticket-sla.ts';
import { TICKET_TRANSITIONS, type Ticket } from '../schema/ticket.ts';

export function ticketView(
  ticket: Ticket,
  sla: TicketSla,
  nowMs: number,
  escalatedAt: string | null,
): TicketView {
  return {
    ...ticket,
    dueAt: ticketDueAt(ticket, sla),
    overdue: isOverdue(ticket, sla, nowMs),
    escalatedAt,
    next: [...TICKET_TRANSITIONS[ticket.status]],
  };
}

/** Every filter given holds; `q` matches (case-insensitively) the id, title, text, comments, kiosk or device. */
export function matchesTicketQuery(t: TicketView, q: TicketQuery): boolean {
  if (q.status !== undefined && t.status !== q.status) return false;
  if (q.priority !== undefined && t.priority !== q.priority) return false;
  if (q.kind !== undefined && t.kind !== q.kind) return false;
  if (q.assignee !== undefined && (t.assignee ?? 'none') !== q.assignee) return false;
  if (q.overdue !== undefined && t.overdue !== (q.overdue === '1')) return false;
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [
    t.id,
    t.title,
    t.description,
    t.kioskId,
    t.device ?? '',
    t.conversationId ?? '',
    ...t.comments.map((c) => c.text),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Overdue first (oldest due first), then the rest by last update, newest first. */
export function deskOrder(a: TicketView, b: TicketView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue) return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0;
  return a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : 0;
}
