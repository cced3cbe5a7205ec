// Issue 2's journey through the agent: greet, swipe a virtual card (masked only), ask, answer from the
// local knowledge base, end; the conversation reaches the real hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTokenOf, KioskClient, postJson, startHarness, waitFor, type Harness } from './harness.ts';
import { startCardRead } from './support/card-read.ts';
import { waitArmLinkUp } from './support/readiness.ts';

let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  h = await startHarness();
  c = await KioskClient.connect(h.agent.url);
  await waitArmLinkUp(h.agent.url);
  // The knowledge base reaches the kiosk by the sync pull loop: wait for it in a warm-up session.
  const warm = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
  await waitFor(
    async () => {
      const r = await c.command('Session.Ask', { sessionId: warm, text: 'opening hours' });
      return (r.payload.answer as { articleId?: string }).articleId;
    },
    10_000,
    'the knowledge base from the hub',
  );
  await c.command('Session.End', { sessionId: warm, outcome: 'answered' });
});
afterAll(async () => {
  await c?.close();
  await h?.close();
});

/** The conversation once the hub has it ended. */
function endedOnHub(sessionId: string, what: string) {
  return waitFor(
    async () => {
      const d = await h.hub.store.getConversation(sessionId);
      return d?.conversation.endedAt !== undefined ? d.conversation : undefined;
    },
    10_000,
    what,
  );
}

async function readCardWith(sessionId: string, swipe: Record<string, string>) {
  const requestId = 1000 + c.frames.length;
  await startCardRead(c, requestId, sessionId, 5000, { timeoutMs: 5000, what: 'ack' });
  expect((await postJson(`${h.agent.url}/sim/api/card`, swipe)).status).toBe(202);
  return c.completion(requestId);
}

