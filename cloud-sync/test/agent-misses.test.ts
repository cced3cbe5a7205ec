// Learning from misses at the hub (issue 12, item 5), on SQLite and PostgreSQL: the questions the
// kiosks could not answer arrive with their conversations (message.understanding), and supervisors read
// them counted per best-guess topic and locale over a time window; other roles are refused, and every
// read is in the audit log (the examples are customers' own words).
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Message, MessageUnderstanding, MissedQuestionsResponse } from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, SUPERVISOR, TempDirs, api, conversation, message } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_misses');

const EXPERT = {
  username: 'wang.fang',
  password: 'expert pass 77',
  role: 'expert' as const,
  displayName: 'Wang Fang',
};
const RISK = {
  username: 'chen.jie',
  password: 'risk pass 1234',
  role: 'risk' as const,
  displayName: 'Chen Jie',
};

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const DAY = 24 * 60 * 60 * 1000;

describe.each(stores)('missed questions for supervisors (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR, EXPERT, RISK]);

  /** One customer question with how the kiosk understood it, pushed by `kiosk` in a conversation of its own. */
  async function asked(
    kiosk: typeof KIOSK_A,
    text: string,
    understanding: MessageUnderstanding | undefined,
    at = ago(60_000),
  ): Promise<Message> {
    const conv = conversation(kiosk.id, at, { locale: understanding?.locale ?? 'en' });
    expect((await t.push(kiosk, 'conversation', conv)).status).toBe(200);
    const m = { ...message(conv.id, text, at), ...(understanding ? { understanding } : {}) };
    expect((await t.push(kiosk, 'message', m)).status).toBe(200);
    return m;
  }
  const misses = async (token: string, query = '') =>
    api(t.hub, 'GET', `/api/agent/misses${query}`, { token });

  it('counts missed and asked-back questions per best-guess topic and locale, newest examples first', async () => {
    const miss = (topic: string | undefined, locale: 'en' | 'zh-CN'): MessageUnderstanding => ({
      outcome: 'miss',
      ...(topic ? { topic } : {}),
      confidence: 0.3,
      locale,
    });
    await asked(KIOSK_A, 'can I pay my gas bill here', miss('service-fees', 'en'), ago(5 * 60_000));
    await asked(KIOSK_B, 'do you take utility payments', miss('service-fees', 'en'), ago(4 * 60_000));
    await asked(
      KIOSK_A,
      'fees or charges?',
      { outcome: 'clarify', topic: 'service-fees', confidence: 0.6, locale: 'en' },
      ago(3 * 60_000),
    );
    await asked(KIOSK_A, '能交水电费吗', miss('service-fees', 'zh-CN'), ago(2 * 60_000));
    await asked(KIOSK_A, 'what is the weather', miss(undefined, 'en'));
    // Answered questions, questions without an understanding (older kiosks, bot lines) and old misses are not counted.
    await asked(KIOSK_A, 'what are your opening hours', {
      outcome: 'answered',
      topic: 'branch-opening-hours',
      confidence: 0.9,
      locale: 'en',
    });
    await asked(KIOSK_A, 'hello there', undefined);
    await asked(KIOSK_B, 'a question from last month', miss('service-fees', 'en'), ago(30 * DAY));

    const sup = await t.login(SUPERVISOR);
    const res = await misses(sup);
    expect(res.status).toBe(200);
    const body = res.body as MissedQuestionsResponse;
    expect(Date.parse(body.until) - Date.parse(body.since)).toBe(7 * DAY);
    expect(body.topics.map((g) => [g.topic, g.locale, g.missed, g.clarified])).toEqual([
      ['service-fees', 'en', 2, 1],
      ['service-fees', 'zh-CN', 1, 0],
      [null, 'en', 1, 0],
    ]);
    expect(body.topics[0]!.examples.map((e) => [e.text, e.outcome])).toEqual([
      ['fees or charges?', 'clarify'],
      ['do you take utility payments', 'miss'],
      ['can I pay my gas bill here', 'miss'],
    ]);

    // A longer window reaches last month's miss too.
    const month = (await misses(sup, '?days=40')).body as MissedQuestionsResponse;
    expect(month.topics[0]).toMatchObject({ topic: 'service-fees', locale: 'en', missed: 3, clarified: 1 });
    expect((await misses(sup, '?days=0')).status).toBe(400);
    expect((await misses(sup, '?days=abc')).status).toBe(400);
  });

  it('keeps at most five examples per topic and locale, and counts them all', async () => {
    for (let i = 0; i < 7; i++)
      await asked(
        KIOSK_A,
        `unanswerable question ${i}`,
        { outcome: 'miss', topic: 'queue-number', confidence: 0.2, locale: 'en' },
        ago((10 - i) * 60_000),
      );
    const body = (await misses(await t.login(SUPERVISOR))).body as MissedQuestionsResponse;
    expect(body.topics).toHaveLength(1);
    expect(body.topics[0]!.missed).toBe(7);
    expect(body.topics[0]!.examples.map((e) => e.text)).toEqual(
      [6, 5, 4, 3, 2].map((i) => `unanswerable question ${i}`),
    );
  });

  it('refuses every role but the supervisor, and audits each read', async () => {
    await asked(KIOSK_A, 'where can I buy a train ticket', {
      outcome: 'miss',
      confidence: 0.1,
      locale: 'en',
    });
    for (const who of [AGENT, EXPERT, RISK]) {
      const res = await misses(await t.login(who));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await api(t.hub, 'GET', '/api/agent/misses')).status).toBe(401);

    const sup = await t.login(SUPERVISOR);
    expect((await misses(sup, '?days=3')).status).toBe(200);
    const log = (await api(t.hub, 'GET', '/api/agent/audit', { token: sup })).body.entries as AuditEntry[];
    // The refused reads are not reads: one entry, the supervisor's.
    expect(log.filter((e) => e.action === 'misses.read').map((e) => [e.actor, e.detail])).toEqual([
      [SUPERVISOR.username, 'last 3 days: 1 topics, 1 example questions'],
    ]);
  });

  it('refuses a pushed message whose understanding breaks the schema, with nothing applied', async () => {
    const conv = conversation(KIOSK_A.id, ago(1000));
    expect((await t.push(KIOSK_A, 'conversation', conv)).status).toBe(200);
    const bad = {
      ...message(conv.id, 'x', ago(500)),
      understanding: { outcome: 'shrug', confidence: 2, locale: 'en' },
    };
    expect((await t.push(KIOSK_A, 'message', bad)).status).toBe(400);
    const extra = {
      ...message(conv.id, 'y', ago(500)),
      understanding: { outcome: 'miss', confidence: 0.2, locale: 'en', pan: '4111111111111111' },
    };
    expect((await t.push(KIOSK_A, 'message', extra)).status).toBe(400);
    const body = (await misses(await t.login(SUPERVISOR))).body as MissedQuestionsResponse;
    expect(body.topics).toEqual([]);
  });
});
