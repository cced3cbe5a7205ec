// Listen-in at the hub on real stores: on SQLite one hub; on PostgreSQL two hub instances on one store,
// the kiosk and its agent on A, the supervisor on B, so every listen-in message crosses LISTEN/NOTIFY.
// Only supervisors may list, listen or step in (403 for an agent, over HTTP and on the socket); each
// listen and step-in is an audit row; the negotiation is relayed both ways; the kiosk hears nothing
// while the supervisor only listens, and is told when they step in and when they leave.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  AgentLoginResponseSchema,
  HandoffAcceptedSchema,
  type LiveCallsResponse,
  type RunningHub,
  type ServerSignal,
} from '../src/index.ts';
import { AGENT, KIOSK_A, SUPERVISOR, TempDirs, api, startTestHub, testSeed } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { SignalClient } from './support/signal-client.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_listen_in');
const OFFER = { kind: 'offer' as const, sdp: 'v=0 offer from the agent (customer video + voices)' };
const ANSWER = { kind: 'answer' as const, sdp: 'v=0 answer from the supervisor (receive only)' };
const LISTEN_TYPES = new Set(['supervisor_joined', 'supervisor_left', 'listen_start', 'listen_signal']);

describe.each(stores)('listen-in (%s)', (name, store) => {
  let a: RunningHub;
  let b: RunningHub;
  const sockets: SignalClient[] = [];
  beforeEach(async () => {
    const choice = store();
    a = await startTestHub(dirs.make(), { store: choice, seed: testSeed() });
    // PostgreSQL: a second instance on the same store; SQLite: the one hub plays both.
    b = name === 'postgres' ? await startTestHub(dirs.make(), { store: choice, seed: testSeed() }) : a;
  });
  afterEach(async () => {
    // The hubs first: a stopping hub closes its sockets without touching the store.
    if (b !== a) await b.close();
    await a.close();
    for (const s of sockets.splice(0)) s.close();
  });
  const open = async (hub: RunningHub, token: string): Promise<SignalClient> => {
    const s = await SignalClient.open(hub.url, token);
    sockets.push(s);
    await s.next('ready');
    return s;
  };
  const login = async (hub: RunningHub, u: { username: string; password: string }) =>
    AgentLoginResponseSchema.parse((await api(hub, 'POST', '/api/agent/login', { body: u })).body).token;
  const calls = '/api/agent/supervisor/calls';

  /** A kiosk on A in a call with the agent on A; the supervisor signed in on B. */
  const liveCall = async () => {
    const body = { sessionId: `c-${ulid()}`, locale: 'zh-CN', reason: 'customer_request' };
    const res = await api(a, 'POST', '/api/handoff/requests', { token: KIOSK_A.token, body });
    const req = HandoffAcceptedSchema.parse(res.body);
    if (!req.queued) throw new Error('expected the request to be queued');
    const kiosk = await open(a, req.joinToken);
    const agentToken = await login(a, AGENT);
    const agent = await open(a, agentToken);
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(req.handoffId);
    await kiosk.next('connected');
    const supToken = await login(b, SUPERVISOR);
    const sup = await open(b, supToken);
    return { handoffId: req.handoffId, kiosk, agent, agentToken, sup, supToken };
  };
  const kioskHeard = (kiosk: SignalClient): ServerSignal[] =>
    kiosk.received.filter((m) => LISTEN_TYPES.has(m.t));

  it('refuses agents (403) and its own call (409), lists live calls for supervisors', async () => {
    const { handoffId, agentToken, supToken } = await liveCall();
    for (const [method, path] of [
      ['GET', `${calls}/live`],
      ['POST', `${calls}/${handoffId}/listen`],
      ['POST', `${calls}/${handoffId}/step-in`],
    ] as const) {
      const res = await api(a, method, path, { token: agentToken });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await api(b, 'POST', `${calls}/${handoffId}/listen`)).status).toBe(401);
    expect((await api(b, 'POST', `${calls}/nope/listen`, { token: supToken })).status).toBe(404);
    const live = (await api(b, 'GET', `${calls}/live`, { token: supToken })).body as LiveCallsResponse;
    expect(live.calls).toEqual([
      expect.objectContaining({ handoffId, kioskId: KIOSK_A.id, agent: AGENT.username, locale: 'zh-CN' }),
    ]);
    const audit = await a.store.listAudit(100);
    expect(audit.filter((e) => e.action.startsWith('call.'))).toEqual([]);
  });

  it('audits the listen, relays its negotiation both ways, tells the kiosk only on step-in', async () => {
    const { handoffId, kiosk, agent, sup, supToken } = await liveCall();
    const started = await api(b, 'POST', `${calls}/${handoffId}/listen`, { token: supToken });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ handoffId, agent: AGENT.username, kioskId: KIOSK_A.id });
    expect(await agent.next('listen_start')).toEqual({
      t: 'listen_start',
      handoffId,
      supervisor: SUPERVISOR.username,
      supervisorName: SUPERVISOR.displayName,
    });
    // The agent's browser offers the call's media to the supervisor, who answers; ICE both ways.
    agent.send({ t: 'listen_signal', handoffId, to: SUPERVISOR.username, data: OFFER });
    expect(await sup.next('listen_signal')).toEqual({
      t: 'listen_signal',
      handoffId,
      from: AGENT.username,
      data: OFFER,
    });
    sup.send({ t: 'listen_signal', handoffId, data: ANSWER });
    expect((await agent.next('listen_signal')).data).toEqual(ANSWER);
    expect((await agent.next('listen_signal', () => true, 100).catch(() => null)) ?? null).toBeNull();
    // The call's agent cannot reach another agent through a listen-in (only supervisors are told).
    agent.send({ t: 'listen_signal', handoffId, to: AGENT.username, data: OFFER });
    expect((await agent.next('listen_signal', () => true, 300).catch(() => null)) ?? null).toBeNull();
    expect(kioskHeard(kiosk)).toEqual([]);

    const audit = (await a.store.listAudit(100)).filter((e) => e.action.startsWith('call.'));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'call.listen',
        actor: SUPERVISOR.username,
        subject: handoffId,
        kioskId: KIOSK_A.id,
        detail: `agent ${AGENT.username}`,
      }),
    ]);

    const stepped = await api(b, 'POST', `${calls}/${handoffId}/step-in`, { token: supToken });
    expect(stepped.status).toBe(200);
    expect(await agent.next('listen_step_in')).toMatchObject({ handoffId, supervisor: SUPERVISOR.username });
    expect(await kiosk.next('supervisor_joined')).toEqual({
      t: 'supervisor_joined',
      name: SUPERVISOR.displayName,
    });
    const actions = (await b.store.listAudit(100)).map((e) => e.action).filter((x) => x.startsWith('call.'));
    expect(actions.sort()).toEqual(['call.listen', 'call.step_in']);

    // The supervisor leaves: the agent's side closes and the kiosk stops saying they are there.
    sup.send({ t: 'listen_end', handoffId });
    expect(await agent.next('listen_end')).toMatchObject({ handoffId, supervisor: SUPERVISOR.username });
    expect(await kiosk.next('supervisor_left')).toEqual({
      t: 'supervisor_left',
      name: SUPERVISOR.displayName,
    });
  });

  it('refuses listen-in messages from an agent not on that call', async () => {
    const { handoffId, agentToken, kiosk } = await liveCall();
    // The agent's second socket replaced the first: this one holds no call.
    const other = await open(b, agentToken);
    other.send({ t: 'listen_signal', handoffId, data: OFFER });
    expect((await other.next('error')).code).toBe('forbidden');
    other.send({ t: 'listen_end', handoffId });
    expect((await other.next('error')).code).toBe('forbidden');
    kiosk.send({ t: 'listen_end', handoffId });
    expect((await kiosk.next('error')).code).toBe('forbidden');
    expect(kioskHeard(kiosk)).toEqual([]);
  });

  it('ends the listen-in when the supervisor’s socket closes: agent and kiosk are told', async () => {
    const { handoffId, kiosk, agent, sup, supToken } = await liveCall();
    await api(b, 'POST', `${calls}/${handoffId}/listen`, { token: supToken });
    await agent.next('listen_start');
    sup.send({ t: 'listen_signal', handoffId, data: ANSWER });
    await agent.next('listen_signal');
    await api(b, 'POST', `${calls}/${handoffId}/step-in`, { token: supToken });
    await kiosk.next('supervisor_joined');
    sup.close();
    expect(await agent.next('listen_end')).toMatchObject({ handoffId, supervisor: SUPERVISOR.username });
    expect((await kiosk.next('supervisor_left')).name).toBe(SUPERVISOR.displayName);
  });

  it('tells the supervisor when the agent ends the listen-in, and the kiosk after a step-in', async () => {
    const { handoffId, kiosk, agent, sup, supToken } = await liveCall();
    await api(b, 'POST', `${calls}/${handoffId}/listen`, { token: supToken });
    await agent.next('listen_start');
    agent.send({ t: 'listen_end', handoffId, to: SUPERVISOR.username });
    expect(await sup.next('listen_end')).toEqual({
      t: 'listen_end',
      handoffId,
      supervisor: SUPERVISOR.username,
    });
    // Never stepped in: the kiosk's page ignores the left (nothing was shown), and no joined came.
    expect((await kiosk.next('supervisor_left')).name).toBe(SUPERVISOR.displayName);
    expect(kiosk.received.some((m) => m.t === 'supervisor_joined')).toBe(false);
  });
});
