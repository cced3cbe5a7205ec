// The call desk at the hub on real stores (SQLite and PostgreSQL), driven through the real signalling
// path with a stepped handoff clock: canned replies kept by supervisors (audited, masked, refused to
// agents), the article search, and one call that gets an article and a canned reply in the customer's
// language, is held and resumed, then is transferred from general to risk with a note: it goes in
// front of a risk customer who asked later, the risk agent sees the note (card number masked), and the
// wallboard counts each desk's handling time.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  HandoffAcceptedSchema,
  HUB_PATHS,
  cannedReplyPath,
  type CallEvent,
  type CallEventType,
  type CannedReply,
  type HandoffRequest,
  type KnowledgeArticle,
  type WallboardResponse,
} from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, SUPERVISOR, TempDirs, api, testSeed } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_call_desk');
const S = 1000;
const PLANTED_PAN = '6228480402564890';
const RISK = {
  username: 'wang.qiang',
  password: 'risk desk pass 7',
  role: 'risk' as const,
  displayName: 'Wang Qiang',
};
const CANNED = HUB_PATHS.agentCallDeskCanned;

const article = (locale: 'en' | 'zh-CN', title: string, body: string): KnowledgeArticle => ({
  id: 'card-pin-reset',
  version: 1,
  locale,
  title,
  body,
  tags: ['card', 'pin'],
  effectiveFrom: '2020-01-01T00:00:00.000Z',
  synonyms: locale === 'en' ? ['pin', 'password'] : ['密码'],
});
const ARTICLES = [
  article('en', 'Resetting your PIN', 'Reset it at the counter with your ID.'),
  article(
    'zh-CN',
    '密码重置',
    '请携带身份证件到柜台办理。<script>alert(1)</script>\u202E倒序\n\n\n\n[手机银行](https://x.example)也可以。',
  ),
];

