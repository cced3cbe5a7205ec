// Tickets and health go up, configuration and routing rules come down, end to end on the SQLite hub.
import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { Hlc, matchRoutingRule } from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, OPERATOR_TOKEN, SUPERVISOR, api, openKioskDb, waitFor } from './helpers.ts';
import { sharedHubWithKiosks } from './support/kiosk-clients.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const shared = sharedHubWithKiosks();
const { dirs, kiosks } = shared;

function client(kiosk: { id: string; token: string }) {
  return kiosks.add(openKioskDb(dirs.make()), {
    hubUrl: shared.hub.url,
    kioskId: kiosk.id,
    token: kiosk.token,
    pullIntervalMs: 600_000,
  });
}

describe('records', () => {
  it('moves a fault ticket through its life and shows it to agents; a bad move never enters the outbox', async () => {
    const { db, sync } = client(KIOSK_A);
    const out = sync.outbox;
    db.transaction(() => out.enqueue({ entity: 'ticket', data: ticketCreate('t-life', KIOSK_A.id) }))();
    db.transaction(() =>
      out.enqueue({
        entity: 'ticket',
        data: {
          id: 't-life',
          kioskId: KIOSK_A.id,
          status: 'assigned',
          statusFrom: 'open',
          assignee: AGENT.username,
        },
      }),
    )();
    expect(() =>
      out.enqueue({
        entity: 'ticket',
        data: { id: 't-life', kioskId: KIOSK_A.id, status: 'closed', statusFrom: 'in_progress' },
      }),
    ).toThrow(/transition/);
    db.transaction(() =>
      out.enqueue({
        entity: 'health',
        data: {
          id: 'h-1',
          kioskId: KIOSK_A.id,
          at: '2026-11-25T10:00:00.000Z',
          uptimeS: 60,
          devices: { printer: { status: 'fault', detail: 'jam' } },
        },
      }),
    )();
    expect(sync.status().pending).toBe(3);
    sync.start();
    await waitFor('outbox drained', () => sync.status().pending === 0);
    const login = await api(shared.hub, 'POST', '/api/agent/login', { body: AGENT });
    const got = await api(shared.hub, 'GET', '/api/agent/tickets/t-life', { token: login.body.token });
    expect(got.status).toBe(200);
    expect(got.body.ticket).toMatchObject({
      status: 'assigned',
      assignee: AGENT.username,
      kind: 'device_fault',
    });
    expect(
      (await api(shared.hub, 'GET', '/api/agent/tickets', { token: login.body.token })).body.tickets,
    ).toHaveLength(1);
    expect((await api(shared.hub, 'GET', '/api/agent/tickets')).status).toBe(401);
    expect((await shared.hub.store.stats()).healthSnapshots).toBe(1);
  });

  it('merges an agent edit at the hub with what the kiosk changes meanwhile', async () => {
    const { db, sync } = client(KIOSK_A);
    db.transaction(() =>
      sync.outbox.enqueue({ entity: 'ticket', data: ticketCreate('t-both', KIOSK_A.id) }),
    )();
    sync.start();
    await waitFor('created at the hub', () => sync.status().pending === 0);
    // A supervisor assigns (plain agents see and edit only tickets assigned to them).
    const token = (await api(shared.hub, 'POST', '/api/agent/login', { body: SUPERVISOR })).body
      .token as string;
    const edit = (body: unknown) => api(shared.hub, 'POST', '/api/agent/tickets/t-both', { token, body });
    expect((await edit({ status: 'resolved' })).body.error.code).toBe('bad_transition');
    expect((await edit({})).status).toBe(400);
    const assigned = await edit({ status: 'assigned', assignee: AGENT.username, comment: 'On my way' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.ticket).toMatchObject({ status: 'assigned', assignee: AGENT.username });
    db.transaction(() =>
      sync.outbox.enqueue({
        entity: 'ticket',
        data: {
          id: 't-both',
          kioskId: KIOSK_A.id,
          priority: 'urgent',
          comments: [{ id: 'k1', author: 'kiosk', text: 'Customer waiting', at: new Date().toISOString() }],
        },
      }),
    )();
    sync.nudge();
    await waitFor('kiosk edit delivered', () => sync.status().pending === 0);
    const t = (await api(shared.hub, 'GET', '/api/agent/tickets/t-both', { token })).body.ticket;
    expect(t).toMatchObject({ status: 'assigned', assignee: AGENT.username, priority: 'urgent' });
    expect(t.comments.map((c: { text: string }) => c.text).sort()).toEqual(['Customer waiting', 'On my way']);
  });

  it('refuses at the hub a ticket move the status machine forbids, naming the field', async () => {
    const bad = {
      id: ulid(),
      kioskId: KIOSK_A.id,
      entity: 'ticket',
      entityId: 't-x',
      op: 'upsert',
      hlc: Hlc.serialize({ wall: Date.now(), counter: 0, node: KIOSK_A.id }),
      data: { id: 't-x', kioskId: KIOSK_A.id, status: 'resolved', statusFrom: 'open' },
    };
    const res = await api(shared.hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [bad] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(JSON.stringify(res.body.error.details)).toMatch(/status/);
  });

  it('brings configuration and routing rules down, each kiosk its own scope, at once on publish', async () => {
    const a = client(KIOSK_A);
    const b = client(KIOSK_B);
    for (const c of [a, b]) c.sync.start();
    await waitFor('both connected', () =>
      kiosks.open.every((o) => o.sync.status().realtime === 'connected' && o.sync.status().lastPullAt),
    );
    const post = (path: string, body: unknown) =>
      api(shared.hub, 'POST', path, { token: OPERATOR_TOKEN, body });
    expect(
      (await post('/api/admin/config', { key: 'ui.languages', version: 1, value: ['zh-CN', 'en'] })).status,
    ).toBe(201);
    expect((await post('/api/admin/config', { key: 'idle.timeout_s', version: 1, value: 90 })).status).toBe(
      201,
    );
    expect(
      (await post('/api/admin/config', { key: 'idle.timeout_s', version: 1, value: 30, kioskId: KIOSK_B.id }))
        .status,
    ).toBe(201);
    const rule = {
      id: 'risky',
      version: 1,
      enabled: true,
      priority: 1,
      match: { minRiskLevel: 'R4' },
      route: { to: 'risk' },
    };
    expect((await post('/api/admin/routing-rules', rule)).status).toBe(201);
    expect((await post('/api/admin/routing-rules', { ...rule, route: { to: 'agent' } })).status).toBe(409);
    expect((await post('/api/admin/routing-rules', { ...rule, route: { to: 'nobody' } })).status).toBe(400);
    await waitFor(
      'A has its settings',
      () => a.sync.config()['idle.timeout_s'] === 90 && a.sync.routingRules().length === 1,
    );
    await waitFor('B has its override', () => b.sync.config()['idle.timeout_s'] === 30);
    expect(a.sync.config()['ui.languages']).toEqual(['zh-CN', 'en']);
    expect(matchRoutingRule(a.sync.routingRules(), { riskLevel: 'R5' })?.route.to).toBe('risk');
  });
});
