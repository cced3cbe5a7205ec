import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hlc } from './hlc.ts';
import { TicketUpdateSchema, type TicketUpdate } from './ticket.ts';
import { materializeTicket, mergeTicket, type TicketMergeState } from './ticket-merge.ts';

const create: TicketUpdate = {
  id: 't1',
  kioskId: 'k1',
  kind: 'customer',
  status: 'open',
  priority: 'normal',
  title: 'Card retained',
  description: 'ATM kept the card',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  comments: [],
};

const update = fc.record(
  {
    priority: fc.constantFrom('low', 'normal', 'high', 'urgent'),
    assignee: fc.option(fc.constantFrom('li.na', 'wang'), { nil: null }),
    move: fc.constantFrom(
      ['open', 'assigned'],
      ['assigned', 'in_progress'],
      ['in_progress', 'resolved'],
      ['resolved', 'closed'],
    ),
    comment: fc.constantFrom('a', 'b', 'c'),
  },
  { requiredKeys: [] },
);

function fold(writes: [TicketUpdate, string][]): TicketMergeState | null {
  let s: TicketMergeState | null = null;
  for (const [u, hlc] of writes) s = mergeTicket(s, u, hlc);
  return s;
}

describe('mergeTicket', () => {
  it('reaches the same ticket for any arrival order and any repetition', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), fc.context(), (raw, _ctx) => {
        const writes: [TicketUpdate, string][] = [
          [create, Hlc.serialize({ wall: 1, counter: 0, node: 'k1' })],
        ];
        raw.forEach((r, i) => {
          const u: TicketUpdate = { id: 't1', kioskId: 'k1' };
          if (r.priority) u.priority = r.priority as TicketUpdate['priority'];
          if (r.assignee !== undefined) u.assignee = r.assignee;
          if (r.move) [u.statusFrom, u.status] = r.move as [TicketUpdate['status'], TicketUpdate['status']];
          if (r.comment)
            u.comments = [{ id: r.comment, author: 'x', text: r.comment, at: '2026-11-25T11:00:00.000Z' }];
          writes.push([TicketUpdateSchema.parse(u), Hlc.serialize({ wall: 10 + i, counter: 0, node: 'k1' })]);
        });
        const forward = materializeTicket(fold(writes) as TicketMergeState);
        const backward = materializeTicket(fold([...writes].reverse()) as TicketMergeState);
        const doubled = materializeTicket(
          fold([...writes, ...writes.slice().reverse(), ...writes]) as TicketMergeState,
        );
        expect(backward).toEqual(forward);
        expect(doubled).toEqual(forward);
        const closed = writes.some(([u]) => u.status === 'closed');
        if (closed) expect(forward?.status).toBe('closed');
      }),
    );
  });

  it('refuses updates that break the status machine before they reach the outbox', () => {
    expect(
      TicketUpdateSchema.safeParse({ id: 't', kioskId: 'k', status: 'resolved', statusFrom: 'open' }).success,
    ).toBe(false);
    expect(TicketUpdateSchema.safeParse({ id: 't', kioskId: 'k', status: 'assigned' }).success).toBe(false);
    expect(TicketUpdateSchema.safeParse({ id: 't', kioskId: 'k', statusFrom: 'open' }).success).toBe(false);
    expect(
      TicketUpdateSchema.safeParse({ id: 't', kioskId: 'k', status: 'closed', statusFrom: 'closed' }).success,
    ).toBe(false);
    expect(
      TicketUpdateSchema.safeParse({ id: 't', kioskId: 'k', status: 'assigned', statusFrom: 'open' }).success,
    ).toBe(true);
  });

  it('materializes nothing until the required fields are known', () => {
    const s = mergeTicket(null, { id: 't1', kioskId: 'k1', assignee: 'li.na' }, '1');
    expect(materializeTicket(s)).toBeNull();
    expect(materializeTicket(mergeTicket(s, create, '0'))).toMatchObject({
      assignee: 'li.na',
      status: 'open',
    });
  });
});