describe.each(stores)('the call desk (%s)', (_name, store) => {
  const T0 = Math.floor((Date.now() - 3 * 3600 * S) / 60_000) * 60_000;
  const clock = { t: T0 };
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR, RISK], () => {
    clock.t = T0;
    return {
      seed: testSeed({ agents: [AGENT, SUPERVISOR, RISK], articles: ARTICLES }),
      handoff: { now: () => clock.t, maxOpenPerKiosk: 10, maxRequestsPerMinute: 100 },
    };
  });
  const at = (s: number) => (clock.t = T0 + s * S);
  const ask = async (kiosk: { token: string }, req: Partial<HandoffRequest>) => {
    const body: HandoffRequest = {
      sessionId: `c-${ulid()}`,
      locale: 'en',
      reason: 'customer_request',
      ...req,
    };
    const accepted = HandoffAcceptedSchema.parse(
      (await api(t.hub, 'POST', '/api/handoff/requests', { token: kiosk.token, body })).body,
    );
    if (!accepted.queued) throw new Error('expected the request to be queued');
    const socket = await t.open(accepted.joinToken);
    await socket.next('ready');
    return { ...accepted, socket };
  };
  const addCanned = async (token: string) =>
    api(t.hub, 'POST', CANNED, {
      token,
      body: {
        title: 'Insert card',
        en: 'Please insert your card.',
        'zh-CN': `请插入您的银行卡。${PLANTED_PAN}`,
      },
    });

  it('keeps canned replies: supervisors add, edit and remove them (audited, masked), agents only read', async () => {
    const sup = await t.login(SUPERVISOR);
    const agent = await t.login(AGENT);
    expect((await addCanned(agent)).status).toBe(403);
    const bad = await api(t.hub, 'POST', CANNED, { token: sup, body: { title: 'x', en: 'only English' } });
    expect(bad.status).toBe(400);
    const added = await addCanned(sup);
    expect(added.status).toBe(201);
    const reply = (added.body as { reply: CannedReply }).reply;
    expect(reply['zh-CN']).toBe('请插入您的银行卡。************4890');
    expect((await api(t.hub, 'GET', CANNED, { token: agent })).body).toEqual({ replies: [reply] });
    // An edit: supervisors only, both languages again, masked; its id and creation stay.
    const edit = {
      title: 'Insert your card',
      en: `Please insert your card, chip first. ${PLANTED_PAN}`,
      'zh-CN': '请将银行卡芯片朝前插入。',
    };
    const path = cannedReplyPath(reply.id);
    expect((await api(t.hub, 'PUT', path, { token: agent, body: edit })).status).toBe(403);
    expect((await api(t.hub, 'PUT', path, { token: sup, body: { title: 'x', en: 'y' } })).status).toBe(400);
    const missing = await api(t.hub, 'PUT', cannedReplyPath('no-such-reply'), { token: sup, body: edit });
    expect(missing.status).toBe(404);
    const edited = await api(t.hub, 'PUT', path, { token: sup, body: edit });
    expect(edited.status).toBe(200);
    const now = (edited.body as { reply: CannedReply }).reply;
    expect(now).toEqual({
      ...reply,
      title: 'Insert your card',
      en: 'Please insert your card, chip first. ************4890',
      'zh-CN': '请将银行卡芯片朝前插入。',
    });
    expect((await api(t.hub, 'GET', CANNED, { token: agent })).body).toEqual({ replies: [now] });
    expect((await api(t.hub, 'DELETE', cannedReplyPath(reply.id), { token: agent })).status).toBe(403);
    expect((await api(t.hub, 'DELETE', cannedReplyPath(reply.id), { token: sup })).status).toBe(204);
    expect((await api(t.hub, 'DELETE', cannedReplyPath(reply.id), { token: sup })).status).toBe(404);
    expect((await api(t.hub, 'GET', CANNED, { token: agent })).body).toEqual({ replies: [] });
    const audit = (await api(t.hub, 'GET', '/api/agent/audit', { token: sup })).body as {
      entries: { action: string; actor: string; subject: string }[];
    };
    expect(
      audit.entries
        .filter((e) => e.action.startsWith('canned.'))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['canned.add', 'canned.edit', 'canned.remove']);
    expect(JSON.stringify(audit)).not.toContain(PLANTED_PAN);
  });

  it('searches the articles in effect, in either language', async () => {
    const agent = await t.login(AGENT);
    const search = async (q: string, locale?: string) =>
      (
        await api(
          t.hub,
          'GET',
          `${HUB_PATHS.agentCallDeskArticles}?q=${encodeURIComponent(q)}${locale ? `&locale=${locale}` : ''}`,
          {
            token: agent,
          },
        )
      ).body as { articles: { id: string; locale: string; snippet: string; locales: string[] }[] };
    expect((await search('PIN', 'en')).articles.map((a) => [a.id, a.locale])).toEqual([
      ['card-pin-reset', 'en'],
    ]);
    const zh = (await search('密码')).articles;
    expect(zh.map((a) => a.locale)).toEqual(['zh-CN']);
    expect(zh[0]?.locales.sort()).toEqual(['en', 'zh-CN']);
    expect(zh[0]?.snippet).not.toContain('<script>');
    expect((await search('mortgage')).articles).toEqual([]);
    expect(
      (await api(t.hub, 'GET', `${HUB_PATHS.agentCallDeskArticles}?locale=fr`, { token: agent })).status,
    ).toBe(400);
    expect((await api(t.hub, 'GET', HUB_PATHS.agentCallDeskArticles)).status).toBe(401);
  });

  it('sends an article and a canned reply in the customer language, holds, and transfers keeping the place', async () => {
    const sup = await t.login(SUPERVISOR);
    const reply = ((await addCanned(sup)).body as { reply: CannedReply }).reply;
    const general = await t.open(await t.login(AGENT));
    await general.next('ready');
    const risk = await t.open(await t.login(RISK));
    await risk.next('ready');
    at(0);
    const x = await ask(KIOSK_A, { locale: 'zh-CN', intent: 'card_pin' });
    expect(x.route).toBe('agent');
    at(5);
    general.send({ t: 'accept' });
    expect((await general.next('assigned')).call.handoffId).toBe(x.handoffId);
    await x.socket.next('connected');
    at(20);
    const z = await ask(KIOSK_B, { intent: 'complaint' });
    expect(z.route).toBe('risk');

    general.send({ t: 'article', articleId: 'card-pin-reset' });
    const shown = (await x.socket.next('article')).article;
    expect(shown).toMatchObject({ id: 'card-pin-reset', locale: 'zh-CN', title: '密码重置' });
    expect(shown.body).toBe('请携带身份证件到柜台办理。倒序\n\n手机银行也可以。');
    expect((await general.next('article')).article).toEqual(shown);
    general.send({ t: 'article', articleId: 'no-such-article' });
    expect((await general.next('error')).code).toBe('not_found');

    general.send({ t: 'canned', replyId: reply.id });
    expect(await x.socket.next('chat')).toEqual({ t: 'chat', from: 'agent', text: reply['zh-CN'] });
    expect((await general.next('chat')).text).toBe(reply['zh-CN']);

    general.send({ t: 'hold', on: true });
    expect(await x.socket.next('hold')).toEqual({ t: 'hold', on: true });
    expect(await general.next('hold')).toEqual({ t: 'hold', on: true });
    // The kiosk's socket drops and comes back with its join token: it is told it is still on hold.
    const again = await t.open(x.joinToken);
    await again.next('ready');
    await again.next('connected');
    expect(await again.next('hold')).toEqual({ t: 'hold', on: true });
    expect(await x.socket.closed()).toBe(4409);
    x.socket = again;
    general.send({ t: 'hold', on: false });
    expect(await x.socket.next('hold')).toEqual({ t: 'hold', on: false });
    expect((await t.hub.store.handoffs.get(x.handoffId))?.heldAt).toBeUndefined();
    // A kiosk may do none of it; an unknown desk is refused by the schema.
    x.socket.send({ t: 'hold', on: true });
    expect((await x.socket.next('error')).code).toBe('forbidden');
    general.send({ t: 'transfer', queue: 'legal', note: '' } as Record<string, unknown>);
    expect((await general.next('error')).code).toBe('invalid_message');
    general.send({ t: 'transfer', queue: 'agent', note: '' });
    expect((await general.next('error')).code).toBe('same_queue');

    at(65);
    general.send({ t: 'transfer', queue: 'risk', note: `客户要投诉，卡号 ${PLANTED_PAN}` });
    // Both ends hear it; the customer goes in front of Z, who asked 20 s after X first did.
    expect(await general.next('transferred')).toMatchObject({ queue: 'risk', position: 1 });
    expect(await x.socket.next('transferred')).toMatchObject({ queue: 'risk', position: 1 });
    await z.socket.next('queue', (m) => m.position === 2);
    general.send({ t: 'accept' });
    expect((await general.next('error')).code).toBe('queue_empty');
    at(80);
    risk.send({ t: 'accept' });
    const assigned = await risk.next('assigned');
    expect(assigned.call.handoffId).toBe(x.handoffId);
    expect(assigned.call.transfer).toEqual({
      fromAgent: AGENT.username,
      fromQueue: 'agent',
      note: '客户要投诉，卡号 ************4890',
      at: T0 + 65 * S,
    });
    await x.socket.next('connected');
    at(170);
    risk.send({ t: 'end', notes: 'dispute filed', resolved: true });
    await risk.next('ended');

    const w = (await api(t.hub, 'GET', '/api/agent/supervisor/wallboard?window=hour&sl=20', { token: sup }))
      .body as WallboardResponse;
    const desk = (q: string) => w.perQueue.find((p) => p.queue === q);
    // General: X's first leg (60 s), passed on. Risk: X answered 15 s after the transfer, 90 s handled.
    expect(desk('agent')).toMatchObject({ transferred: 1, ended: 0, avgHandleS: 60 });
    expect(desk('risk')).toMatchObject({ answered: 1, ended: 1, avgHandleS: 90, longestAnsweredWaitS: 15 });
    expect(w.totals).toMatchObject({ answered: 1, transferred: 1, ended: 1, avgHandleS: 75 });
    // The chart counts the call answered once, as the tiles do (both answers are in one bucket).
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(w.series.answered)).toBe(1);
    const events = await t.hub.store.supervisor.events.ofHandoff(x.handoffId);
    expect(events.map((e) => [e.type, e.queue, e.agent])).toEqual([
      ['enqueued', 'agent', null],
      ['answered', 'agent', AGENT.username],
      ['transferred', 'agent', AGENT.username],
      ['answered', 'risk', RISK.username],
      ['ended', 'risk', RISK.username],
    ]);
    expect(events[2]).toMatchObject({ handleMs: 60 * S, reason: 'to_risk' });
    const row = await t.hub.store.handoffs.get(x.handoffId);
    expect(JSON.stringify(row)).not.toContain(PLANTED_PAN);
  });

  it('counts a call answered, transferred and then left as answered in the totals, abandoned at the new desk', async () => {
    const ev = (type: CallEventType, queue: string, atS: number, o: Partial<CallEvent> = {}): CallEvent => ({
      id: `${type}-${queue}-${atS}`,
      handoffId: 'h-left',
      type,
      at: new Date(T0 + atS * S).toISOString(),
      queue,
      kioskId: 'kiosk-a',
      conversationId: 'c-left',
      agent: null,
      waitMs: null,
      handleMs: null,
      negativeCue: false,
      reason: null,
      ...o,
    });
    for (const e of [
      ev('enqueued', 'agent', 0),
      ev('answered', 'agent', 10, { agent: AGENT.username, waitMs: 10 * S }),
      ev('transferred', 'agent', 70, { agent: AGENT.username, handleMs: 60 * S, reason: 'to_risk' }),
      ev('abandoned', 'risk', 100, { waitMs: 30 * S, reason: 'cancelled' }),
    ])
      await t.hub.store.supervisor.events.append(e);
    const { totals, perQueue } = await t.hub.store.supervisor.events.figures(T0, T0 + 3600 * S, 20 * S);
    expect(totals).toMatchObject({ answered: 1, abandoned: 0, abandonRate: 0, serviceLevel: 1 });
    expect(perQueue.find((q) => q.queue === 'agent')).toMatchObject({ answered: 1, abandoned: 0 });
    expect(perQueue.find((q) => q.queue === 'risk')).toMatchObject({
      answered: 0,
      abandoned: 1,
      abandonRate: 1,
    });
    const series = await t.hub.store.supervisor.events.series(T0, T0 + 3600 * S, 3600 * S, 20 * S);
    expect(series).toEqual([{ bucket: 0, offered: 1, answered: 1, answeredInTarget: 1, abandoned: 0 }]);
  });
});
