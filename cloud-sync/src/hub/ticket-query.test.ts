import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SLA } from '../schema/ticket-sla.ts';
import type { Ticket } from '../schema/ticket.ts';
import { deskOrder, matchesTicketQuery, ticketView } from './ticket-query.ts';

const ticket = (id: string, extra: Partial<Ticket> = {}): Ticket => ({
  id,
  kioskId: 'kiosk-1',
  kind: 'customer',
  status: 'open',
  priority: 'normal',
  title: `Ticket ${id}`,
  description: '',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  comments: [],
  ...extra,
});
const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const view = (t: Ticket) => ticketView(t, DEFAULT_TICKET_SLA, NOW, null);

describe('the ticket desk list', () => {
  it('marks the due time and overdue state from the SLA', () => {
    expect(view(ticket('a', { priority: 'urgent' }))).toMatchObject({
      dueAt: '2026-03-02T09:00:00.000Z',
      overdue: true,
      next: ['assigned', 'closed'],
    });
    expect(view(ticket('b')).overdue).toBe(false);
  });

  it('matches every filter given, and searches words anywhere, comments included', () => {
    const t = view(
      ticket('t-9', {
        device: 'printer',
        comments: [{ id: 'c', author: 'li', text: 'Paper Jam cleared', at: '2026-03-02T08:10:00.000Z' }],
      }),
    );
    expect(matchesTicketQuery(t, {})).toBe(true);
    expect(matchesTicketQuery(t, { q: 'jam PRINTER' })).toBe(true);
    expect(matchesTicketQuery(t, { q: 'jam toner' })).toBe(false);
    expect(matchesTicketQuery(t, { assignee: 'none', status: 'open', kind: 'customer' })).toBe(true);
    expect(matchesTicketQuery(t, { assignee: 'li' })).toBe(false);
    expect(matchesTicketQuery(t, { priority: 'high' })).toBe(false);
    expect(matchesTicketQuery(t, { overdue: '0' })).toBe(true);
    expect(matchesTicketQuery(t, { overdue: '1' })).toBe(false);
  });

  it('puts overdue tickets first, the most overdue first, then the newest updated', () => {
    const list = [
      view(ticket('new', { updatedAt: '2026-03-02T09:50:00.000Z' })),
      view(ticket('old', { updatedAt: '2026-03-02T08:30:00.000Z' })),
      view(ticket('late-less', { priority: 'urgent', createdAt: '2026-03-02T08:30:00.000Z' })),
      view(ticket('late-more', { priority: 'urgent' })),
    ].sort(deskOrder);
    expect(list.map((t) => t.id)).toEqual(['late-more', 'late-less', 'new', 'old']);
  });
});