describe('customer session round', () => {
  it('lists test cards by id, label and masked PAN only', async () => {
    const s = (await (await fetch(`${h.agent.url}/sim/api/state`)).json()) as {
      cards: Record<string, string>[];
    };
    expect(s.cards.length).toBeGreaterThanOrEqual(3);
    for (const card of s.cards) {
      expect(Object.keys(card).sort()).toEqual(['id', 'label', 'maskedPan']);
      expect(card.maskedPan).toMatch(/^\d{0,6}\*+\d{0,4}$/);
    }
    expect(s.cards.find((c) => c.id === 'unionpay-debit')?.label).toMatch(/standard, risk rating C2$/);
  });

  it('starts, reads a card, answers in English and Chinese, ends, and syncs to the hub', async () => {
    const start = await c.command('Session.Start', { locale: 'en' });
    expect(start.payload.completionCode).toBe('success');
    const sessionId = start.payload.sessionId as string;

    const read = await readCardWith(sessionId, { cardId: 'visa-classic' });
    expect(read.payload).toEqual({
      completionCode: 'success',
      card: { maskedPan: '411111******1111', luhnValid: true, expiry: '2912' },
      customer: { tier: 'standard', riskRating: 'C4' },
    });
    expect(c.frames.some((f) => f.header.name === 'CardReader.MediaInsertedEvent')).toBe(true);

    const ask = await c.command('Session.Ask', {
      sessionId,
      text: 'What are your opening hours on Saturday?',
    });
    expect(ask.payload.answer).toMatchObject({
      articleId: 'branch-opening-hours',
      title: 'Branch opening hours',
      effectiveFrom: expect.any(String),
    });

    const unsure = await c.command('Session.Ask', {
      sessionId,
      text: 'Can you recommend a good bicycle repair shop?',
    });
    expect(unsure.payload.answer).toMatchObject({ confidence: expect.any(Number) });
    expect((unsure.payload.answer as { articleId?: string }).articleId).toBeUndefined();
    expect((unsure.payload.answer as { text: string }).text).toMatch(/not sure.*staff/i);

    expect((await c.command('Session.End', { sessionId, outcome: 'answered' })).payload.completionCode).toBe(
      'success',
    );
    expect((await c.command('Session.Ask', { sessionId, text: 'hello again' })).payload).toMatchObject({
      errorCode: 'unknownSession',
    });

    const onHub = await waitFor(
      async () => {
        const detail = await h.hub.store.getConversation(sessionId);
        return detail?.conversation.endedAt !== undefined && detail.messages.length >= 4 ? detail : undefined;
      },
      10_000,
      'conversation on the hub',
    );
    expect(onHub.conversation).toMatchObject({
      kioskId: 'kiosk-t1',
      locale: 'en',
      maskedPan: '411111******1111',
      outcome: 'answered',
    });
    expect(onHub.conversation.customerToken).toMatch(/^[0-9a-f]{64}$/);
    expect(onHub.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer', 'bot']);
    expect(onHub.messages[1]?.articleId).toBe('branch-opening-hours');
  });

  it("gives a test card's profile (never its token) and the wealth product's risk level; a rating reaches the hub", async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    // A card the profile source does not know, and a misread, come without a profile.
    const unknown = await readCardWith(sessionId, { raw: ';6228480044712359080=30121010000001234567?' });
    expect(unknown.payload).toMatchObject({ completionCode: 'success', card: { luhnValid: true } });
    expect(unknown.payload.customer).toBeUndefined();
    const misread = await readCardWith(sessionId, { cardId: 'bad-luhn' });
    expect(misread.payload.customer).toBeUndefined();

    const read = await readCardWith(sessionId, { cardId: 'unionpay-debit' });
    expect(read.payload).toMatchObject({
      completionCode: 'success',
      customer: { tier: 'standard', riskRating: 'C2' },
    });
    const vip = await readCardWith(sessionId, { cardId: 'mastercard-vip' });
    expect(vip.payload).toMatchObject({ customer: { tier: 'vip', riskRating: 'C5' } });
    const wealth = await c.command('Session.Ask', {
      sessionId,
      text: 'Tell me about the steady income wealth product and its risk.',
    });
    expect(wealth.payload.answer).toMatchObject({
      articleId: 'wealth-steady-income-fund',
      productRiskLevel: 'R3',
    });

    expect((await c.command('Session.Rate', { sessionId, rating: 6 })).payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: expect.stringMatching(/rating/),
    });
    expect((await c.command('Session.Rate', { sessionId, rating: 2 })).payload.completionCode).toBe(
      'success',
    );
    expect((await c.command('Session.Rate', { sessionId, rating: 4 })).payload.completionCode).toBe(
      'success',
    );
    await c.command('Session.End', { sessionId, outcome: 'answered' });
    expect((await c.command('Session.Rate', { sessionId, rating: 3 })).payload).toMatchObject({
      errorCode: 'unknownSession',
    });
    const onHub = await endedOnHub(sessionId, 'the rated conversation on the hub');
    expect(onHub).toMatchObject({ rating: 4, outcome: 'answered', maskedPan: '555555******4444' });
    // What the page got carries no token: the hub's token for the linked card is nowhere in the frames.
    const frames = JSON.stringify(c.frames);
    expect(frames).not.toContain(onHub.customerToken as string);
  });

  it('stores the emotion-cue summary on the conversation and syncs it; refuses one with more than a summary', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'zh-CN' })).payload.sessionId as string;
    const summary = {
      faceMs: 20_000,
      cues: { neutral: { count: 2, ms: 9000 }, angry: { count: 1, ms: 11_000 } },
      dominant: 'angry',
      negativeSustained: true,
    };
    const withLandmarks = { ...summary, landmarks: [[0.5, 0.5, 0]] };
    expect((await c.command('Session.Emotion', { sessionId, summary: withLandmarks })).payload).toMatchObject(
      {
        completionCode: 'invalidMessage',
      },
    );
    const badCue = { ...summary, cues: { furious: { count: 1, ms: 1 } } };
    expect((await c.command('Session.Emotion', { sessionId, summary: badCue })).payload.completionCode).toBe(
      'invalidMessage',
    );
    expect((await c.command('Session.Emotion', { sessionId, summary })).payload.completionCode).toBe(
      'success',
    );
    await c.command('Session.End', { sessionId, outcome: 'answered' });
    const onHub = await endedOnHub(sessionId, 'the conversation with its emotion summary on the hub');
    expect(onHub.emotion).toEqual(summary);
  });

  it('answers a Chinese question from the Chinese articles', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'zh-CN' })).payload.sessionId as string;
    const r = await c.command('Session.Ask', { sessionId, text: '请问网点营业时间是几点？' });
    expect(r.payload.answer).toMatchObject({ articleId: 'branch-opening-hours', title: '网点营业时间' });
    await c.command('Session.End', { sessionId, outcome: 'answered' });
  });

  it('reports a bad swipe as badSwipe, a bad Luhn as luhnValid false, and supports cancel and timeout', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    const bad = await readCardWith(sessionId, { raw: '%B4111111^TRUNC' });
    expect(bad.payload).toMatchObject({
      completionCode: 'commandErrorCode',
      errorCode: 'badSwipe',
      errorDescription: expect.stringMatching(/swipe/i),
    });

    const luhn = await readCardWith(sessionId, { cardId: 'bad-luhn' });
    expect(luhn.payload).toMatchObject({ completionCode: 'success', card: { luhnValid: false } });

    const requestId = 5000;
    await startCardRead(c, requestId, sessionId, 60_000);
    expect((await c.command('CardReader.Cancel', {})).payload.completionCode).toBe('success');
    expect((await c.completion(requestId)).payload.completionCode).toBe('cancelled');

    const timedOut = await c.command('CardReader.ReadCard', { sessionId, timeoutMs: 1000 });
    expect(timedOut.payload.completionCode).toBe('timeOut');

    // Ending the session cancels its pending read: a later swipe cannot reach an ended session.
    const pendingId = 5001;
    await startCardRead(c, pendingId, sessionId, 60_000);
    await c.command('Session.End', { sessionId, outcome: 'abandoned' });
    expect((await c.completion(pendingId)).payload.completionCode).toBe('cancelled');
  });

  it('validates simulation API bodies with clear 400s', async () => {
    const r = await postJson(`${h.agent.url}/sim/api/gpio`, { input: 'smoke', active: true });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/input/);
    expect((await postJson(`${h.agent.url}/sim/api/card`, { cardId: 'no-such-card' })).status).toBe(400);
    const boot = await bootTokenOf(h.agent.url);
    const notJson = await fetch(`${h.agent.url}/sim/api/card`, {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json', 'x-kiosk-boot': boot },
    });
    expect(notJson.status).toBe(400);
    const big = await fetch(`${h.agent.url}/sim/api/card`, {
      method: 'POST',
      body: JSON.stringify({ raw: 'x'.repeat(20_000) }),
      headers: { 'content-type': 'application/json', 'x-kiosk-boot': boot },
    });
    expect(big.status).toBe(413);
  });
});
