// Review finding 4 (issue 14), on real SQLite and PostgreSQL: a kiosk credential names only its own
// conversations in a handoff; a call ticket never points at another kiosk's conversation.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { HandoffAcceptedSchema } from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, TempDirs, api, conversation } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_handoff_scope');

describe.each(stores)('handoff requests name only their kiosk’s conversations (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT]);
  const request = (kiosk: { token: string }, sessionId: string) =>
    api(t.hub, 'POST', '/api/handoff/requests', {
      token: kiosk.token,
      body: { sessionId, locale: 'en', reason: 'customer_request' },
    });

  it('refuses a request naming another kiosk’s conversation', async () => {
    const theirs = conversation(KIOSK_A.id, new Date().toISOString());
    expect((await t.push(KIOSK_A, 'conversation', theirs)).status).toBe(200);
    const stolen = await request(KIOSK_B, theirs.id);
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.code).toBe('forbidden');
    expect((await t.hub.handoff.queues()).ids()).toEqual([]);
    expect((await request(KIOSK_A, theirs.id)).status).toBe(200);
  });

  it('files a call ticket without a conversation that turned out to be another kiosk’s', async () => {
    const sessionId = `c-${ulid()}`;
    const asked = HandoffAcceptedSchema.parse((await request(KIOSK_B, sessionId)).body);
    if (!asked.queued) throw new Error('expected the request to be queued');
    // Kiosk A's conversation of that id arrives while B's call waits: it is A's, not this call's.
    const conv = { ...conversation(KIOSK_A.id, new Date().toISOString()), id: sessionId };
    expect((await t.push(KIOSK_A, 'conversation', conv)).status).toBe(200);
    const agent = await t.open(await t.login(AGENT));
    await agent.next('ready');
    agent.send({ t: 'accept' });
    await agent.next('assigned');
    agent.send({ t: 'end', notes: 'helped', resolved: false });
    const { ticketId } = await agent.next('ended');
    const ticket = await t.hub.store.getTicket(ticketId!);
    expect(ticket?.kioskId).toBe(KIOSK_B.id);
    expect(ticket?.conversationId).toBeUndefined();
  });
});
