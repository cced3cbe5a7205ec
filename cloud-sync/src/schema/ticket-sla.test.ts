import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SLA, isOverdue, slaStopped, ticketDueAt, TicketSlaSchema } from './ticket-sla.ts';
import type { TicketStatus } from './ticket.ts';

const created = '2026-03-02T08:00:00.000Z';
const base = { kind: 'customer' as const, priority: 'high' as const, createdAt: created };

describe('ticket SLA', () => {
  it('puts the due time at creation plus the target of the kind and priority', () => {
    expect(ticketDueAt(base, DEFAULT_TICKET_SLA)).toBe('2026-03-02T12:00:00.000Z');
    expect(ticketDueAt({ ...base, kind: 'device_fault', priority: 'urgent' }, DEFAULT_TICKET_SLA)).toBe(
      '2026-03-02T08:30:00.000Z',
    );
    const sla = { ...DEFAULT_TICKET_SLA, customer: { ...DEFAULT_TICKET_SLA.customer, high: 5 } };
    expect(ticketDueAt(base, sla)).toBe('2026-03-02T08:05:00.000Z');
  });

  it('is overdue from the due time on, while the ticket is still worked', () => {
    const due = Date.parse('2026-03-02T12:00:00.000Z');
    const open = { ...base, status: 'in_progress' as const };
    expect(isOverdue(open, DEFAULT_TICKET_SLA, due - 1)).toBe(false);
    expect(isOverdue(open, DEFAULT_TICKET_SLA, due)).toBe(true);
    for (const status of ['open', 'assigned', 'in_progress', 'waiting'] as TicketStatus[])
      expect(isOverdue({ ...base, status }, DEFAULT_TICKET_SLA, due + 1), status).toBe(true);
  });

  it('stops the clock once resolved or closed', () => {
    const late = Date.parse('2027-01-01T00:00:00.000Z');
    for (const status of ['resolved', 'closed'] as TicketStatus[]) {
      expect(slaStopped({ status })).toBe(true);
      expect(isOverdue({ ...base, status }, DEFAULT_TICKET_SLA, late)).toBe(false);
    }
  });

  it('refuses a configuration with a missing or non-positive target', () => {
    expect(TicketSlaSchema.safeParse(DEFAULT_TICKET_SLA).success).toBe(true);
    const zero = { ...DEFAULT_TICKET_SLA, customer: { ...DEFAULT_TICKET_SLA.customer, low: 0 } };
    expect(TicketSlaSchema.safeParse(zero).success).toBe(false);
    expect(TicketSlaSchema.safeParse({ customer: DEFAULT_TICKET_SLA.customer }).success).toBe(false);
  });
});
