// Storage bounds of the handoff queue (issue 14, finding 11), on real SQLite and PostgreSQL: a queued
// request whose kiosk never opens its signalling socket, or whose socket went and never came back,
// leaves the queue as 'abandoned' after HUB_HANDOFF_UNCLAIMED_MS (no agent accepts a ghost); one kiosk
// may hold only so many open handoffs and make only so many requests a minute (429 beyond). The
// handoff core's clock is injected, so nothing sleeps.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { HandoffAcceptedSchema, type HandoffAccepted } from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, TempDirs, api } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const SUPERVISOR = {
  username: 'sup.b',
  password: 'bounds secret 31',
  role: 'supervisor' as const,
  displayName: 'Sup B',
};
const UNCLAIMED_MS = 120_000;

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_handoff_bounds');

describe.each(stores)('handoff queue bounds (%s)', (_name, store) => {
  let now = Date.now();
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR], () => {
    now = Date.now();
    return { handoff: { now: () => now, unclaimedMs: UNCLAIMED_MS, maxRequestsPerMinute: 5 } };
  });
  const request = (kiosk: { token: string }, extra: Record<string, string> = {}) =>
    api(t.hub, 'POST', '/api/handoff/requests', {
      token: kiosk.token,
      body: { sessionId: `s-${ulid()}`, locale: 'en', reason: 'customer_request', ...extra },
    });
  /** A simple question the bot keeps (no handoff opens). */
  const simple = { reason: 'low_confidence', intent: 'opening_hours' };
  const ask = async (kiosk: { token: string }): Promise<Extract<HandoffAccepted, { queued: true }>> => {
    const res = await request(kiosk);
    expect(res.status).toBe(200);
    const accepted = HandoffAcceptedSchema.parse(res.body);
    if (!accepted.queued) throw new Error('expected the request to be queued');
    return accepted;
  };

  it('drops a request whose kiosk never opens its socket; an agent never accepts the ghost', async () => {
    const ghost = await ask(KIOSK_A);
    const real = await ask(KIOSK_B);
    const kiosk = await t.open(real.joinToken);
    await kiosk.next('ready');
    now += UNCLAIMED_MS - 1000;
    expect(await t.hub.handoff.dropUnclaimed()).toEqual([]);
    expect(await t.hub.handoff.state(ghost.handoffId)).toEqual({ state: 'queued' });
    now += 2000;
    // The sweep also runs before every accept: the first agent gets the real customer, the next none.
    const agent = await t.open(await t.login(AGENT));
    await agent.next('ready');
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(real.handoffId);
    const supervisor = await t.open(await t.login(SUPERVISOR));
    await supervisor.next('ready');
    supervisor.send({ t: 'accept' });
    expect((await supervisor.next('error')).code).toBe('queue_empty');
    expect((await t.hub.handoff.queues()).ids()).toEqual([]);
    expect(await t.hub.handoff.state(ghost.handoffId)).toMatchObject({
      state: 'abandoned',
      reason: 'kiosk_never_connected',
    });
    expect(await t.hub.handoff.state(real.handoffId)).toEqual({ state: 'in_call' });
    // The ghost's join token is spent with it.
    expect(await (await t.open(ghost.joinToken)).closed()).toBe(4403);
  });

  it('drops a requeued request whose kiosk left the call and never came back', async () => {
    const a = await ask(KIOSK_A);
    const kiosk = await t.open(a.joinToken);
    await kiosk.next('ready');
    const first = await t.open(await t.login(AGENT));
    await first.next('ready');
    first.send({ t: 'accept' });
    await first.next('assigned');
    kiosk.close();
    await first.next('peer_left');
    first.close();
    // The agent dropped too: the request is back in the queue, but no kiosk socket holds it.
    await expect.poll(async () => (await t.hub.handoff.queues()).ids()).toEqual([a.handoffId]);
    now += UNCLAIMED_MS;
    expect(await t.hub.handoff.dropUnclaimed()).toEqual([a.handoffId]);
    expect(await t.hub.handoff.state(a.handoffId)).toMatchObject({
      state: 'abandoned',
      reason: 'kiosk_left',
    });
    const second = await t.open(await t.login(SUPERVISOR));
    await second.next('ready');
    second.send({ t: 'accept' });
    expect((await second.next('error')).code).toBe('queue_empty');
  });

  it('refuses a kiosk over its open handoffs with 429, and takes it again once one ends', async () => {
    const one = await ask(KIOSK_A);
    await ask(KIOSK_A);
    const res = await fetch(`${t.hub.url}/api/handoff/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KIOSK_A.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: 's-third', locale: 'en', reason: 'customer_request' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_open_handoffs');
    expect(body.error.message).toMatch(/already has 2 open handoffs \(at most 2\)/);
    expect((await t.hub.handoff.queues()).ids()).toHaveLength(2);
    // A question the bot keeps opens nothing, so it is still answered.
    expect((await request(KIOSK_A, simple)).body).toMatchObject({ queued: false, route: 'bot' });
    // Another kiosk is not held back by this one.
    await ask(KIOSK_B);
    // The customer cancels one: there is room again.
    const kiosk = await t.open(one.joinToken);
    await kiosk.next('ready');
    kiosk.send({ t: 'cancel' });
    await kiosk.next('ended');
    expect(await t.hub.handoff.state(one.handoffId)).toMatchObject({ state: 'ended', ticketId: null });
    expect((await request(KIOSK_A)).status).toBe(200);
  });

  it('refuses a kiosk over its requests per minute with 429, bot-routed ones included', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await request(KIOSK_A, simple)).body).toMatchObject({ queued: false, route: 'bot' });
    const over = await request(KIOSK_A, simple);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('too_many_handoff_requests');
    expect(over.body.error.details.retryAfterS).toBeGreaterThan(0);
    expect((await request(KIOSK_B, simple)).status).toBe(200);
    now += 60_000;
    expect((await request(KIOSK_A, simple)).status).toBe(200);
  });
});
