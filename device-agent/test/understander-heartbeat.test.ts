// The question understander takes about half a second to build. Built on a customer's question, on the
// agent's event loop, it stopped the arm's heartbeat and the firmware halted the arm (watchdog). Now it
// is built in slices when the articles change: the first question after start and the first after a
// knowledge-base change leave the real simulator's watchdog untouched. The first test fails without
// the slicing (the first build, the word dictionary and all, held the loop about 0.7 s: one trip, every
// run); the second did not (a rebuild of about 0.45 s did not trip the watchdog here), so it mainly
// checks that a new article version reaches the answers through the background rebuild.
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskClient, startHarness, waitFor, type Harness } from './harness.ts';
import { waitArmLinkUp } from './support/readiness.ts';

const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789';
let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  h = await startHarness({}, { operatorToken: OPERATOR_TOKEN });
  c = await KioskClient.connect(h.agent.url);
  await waitArmLinkUp(h.agent.url);
});
afterAll(async () => {
  await c?.close();
  await h?.close();
});

const watchdogTrips = async (): Promise<number> => (await h.sim.control.state()).watchdogTrips;

/** Asks until the answer comes from `articleId` (the articles reach the kiosk by the sync pull). */
async function askUntil(sessionId: string, text: string, articleId: string): Promise<void> {
  await waitFor(
    async () => {
      const r = await c.command('Session.Ask', { sessionId, text });
      return (r.payload.answer as { articleId?: string }).articleId === articleId || undefined;
    },
    15_000,
    `an answer from ${articleId}`,
  );
}

describe('building the question understander', () => {
  it('leaves the arm running on the first questions after start', async () => {
    expect(await watchdogTrips()).toBe(0);
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    await askUntil(sessionId, 'what are your opening hours', 'branch-opening-hours');
    await c.command('Session.End', { sessionId, outcome: 'answered' });
    expect(await watchdogTrips()).toBe(0);
  });

  it('leaves the arm running when the knowledge base changes and the next questions come', async () => {
    // On its own: counted from here, with the arm link up.
    await waitArmLinkUp(h.agent.url);
    const before = await watchdogTrips();
    const hours = DEFAULT_ARTICLES.find((a) => a.id === 'branch-opening-hours' && a.locale === 'en')!;
    // A new version teaching a phrasing no article had: answered only once the new model is built.
    const phrase = 'when does the lobby unlock';
    const res = await fetch(`${h.hub.url}/api/admin/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...hours,
        version: hours.version + 1,
        exampleQuestions: [...(hours.exampleQuestions ?? []), phrase],
      }),
    });
    expect(res.status).toBeLessThan(300);
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    await askUntil(sessionId, phrase, 'branch-opening-hours');
    await c.command('Session.End', { sessionId, outcome: 'answered' });
    expect(await watchdogTrips()).toBe(before);
  });
});
