// The second half of the HubStore contract (tickets, health, settings, exactly-once under duplicated
// and reordered delivery). Registered inside the per-store describe of hub-store.test.ts.
import { expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  Hlc,
  OwnershipError,
  type ChangeEnvelope,
  type HubStore,
  type TicketUpdate,
} from '../../src/index.ts';

const T0 = '2026-11-25T10:00:00.000Z';
const hlc = (wall: number, node = 'k1') => Hlc.serialize({ wall, counter: 0, node });
const env = (
  kioskId: string,
  entity: ChangeEnvelope['entity'],
  data: { id: string; [k: string]: unknown },
  at: string,
) => ({ id: ulid(), kioskId, entity, entityId: data.id, op: 'upsert', hlc: at, data }) as ChangeEnvelope;

/** A ticket status and the one a soak may move it to next (per the schema's status machine). */
export const NEXT_TICKET_STATUS: Record<string, [string, string] | undefined> = {
  open: ['open', 'assigned'],
  assigned: ['assigned', 'in_progress'],
  in_progress: ['in_progress', 'resolved'],
  resolved: ['resolved', 'closed'],
};

export function ticketCreate(id: string, kioskId = 'k1'): TicketUpdate {
  return {
    id,
    kioskId,
    kind: 'device_fault',
    status: 'open',
    priority: 'high',
    title: 'Printer jammed',
    description: 'Receipt printer reports a paper jam',
    device: 'printer',
    createdAt: T0,
    updatedAt: T0,
    comments: [],
  };
}

