// Handoff.Request through the agent to the real hub: the agent adds the masked card and the card
// holder's tier (a VIP goes to the expert queue), the hub answers with a join token for one call, and
// the full PAN never reaches the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type Harness, type KioskClient } from './harness.ts';
import { startCardRead } from './support/card-read.ts';
import { startKioskHarness, type KioskHarness } from './support/kiosk-harness.ts';

let k: KioskHarness;
let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  k = await startKioskHarness();
  ({ h, c } = k);
});
afterAll(() => k?.close());

describe('Handoff.Request', () => {
  it('says the agent offers Handoff', async () => {
    const status = await c.command('Common.Status', {});
    expect(status.payload.capabilities).toEqual(['Handoff']);
  });

  it('routes a VIP card holder to the experts with a join token, masked card only', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    await startCardRead(c, 900, sessionId, 5000);
    expect((await postJson(`${h.agent.url}/sim/api/card`, { cardId: 'mastercard-vip' })).status).toBe(202);
    expect((await c.completion(900)).payload.customer).toEqual({ tier: 'vip', riskRating: 'C5' });
    await c.command('Session.Ask', { sessionId, text: 'I want to talk about my portfolio' });

    const done = await c.command('Handoff.Request', {
      sessionId,
      reason: 'customer_request',
      priorityBoost: 2,
    });
    expect(done.payload).toMatchObject({
      completionCode: 'success',
      queued: true,
      route: 'expert',
      position: 1,
      signalUrl: `${h.hub.url.replace('http', 'ws')}/api/handoff/ws`,
      iceServers: [],
      // This hub records no calls: the page must not show a recording notice.
      recording: false,
    });
    expect(done.payload.joinToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const [entry] = (await h.hub.handoff.queues()).list('supervisor', Date.now());
    expect(entry).toMatchObject({ queue: 'expert', priority: 2 });
  });

  it("carries the bot's intent and confidence: a complaint in the customer's own words goes to risk", async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    // No routing keyword in these words: only the understood intent can send it to risk.
    const text = 'the woman at the counter was really rude to me';
    let answer: { intent?: string; confidence?: number } = {};
    await expect
      .poll(async () => {
        answer = (await c.command('Session.Ask', { sessionId, text })).payload.answer as typeof answer;
        return answer.intent;
      })
      .toBe('complaint');
    const done = await c.command('Handoff.Request', { sessionId, reason: 'customer_request' });
    expect(done.payload).toMatchObject({ completionCode: 'success', queued: true, route: 'risk' });
    const entry = (await h.hub.handoff.queues())
      .list('supervisor', Date.now())
      .find((e) => e.queue === 'risk');
    expect(entry).toBeDefined();
    expect(answer.confidence).toBeGreaterThan(0);
  });

  it('keeps a simple question with the bot when it was unsure, by intent', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'zh-CN' })).payload.sessionId as string;
    const asked = await c.command('Session.Ask', { sessionId, text: '你们下午几点下班' });
    expect(asked.payload.answer).toMatchObject({ intent: 'opening_hours', decision: 'answer' });
    const done = await c.command('Handoff.Request', { sessionId, reason: 'low_confidence' });
    expect(done.payload).toMatchObject({ completionCode: 'success', queued: false, route: 'bot' });
  });

  it('says plainly when the hub refuses a third open handoff of this kiosk (429), and keeps running', async () => {
    // The VIP and the complaint above are still waiting: the hub's default is two open per kiosk.
    expect((await h.hub.handoff.queues()).ids()).toHaveLength(2);
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    const over = await c.command('Handoff.Request', { sessionId, reason: 'customer_request' });
    expect(over.payload).toMatchObject({ completionCode: 'commandErrorCode', errorCode: 'tooManyHandoffs' });
    expect(over.payload.errorDescription).toMatch(/already has 2 open handoffs \(at most 2\)/);
    expect((await h.hub.handoff.queues()).ids()).toHaveLength(2);
    expect((await c.command('Common.Status', {})).payload.completionCode).toBe('success');
  });

  it('refuses a request for a session that is not live, and a malformed one', async () => {
    const gone = await c.command('Handoff.Request', { sessionId: 'nope', reason: 'customer_request' });
    expect(gone.payload).toMatchObject({ completionCode: 'commandErrorCode', errorCode: 'unknownSession' });
    const bad = await c.command('Handoff.Request', { sessionId: 'x', reason: 'bored' });
    expect(bad.payload.completionCode).toBe('invalidMessage');
  });

  it('says plainly when the hub cannot take it', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'zh-CN' })).payload.sessionId as string;
    await h.hub.close();
    const down = await c.command('Handoff.Request', { sessionId, reason: 'customer_request' });
    expect(down.payload).toMatchObject({ completionCode: 'deviceNotReady' });
    expect(down.payload.errorDescription).toMatch(/hub/);
  });
});
