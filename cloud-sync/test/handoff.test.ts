// Video handoff at the hub on real stores (SQLite and PostgreSQL): routing into skill queues, the
// signalling socket's authentication and its binding to one call, what each role may see, an agent
// dropping mid-call, and the notes that become a ticket.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { HandoffAcceptedSchema, type HandoffRequest } from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, TempDirs, api } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const PASSWORD = 'handoff secret 77';
const RISK = { username: 'risk.1', password: PASSWORD, role: 'risk' as const, displayName: 'Risk One' };
const SUPERVISOR = {
  username: 'sup.1',
  password: PASSWORD,
  role: 'supervisor' as const,
  displayName: 'Sup One',
};
const PLANTED_PAN = '6228480402564890';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_handoff');

describe.each(stores)('handoff at the hub (%s)', (_name, store) => {
  // One kiosk stands for several customers in these tests: room for three open handoffs each.
  const t = hubPerTest(dirs, store, [AGENT, RISK, SUPERVISOR], () => ({ handoff: { maxOpenPerKiosk: 3 } }));
  const { open, login } = t;
  const ask = async (kiosk: { token: string }, req: Partial<HandoffRequest> = {}) => {
    const body: HandoffRequest = {
      sessionId: `s-${ulid()}`,
      locale: 'en',
      reason: 'customer_request',
      ...req,
    };
    const res = await api(t.hub, 'POST', '/api/handoff/requests', { token: kiosk.token, body });
    expect(res.status).toBe(200);
    const accepted = HandoffAcceptedSchema.parse(res.body);
    if (!accepted.queued) throw new Error('expected the request to be queued');
    return accepted;
  };

  it('refuses a request without a kiosk credential or with a bad body', async () => {
    const body = { sessionId: 's1', locale: 'en', reason: 'customer_request' };
    expect((await api(t.hub, 'POST', '/api/handoff/requests', { body })).status).toBe(401);
    const bad = await api(t.hub, 'POST', '/api/handoff/requests', {
      token: KIOSK_A.token,
      body: { ...body, maskedPan: PLANTED_PAN },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^maskedPan: /);
    expect((await t.hub.handoff.queues()).ids()).toEqual([]);
  });

  it('keeps a simple low-confidence question with the bot and queues the rest by tier', async () => {
    const res = await api(t.hub, 'POST', '/api/handoff/requests', {
      token: KIOSK_A.token,
      body: { sessionId: 's1', locale: 'en', reason: 'low_confidence', intent: 'opening_hours' },
    });
    expect(res.body).toEqual({ queued: false, route: 'bot', ruleId: 'bot-simple' });
    expect((await ask(KIOSK_A, { customer: { tier: 'vip' } })).route).toBe('expert');
    expect((await ask(KIOSK_A, { intent: 'complaint' })).route).toBe('risk');
    const plain = await ask(KIOSK_A);
    expect(plain).toMatchObject({ route: 'agent', position: 1, signalPath: '/api/handoff/ws' });
  });

  it('opens the socket only with a valid token sent first', async () => {
    const stranger = await open('not-a-token');
    expect(await stranger.closed()).toBe(4403);
    const silent = await open(null);
    silent.send({ t: 'chat', text: 'hello' });
    expect(await silent.closed()).toBe(4401);
    const a = await ask(KIOSK_A);
    const kiosk = await open(a.joinToken);
    expect(await kiosk.next('ready')).toMatchObject({ as: 'kiosk', handoffId: a.handoffId });
    expect(await kiosk.next('queue')).toMatchObject({ position: 1 });
    kiosk.sendRaw('{"t":"signal","data":{"kind":"offer"}}');
    expect((await kiosk.next('error')).code).toBe('invalid_message');
    kiosk.send({ t: 'accept' });
    expect((await kiosk.next('error')).code).toBe('forbidden');
    kiosk.send({ t: 'guide', step: { kind: 'card', title: 'x', text: 'y' } });
    expect((await kiosk.next('error')).code).toBe('forbidden');
  });

  it('binds signalling to one call: another kiosk never hears it', async () => {
    const a = await ask(KIOSK_A);
    const b = await ask(KIOSK_B);
    const kioskA = await open(a.joinToken);
    const kioskB = await open(b.joinToken);
    await kioskA.next('ready');
    await kioskB.next('ready');
    const agent = await open(await login(AGENT));
    await agent.next('ready');
    agent.send({ t: 'signal', data: { kind: 'offer', sdp: 'v=0 too early' } });
    expect((await agent.next('error')).code).toBe('no_call');
    agent.send({ t: 'accept' });
    const { call } = await agent.next('assigned');
    expect(call.handoffId).toBe(a.handoffId); // the longest-waiting first
    expect(call.kioskId).toBe(KIOSK_A.id);
    expect((await kioskA.next('connected')).agentName).toBe(AGENT.displayName);
    agent.send({ t: 'signal', data: { kind: 'offer', sdp: 'v=0 for A' } });
    expect((await kioskA.next('signal')).data).toEqual({ kind: 'offer', sdp: 'v=0 for A' });
    kioskB.send({ t: 'signal', data: { kind: 'answer', sdp: 'v=0 from B' } });
    expect((await kioskB.next('error')).code).toBe('no_agent');
    kioskA.send({ t: 'signal', data: { kind: 'answer', sdp: 'v=0 from A' } });
    expect((await agent.next('signal')).data).toEqual({ kind: 'answer', sdp: 'v=0 from A' });
    expect(kioskB.received.some((m) => m.t === 'signal' || m.t === 'connected')).toBe(false);
    // Accepting again while in a call is refused; the second kiosk still waits.
    agent.send({ t: 'accept' });
    expect((await agent.next('error')).code).toBe('busy');
  });

  it('boosts a waiting customer whose cues turn negative, alerts supervisors, and shows the agent the cue', async () => {
    const first = await ask(KIOSK_A);
    const second = await ask(KIOSK_B);
    const supervisor = await open(await login(SUPERVISOR));
    await supervisor.next('ready');
    const kioskB = await open(second.joinToken);
    await kioskB.next('ready');
    expect(await kioskB.next('queue')).toMatchObject({ position: 2 });
    const cue = { at: new Date().toISOString(), label: 'angry', confidence: 0.9 };
    kioskB.send({ t: 'cue', cue, negativeCue: true });
    expect(await supervisor.next('alert')).toMatchObject({
      handoffId: second.handoffId,
      kioskId: KIOSK_B.id,
    });
    expect(await kioskB.next('queue', (m) => m.position === 1)).toMatchObject({ position: 1 });
    const agent = await open(await login(AGENT));
    agent.send({ t: 'accept' });
    const { call } = await agent.next('assigned');
    expect(call.handoffId).toBe(second.handoffId);
    expect(call.cues).toEqual([cue]);
    kioskB.send({ t: 'cue', cue: { ...cue, label: 'calm' }, negativeCue: false });
    expect(await agent.next('cue')).toMatchObject({ negativeCue: false, cue: { label: 'calm' } });
    expect((await t.hub.handoff.queues()).ids()).toEqual([first.handoffId]);
  });

  it('tells a kiosk that connects after the agent accepted', async () => {
    const a = await ask(KIOSK_A);
    const agent = await open(await login(AGENT));
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(a.handoffId);
    const kiosk = await open(a.joinToken);
    await kiosk.next('ready');
    expect((await kiosk.next('connected')).agentName).toBe(AGENT.displayName);
  });

  it('shows each role only its own queues, the caller only to the assigned agent, alerts to supervisors', async () => {
    const supervisor = await open(await login(SUPERVISOR));
    await supervisor.next('ready');
    const agent = await open(await login(AGENT));
    await agent.next('ready');
    const risk = await ask(KIOSK_A, { intent: 'fraud', negativeCue: true, emotion: 'sad' });
    const alert = await supervisor.next('alert');
    expect(alert).toMatchObject({ handoffId: risk.handoffId, kioskId: KIOSK_A.id });
    const seen = await supervisor.next('queues', (m) => m.waiting.length === 1);
    expect(seen.waiting[0]).toMatchObject({ queue: 'risk', priority: 4, negativeCue: true });
    expect(seen.agents.map((a) => a.username).sort()).toEqual([AGENT.username, SUPERVISOR.username]);
    const agentView = agent.received.filter((m) => m.t === 'queues');
    expect(agentView.length).toBeGreaterThan(0);
    for (const m of agentView)
      expect(m.t === 'queues' && m.waiting.length === 0 && m.agents.length === 0).toBe(true);
    agent.send({ t: 'accept' });
    expect((await agent.next('error')).code).toBe('queue_empty');
    const riskAgent = await open(await login(RISK));
    await riskAgent.next('ready');
    riskAgent.send({ t: 'accept' });
    expect((await riskAgent.next('assigned')).call.handoffId).toBe(risk.handoffId);
    expect(agent.received.some((m) => m.t === 'assigned')).toBe(false);
  });

  it('puts the customer back at the front when the agent drops, and files the notes as a ticket', async () => {
    const sessionId = `c-${ulid()}`;
    const push = (entity: string, data: { id: string }) => t.push(KIOSK_A, entity, data);
    const conv = {
      id: sessionId,
      kioskId: KIOSK_A.id,
      locale: 'en',
      startedAt: new Date().toISOString(),
      maskedPan: '622848******4890',
    };
    expect((await push('conversation', conv)).status).toBe(200);
    const msg = {
      id: ulid(),
      conversationId: sessionId,
      role: 'customer',
      text: 'my card was swallowed',
      at: new Date().toISOString(),
    };
    expect((await push('message', msg)).status).toBe(200);

    const a = await ask(KIOSK_A, { sessionId, intent: 'card_retained' });
    const kiosk = await open(a.joinToken);
    await kiosk.next('ready');
    const first = await open(await login(AGENT));
    await first.next('ready');
    first.send({ t: 'accept' });
    const { call } = await first.next('assigned');
    expect(call).toMatchObject({ maskedPan: '622848******4890', intent: 'card_retained' });
    expect(call.transcript.map((m) => m.text)).toEqual(['my card was swallowed']);
    expect(JSON.stringify(call)).not.toContain(PLANTED_PAN);
    await kiosk.next('connected');
    first.close();
    expect(await kiosk.next('requeued')).toMatchObject({ position: 1 });

    const second = await open(await login(SUPERVISOR));
    await second.next('ready');
    second.send({ t: 'accept' });
    expect((await second.next('assigned')).call.handoffId).toBe(a.handoffId);
    second.send({
      t: 'guide',
      step: { kind: 'card', title: 'Press the red button', text: 'Below the slot' },
    });
    expect((await kiosk.next('guide')).step).toMatchObject({ kind: 'card', title: 'Press the red button' });
    second.send({ t: 'end', notes: 'Card retained; a teller returns it at the counter.', resolved: true });
    const ended = await kiosk.next('ended');
    expect(ended.ticketId).toBe(`handoff-${a.handoffId}`);
    expect((await second.next('ended')).ticketId).toBe(ended.ticketId);
    const ticket = await t.hub.store.getTicket(ended.ticketId!);
    expect(ticket).toMatchObject({
      kioskId: KIOSK_A.id,
      status: 'resolved',
      conversationId: sessionId,
      assignee: SUPERVISOR.username,
      description: 'Card retained; a teller returns it at the counter.',
    });
    // The join token is spent with the call.
    const again = await open(a.joinToken);
    expect(await again.closed()).toBe(4403);
  });
});
