// Issue 18, tickets worked to the end, on real SQLite and PostgreSQL: open, assign (supervisors only),
// status along the machine of schema/ticket.ts, priority, comments; SLA due times and the escalation
// job; filters and search. What a ticket links to: ticket-desk-context.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SLA, escalateOverdueTickets } from '../src/index.ts';
import { AGENT, KIOSK_A, SUPERVISOR, TempDirs, api, conversation } from './helpers.ts';
import { ago, deskHubPerTest, OTHER } from './support/ticket-desk.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_ticket_desk');
describe.each(stores)('the ticket desk (%s)', (_name, store) => {
  const { t, call, push } = deskHubPerTest(dirs, store);
  const ids = async (token: string, query = '') =>
    ((await call('GET', query, token)).body.tickets as { id: string }[]).map((x) => x.id).sort();

  it('works a ticket from open to closed: a supervisor assigns and comments, the agent resolves and closes', async () => {
    const sup = await t.login(SUPERVISOR);
    const agent = await t.login(AGENT);
    const opened = await call('POST', '', sup, {
      title: 'Card retained at kiosk',
      description: 'Customer asks for the card back',
      priority: 'high',
      kioskId: KIOSK_A.id,
    });
    expect(opened.status).toBe(201);
    const ticket = opened.body.ticket;
    expect(ticket).toMatchObject({ status: 'open', kind: 'customer', kioskId: KIOSK_A.id, overdue: false });
    expect(Date.parse(ticket.dueAt) - Date.parse(ticket.createdAt)).toBe(
      DEFAULT_TICKET_SLA.customer.high * 60_000,
    );
    const id = ticket.id as string;
    const body = { title: 'x', description: '', priority: 'low', kioskId: 'kiosk-nowhere' };
    expect((await call('POST', '', sup, body)).status).toBe(404);
    expect((await call('POST', `/${id}`, agent, { status: 'assigned' })).status).toBe(403);
    expect((await call('POST', `/${id}`, sup, { assignee: 'nobody' })).status).toBe(422);
    const assigned = await call('POST', `/${id}`, sup, {
      assignee: AGENT.username,
      status: 'assigned',
      comment: 'Please call the customer back today',
    });
    expect(assigned.status).toBe(200);
    expect((await call('POST', `/${id}`, agent, { assignee: OTHER.username })).status).toBe(403);
    expect((await call('POST', `/${id}`, agent, { status: 'resolved' })).status).toBe(409);
    for (const status of ['in_progress', 'resolved', 'closed'])
      expect(
        (
          await call('POST', `/${id}`, agent, {
            status,
            ...(status === 'resolved' ? { comment: 'Card returned' } : {}),
          })
        ).status,
      ).toBe(200);
    const done = (await call('GET', `/${id}`, agent)).body.ticket;
    expect(done).toMatchObject({ status: 'closed', assignee: AGENT.username, overdue: false });
    expect(done.comments.map((c: { author: string; text: string }) => `${c.author}: ${c.text}`)).toEqual([
      `${SUPERVISOR.username}: Please call the customer back today`,
      `${AGENT.username}: Card returned`,
    ]);
    expect((await call('POST', `/${id}`, agent, { status: 'in_progress' })).status).toBe(409);
    const audit = (await api(t.hub, 'GET', '/api/agent/audit', { token: sup })).body.entries as {
      action: string;
    }[];
    expect(audit.some((e) => e.action === 'ticket.create')).toBe(true);
  });

  it('opens a plain agent’s ticket only on their own conversation, assigned to them', async () => {
    const agent = await t.login(AGENT);
    expect(
      (await call('POST', '', agent, { title: 'x', description: '', priority: 'low', kioskId: KIOSK_A.id }))
        .status,
    ).toBe(403);
    const conv = conversation(KIOSK_A.id, ago(5));
    await push('conversation', conv);
    const body = { title: 'Follow up', description: '', priority: 'low', conversationId: conv.id };
    expect((await call('POST', '', agent, body)).status).toBe(404);
    await t.hub.store.grantConversation(
      AGENT.username,
      { conversationId: conv.id, kioskId: KIOSK_A.id, handoffId: 'h1' },
      new Date(),
    );
    const made = await call('POST', '', agent, body);
    expect(made.status).toBe(201);
    expect(made.body.ticket).toMatchObject({
      assignee: AGENT.username,
      conversationId: conv.id,
      kioskId: KIOSK_A.id,
    });
    expect(await ids(agent)).toEqual([made.body.ticket.id]);
  });

  it('filters and searches, within what the agent may see', async () => {
    const mk = (id: string, extra: object) =>
      push('ticket', { ...ticketCreate(id, KIOSK_A.id), createdAt: ago(1), updatedAt: ago(1), ...extra });
    await mk('t-1', { kind: 'customer', title: 'Lost card', priority: 'urgent', assignee: AGENT.username });
    await mk('t-2', { title: 'Printer jammed', description: 'paper stuck in tray 2' });
    await mk('t-3', {
      kind: 'customer',
      title: 'Wrong balance shown',
      priority: 'low',
      assignee: OTHER.username,
    });
    const sup = await t.login(SUPERVISOR);
    expect(await ids(sup)).toEqual(['t-1', 't-2', 't-3']);
    expect(await ids(sup, '?kind=device_fault')).toEqual(['t-2']);
    expect(await ids(sup, '?priority=urgent')).toEqual(['t-1']);
    expect(await ids(sup, '?assignee=none')).toEqual(['t-2']);
    expect(await ids(sup, `?assignee=${OTHER.username}`)).toEqual(['t-3']);
    expect(await ids(sup, '?q=TRAY%20paper')).toEqual(['t-2']);
    expect(await ids(sup, '?q=card&status=open')).toEqual(['t-1']);
    expect(await ids(sup, '?status=closed')).toEqual([]);
    expect((await call('GET', '?status=nonsense', sup)).status).toBe(400);
    expect(await ids(await t.login(AGENT), '?q=balance')).toEqual([]);
  });

  it('flags a ticket past its due time once, to the supervisors, and never a resolved one', async () => {
    const late = {
      ...ticketCreate('t-late', KIOSK_A.id),
      priority: 'urgent',
      createdAt: ago(45),
      updatedAt: ago(45),
    };
    await push('ticket', late);
    await push('ticket', {
      ...ticketCreate('t-soon', KIOSK_A.id),
      priority: 'urgent',
      createdAt: ago(5),
      updatedAt: ago(5),
    });
    await push('ticket', {
      ...ticketCreate('t-done', KIOSK_A.id),
      priority: 'urgent',
      createdAt: ago(90),
      updatedAt: ago(90),
    });
    await push('ticket', {
      id: 't-done',
      kioskId: KIOSK_A.id,
      status: 'closed',
      statusFrom: 'open',
      updatedAt: ago(80),
    });
    const sup = await t.login(SUPERVISOR);
    const list = (await call('GET', '', sup)).body.tickets as {
      id: string;
      overdue: boolean;
      escalatedAt: string | null;
    }[];
    // Overdue first.
    expect(list.map((x) => [x.id, x.overdue, x.escalatedAt])).toEqual([
      ['t-late', true, null],
      ['t-soon', false, null],
      ['t-done', false, null],
    ]);
    expect(await escalateOverdueTickets(t.hub.store, DEFAULT_TICKET_SLA, Date.now())).toEqual(['t-late']);
    expect(await escalateOverdueTickets(t.hub.store, DEFAULT_TICKET_SLA, Date.now())).toEqual([]);
    // Forty minutes on, the second is due too.
    expect(await escalateOverdueTickets(t.hub.store, DEFAULT_TICKET_SLA, Date.now() + 40 * 60_000)).toEqual([
      't-soon',
    ]);
    const flagged = (await call('GET', '/t-late', sup)).body.ticket;
    expect(flagged.overdue).toBe(true);
    expect(typeof flagged.escalatedAt).toBe('string');
    expect(await ids(sup, '?overdue=1')).toEqual(['t-late']);
    const audit = (await api(t.hub, 'GET', '/api/agent/audit', { token: sup })).body.entries as {
      action: string;
      subject: string;
      actor: string;
    }[];
    expect(
      audit
        .filter((e) => e.action === 'ticket.escalate')
        .map((e) => `${e.actor} ${e.subject}`)
        .sort(),
    ).toEqual(['hub t-late', 'hub t-soon']);
  });
});
