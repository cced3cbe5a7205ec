// Review finding 1 (issue 14), on real SQLite and PostgreSQL: who may read and edit which ticket, who
// reassigns, and conversation access granted by the call an agent accepted, never by a ticket's
// editable assignee.
import { afterAll, describe, expect, it } from 'vitest';
import { HandoffAcceptedSchema } from '../src/index.ts';
import { AGENT, KIOSK_A, SUPERVISOR, TempDirs, api, conversation } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const RISK = { username: 'risk.2', password: 'risk desk pass 5', role: 'risk' as const, displayName: 'Risk' };

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_agent_access');

describe.each(stores)('agent access to tickets and conversations (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR, RISK]);
  const { login } = t;
  const push = async (entity: string, data: { id: string }) =>
    expect((await t.push(KIOSK_A, entity, data)).status).toBe(200);
  const ticketOf = (id: string, assignee: string, conversationId?: string) => ({
    ...ticketCreate(id, KIOSK_A.id),
    kind: 'customer',
    description: `call notes of ${id}`,
    assignee,
    ...(conversationId ? { conversationId } : {}),
  });

  it('lists and reads for a plain agent only the tickets assigned to them; a supervisor sees all', async () => {
    await push('ticket', ticketOf('t-mine', AGENT.username));
    await push('ticket', ticketOf('t-risk', RISK.username));
    const agent = await login(AGENT);
    const listed = (await api(t.hub, 'GET', '/api/agent/tickets', { token: agent })).body.tickets as {
      id: string;
    }[];
    expect(listed.map((t) => t.id)).toEqual(['t-mine']);
    expect((await api(t.hub, 'GET', '/api/agent/tickets/t-mine', { token: agent })).status).toBe(200);
    const other = await api(t.hub, 'GET', '/api/agent/tickets/t-risk', { token: agent });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('call notes of t-risk');
    const edit = await api(t.hub, 'POST', '/api/agent/tickets/t-risk', {
      token: agent,
      body: { comment: 'peeking' },
    });
    expect(edit.status).toBe(403);
    const sup = await login(SUPERVISOR);
    const all = (await api(t.hub, 'GET', '/api/agent/tickets', { token: sup })).body.tickets as {
      id: string;
    }[];
    expect(all.map((t) => t.id).sort()).toEqual(['t-mine', 't-risk']);
  });

  it('lets only a supervisor reassign a ticket', async () => {
    await push('ticket', ticketOf('t-r', RISK.username));
    await push('ticket', ticketOf('t-a', AGENT.username));
    const agent = await login(AGENT);
    const grab = await api(t.hub, 'POST', '/api/agent/tickets/t-r', {
      token: agent,
      body: { assignee: AGENT.username },
    });
    expect(grab.status).toBe(403);
    const handOn = await api(t.hub, 'POST', '/api/agent/tickets/t-a', {
      token: agent,
      body: { assignee: RISK.username },
    });
    expect(handOn.status).toBe(403);
    expect((await t.hub.store.getTicket('t-r'))?.assignee).toBe(RISK.username);
    // The assignee may still work on their own ticket.
    const own = await api(t.hub, 'POST', '/api/agent/tickets/t-a', {
      token: agent,
      body: { comment: 'called back' },
    });
    expect(own.status).toBe(200);
    const sup = await api(t.hub, 'POST', '/api/agent/tickets/t-r', {
      token: await login(SUPERVISOR),
      body: { assignee: AGENT.username },
    });
    expect(sup.status).toBe(200);
    expect(sup.body.ticket.assignee).toBe(AGENT.username);
  });

  it('opens a conversation to the agent who accepted its call, not to whoever a ticket names', async () => {
    const conv = conversation(KIOSK_A.id, new Date().toISOString());
    await push('conversation', conv);
    // A ticket naming the agent (a kiosk push, or an assignee edit) grants nothing.
    await push('ticket', ticketOf('t-named', AGENT.username, conv.id));
    const agent = await login(AGENT);
    expect((await api(t.hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: agent })).status).toBe(
      403,
    );
    const listed = async () =>
      (
        (await api(t.hub, 'GET', '/api/agent/conversations', { token: agent })).body.conversations as {
          id: string;
        }[]
      ).map((c) => c.id);
    expect(await listed()).not.toContain(conv.id);

    // The agent accepts that customer's call: the grant is recorded, and the transcript opens.
    const res = await api(t.hub, 'POST', '/api/handoff/requests', {
      token: KIOSK_A.token,
      body: { sessionId: conv.id, locale: 'en', reason: 'customer_request' },
    });
    expect(HandoffAcceptedSchema.parse(res.body).queued).toBe(true);
    const socket = await t.open(agent);
    await socket.next('ready');
    socket.send({ t: 'accept' });
    await socket.next('assigned');
    expect((await api(t.hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: agent })).status).toBe(
      200,
    );
    expect(await listed()).toContain(conv.id);
    // Another agent named on a ticket of that conversation still cannot read it.
    await push('ticket', ticketOf('t-named-risk', RISK.username, conv.id));
    const risk = await login(RISK);
    expect((await api(t.hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: risk })).status).toBe(
      403,
    );
  });
});
