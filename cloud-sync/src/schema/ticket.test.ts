import { describe, expect, it } from 'vitest';
import {
  TICKET_TRANSITIONS,
  TicketSchema,
  TicketStatusSchema,
  canTransition,
  type TicketStatus,
} from './ticket.ts';
import { DeviceEventSchema } from './device-event.ts';

describe('ticket status machine', () => {
  it('allows the working path and forbids leaving closed', () => {
    expect(canTransition('open', 'assigned')).toBe(true);
    expect(canTransition('assigned', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
    expect(canTransition('open', 'resolved')).toBe(false);
    for (const to of TicketStatusSchema.options) expect(canTransition('closed', to)).toBe(false);
  });

  it('only names known statuses and every status is reachable from open', () => {
    const seen = new Set<TicketStatus>(['open']);
    const queue: TicketStatus[] = ['open'];
    for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
      for (const to of TICKET_TRANSITIONS[from]) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    expect([...seen].sort()).toEqual([...TicketStatusSchema.options].sort());
  });

  it('requires a device on fault tickets', () => {
    const t = {
      id: 't1',
      kioskId: 'k1',
      kind: 'device_fault',
      status: 'open',
      priority: 'high',
      title: 'Printer jammed',
      description: '',
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      comments: [],
    };
    expect(TicketSchema.safeParse(t).success).toBe(false);
    expect(TicketSchema.safeParse({ ...t, device: 'printer' }).success).toBe(true);
  });
});

describe('device event', () => {
  const event = {
    id: 'e1',
    kioskId: 'k1',
    at: '2026-11-25T10:00:00.000Z',
    source: 'safety',
    type: 'safety.transition',
    severity: 'warning',
    message: 'READY -> PROTECTIVE_STOP',
    data: { from: 'READY', to: 'PROTECTIVE_STOP', cause: 'presence' },
  };
  it('accepts a flat event and refuses nested or oversized details', () => {
    expect(DeviceEventSchema.safeParse(event).success).toBe(true);
    expect(DeviceEventSchema.safeParse({ ...event, data: { nested: { a: 1 } } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, i]));
    expect(DeviceEventSchema.safeParse({ ...event, data: many }).success).toBe(false);
    expect(DeviceEventSchema.safeParse({ ...event, type: 'Safety Transition' }).success).toBe(false);
  });
});