export function storeExtraContract(get: () => HubStore): void {
  it('applies each change exactly once under duplicated and reordered delivery', async () => {
    const store = get();
    const a = env(
      'k1',
      'conversation',
      { id: 'c-a', kioskId: 'k1', locale: 'en', startedAt: T0 } as never,
      hlc(1),
    );
    const b = env(
      'k1',
      'device_event',
      {
        id: 'e-b',
        kioskId: 'k1',
        at: T0,
        source: 'arm',
        type: 'arm.fault',
        severity: 'error',
        message: 'joint 3',
      } as never,
      hlc(2),
    );
    const r1 = await store.applyChanges('k1', [b, b]);
    expect(r1).toEqual({ applied: [b.id], duplicates: [b.id] });
    const r2 = await store.applyChanges('k1', [a, b, a]);
    expect(r2).toEqual({ applied: [a.id], duplicates: [b.id, a.id] });
    expect(await store.changeIdsOf('k1')).toEqual([a.id, b.id].sort());
    expect(await store.changeIdsOf('k2')).toEqual([]);
    expect((await store.stats()).deviceEvents).toBe(1);
  });

  it('merges ticket fields by HLC to the same result in any arrival order, and keeps closed final', async () => {
    const store = get();
    const updates: [TicketUpdate, string][] = [
      [ticketCreate('PLACEHOLDER'), hlc(100)],
      [
        {
          id: 'PLACEHOLDER',
          kioskId: 'k1',
          status: 'assigned',
          statusFrom: 'open',
          assignee: 'li.na',
          updatedAt: '2026-11-25T10:01:00.000Z',
        },
        hlc(200),
      ],
      [
        {
          id: 'PLACEHOLDER',
          kioskId: 'k1',
          priority: 'urgent',
          comments: [{ id: 'n1', author: 'kiosk', text: 'still jammed', at: '2026-11-25T10:02:00.000Z' }],
        },
        hlc(300),
      ],
      [
        {
          id: 'PLACEHOLDER',
          kioskId: 'k1',
          status: 'in_progress',
          statusFrom: 'assigned',
          updatedAt: '2026-11-25T10:03:00.000Z',
        },
        hlc(400),
      ],
      [
        {
          id: 'PLACEHOLDER',
          kioskId: 'k1',
          priority: 'low',
          comments: [{ id: 'n0', author: 'kiosk', text: 'first', at: '2026-11-25T10:00:30.000Z' }],
        },
        hlc(150),
      ],
    ];
    const orders = [
      [0, 1, 2, 3, 4],
      [3, 4, 2, 1, 0],
      [2, 0, 4, 3, 1],
    ];
    const results = [];
    for (const [n, order] of orders.entries()) {
      const id = `t-${n}`;
      // Each update in its own batch, as retries after an outage would deliver them.
      for (const i of order) {
        const [u, at] = updates[i] as [TicketUpdate, string];
        await store.applyChanges('k1', [env('k1', 'ticket', { ...u, id }, at)]);
      }
      const t = await store.getTicket(id);
      expect(t).not.toBeNull();
      results.push({ ...t, id: 'x' });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toMatchObject({
      status: 'in_progress',
      priority: 'urgent',
      assignee: 'li.na',
      title: 'Printer jammed',
    });
    expect(results[0]?.comments?.map((c) => c.id)).toEqual(['n0', 'n1']);

    // closed wins over a later non-closing write, whatever its clock
    const move = (status: string, statusFrom: string, wall: number) =>
      store.applyChanges('k1', [
        env('k1', 'ticket', { id: 't-0', kioskId: 'k1', status, statusFrom }, hlc(wall)),
      ]);
    await move('resolved', 'in_progress', 500);
    await move('closed', 'resolved', 600);
    await move('in_progress', 'resolved', 700);
    expect((await store.getTicket('t-0'))?.status).toBe('closed');
    expect((await store.listTickets(10)).map((t) => t.id).sort()).toEqual(['t-0', 't-1', 't-2']);
  });

  it('holds an incomplete ticket back until its creation arrives', async () => {
    const store = get();
    await store.applyChanges('k1', [
      env('k1', 'ticket', { id: 't-late', kioskId: 'k1', assignee: 'wang' }, hlc(300)),
    ]);
    expect(await store.getTicket('t-late')).toBeNull();
    await store.applyChanges('k1', [env('k1', 'ticket', ticketCreate('t-late'), hlc(100))]);
    expect(await store.getTicket('t-late')).toMatchObject({ assignee: 'wang', status: 'open' });
  });

  it("refuses a batch touching another kiosk's ticket, with nothing applied", async () => {
    const store = get();
    await store.applyChanges('k2', [env('k2', 'ticket', ticketCreate('t-k2', 'k2'), hlc(1, 'k2'))]);
    const mine = env('k1', 'ticket', ticketCreate('t-k1'), hlc(2));
    const sneaky = env('k1', 'ticket', { id: 't-k2', kioskId: 'k1', assignee: 'me' }, hlc(3));
    await expect(store.applyChanges('k1', [mine, sneaky])).rejects.toBeInstanceOf(OwnershipError);
    expect(await store.getTicket('t-k1')).toBeNull();
    expect(await store.changeIdsOf('k1')).toEqual([]);
    expect((await store.getTicket('t-k2'))?.assignee).toBeUndefined();
  });

  it('merges a hub-side edit with the kiosk fields, only from the status the editor saw', async () => {
    const store = get();
    await store.applyChanges('k1', [env('k1', 'ticket', ticketCreate('t-edit'), hlc(100))]);
    const edit = {
      id: 't-edit',
      kioskId: 'ignored',
      status: 'assigned' as const,
      statusFrom: 'open' as const,
      assignee: 'li.na',
    };
    expect(await store.editTicket(edit, hlc(200, 'hub-a'), 'assigned')).toMatchObject({
      outcome: 'status_changed',
    });
    expect(await store.editTicket(edit, hlc(200, 'hub-a'), 'open')).toMatchObject({
      outcome: 'updated',
      ticket: { status: 'assigned', assignee: 'li.na', kioskId: 'k1' },
    });
    expect(await store.editTicket({ ...edit, id: 'nope' }, hlc(201, 'hub-a'), 'open')).toEqual({
      outcome: 'not_found',
    });
    // The kiosk, not yet aware, raises the priority with an older clock: both edits survive.
    await store.applyChanges('k1', [
      env('k1', 'ticket', { id: 't-edit', kioskId: 'k1', priority: 'urgent' }, hlc(150)),
    ]);
    expect(await store.getTicket('t-edit')).toMatchObject({
      status: 'assigned',
      assignee: 'li.na',
      priority: 'urgent',
    });
  });

  it('stores health snapshots once', async () => {
    const store = get();
    const snap = { id: 'h1', kioskId: 'k1', at: T0, uptimeS: 3600, devices: { arm: { status: 'ok' } } };
    await store.applyChanges('k1', [env('k1', 'health', snap, hlc(1)), env('k1', 'health', snap, hlc(2))]);
    expect((await store.stats()).healthSnapshots).toBe(1);
  });

  it('versions settings per id and scope, and pages them per kiosk', async () => {
    const store = get();
    const fleet = { kind: 'config' as const, doc: { key: 'idle.timeout_s', version: 1, value: 90 } };
    const mine = {
      kind: 'config' as const,
      doc: { key: 'idle.timeout_s', version: 1, value: 30, kioskId: 'k1' },
    };
    const rule = {
      kind: 'routing_rule' as const,
      doc: {
        id: 'wealth-risk',
        version: 1,
        enabled: true,
        priority: 10,
        match: { minRiskLevel: 'R4' as const },
        route: { to: 'risk' as const },
      },
    };
    expect(await store.publishSetting(fleet)).toBe('published');
    expect(await store.publishSetting(mine)).toBe('published');
    expect(await store.publishSetting(rule)).toBe('published');
    expect(await store.publishSetting(fleet)).toBe('unchanged');
    expect(await store.publishSetting({ ...fleet, doc: { ...fleet.doc, value: 60 } })).toBe('conflict');
    expect(await store.publishSetting({ ...fleet, doc: { ...fleet.doc, version: 2, value: 60 } })).toBe(
      'published',
    );
    expect(await store.publishSetting({ ...rule, doc: { ...rule.doc, version: 3 } })).toBe('published');
    expect(await store.publishSetting({ ...rule, doc: { ...rule.doc, version: 2 } })).toBe('stale');
    const k1 = await store.settingsSince('k1', '', 2);
    expect(k1.docs).toEqual([fleet, mine]);
    expect(k1.hasMore).toBe(true);
    const k1b = await store.settingsSince('k1', k1.checkpoint, 10);
    expect(k1b.docs.map((d) => d.doc.version)).toEqual([1, 2, 3]);
    const k2 = await store.settingsSince('k2', '', 10);
    expect(k2.docs.map((d) => d.kind)).toEqual(['config', 'routing_rule', 'config', 'routing_rule']);
    expect(k2.docs.some((d) => d.kind === 'config' && d.doc.kioskId === 'k1')).toBe(false);
    expect(await store.settingsSince('k2', '999', 10)).toMatchObject({ docs: k2.docs });
  });
}
