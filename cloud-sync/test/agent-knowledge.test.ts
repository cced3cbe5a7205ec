// Supervisors publish knowledge from the console API: role check, hub-chosen versions, validation,
// stale edits refused with nothing written, and a kiosk receiving the new version. On SQLite and on
// PostgreSQL (a schema per hub in one database for this file).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentLoginResponseSchema,
  DEFAULT_ARTICLES,
  type ArticleListResponse,
  type KnowledgeArticle,
  type KnowledgeArticleDraft,
  type PublishArticleResponse,
  type RunningHub,
} from '../src/index.ts';
import {
  AGENT,
  KIOSK_A,
  SUPERVISOR,
  TempDirs,
  api,
  openKioskDb,
  startTestHub,
  testSeed,
  waitFor,
} from './helpers.ts';
import { KioskClients } from './support/kiosk-clients.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const HOURS_EN = DEFAULT_ARTICLES.find((a) => a.id === 'branch-opening-hours' && a.locale === 'en')!;

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_kb');

function draft(a: KnowledgeArticle, extra: Partial<KnowledgeArticleDraft> = {}): KnowledgeArticleDraft {
  const { version: _version, ...rest } = a;
  return { ...rest, ...extra };
}

describe.each(stores)('console knowledge API (%s)', (_name, store) => {
  let hub: RunningHub;
  let supervisor: string;
  let agent: string;
  const kiosks = new KioskClients();

  const login = async (u: { username: string; password: string }) => {
    const res = await api(hub, 'POST', '/api/agent/login', {
      body: { username: u.username, password: u.password },
    });
    expect(res.status).toBe(200);
    return AgentLoginResponseSchema.parse(res.body).token;
  };
  const list = async (token = supervisor) => {
    const res = await api(hub, 'GET', '/api/agent/articles', { token });
    expect(res.status).toBe(200);
    return (res.body as ArticleListResponse).articles;
  };
  const publish = (body: unknown, token = supervisor) =>
    api(hub, 'POST', '/api/agent/articles', { token, body });
  const current = async (id: string, locale: string) =>
    (await list()).find((a) => a.id === id && a.locale === locale);

  beforeAll(async () => {
    hub = await startTestHub(dirs.make(), {
      store: store(),
      seed: testSeed({ agents: [AGENT, SUPERVISOR], articles: DEFAULT_ARTICLES }),
    });
    supervisor = await login(SUPERVISOR);
    agent = await login(AGENT);
  });
  afterEach(() => kiosks.stopAll());
  afterAll(async () => {
    await hub.close();
  });

  it('lets only supervisors list and publish', async () => {
    for (const [method, token] of [
      ['GET', agent],
      ['POST', agent],
    ] as const) {
      const res = await api(hub, method, '/api/agent/articles', {
        token,
        ...(method === 'POST' ? { body: { baseVersion: 1, article: draft(HOURS_EN) } } : {}),
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/supervisor/);
    }
    expect((await api(hub, 'GET', '/api/agent/articles')).status).toBe(401);
    expect((await api(hub, 'POST', '/api/agent/articles', { body: {} })).status).toBe(401);
    expect((await current(HOURS_EN.id, 'en'))?.version).toBe(1);
  });

  it('lists the newest version of every article in both locales', async () => {
    const articles = await list();
    expect(articles).toHaveLength(DEFAULT_ARTICLES.length);
    expect(articles.filter((a) => a.locale === 'zh-CN')).toHaveLength(DEFAULT_ARTICLES.length / 2);
    expect(articles.find((a) => a.id === HOURS_EN.id && a.locale === 'en')).toEqual(HOURS_EN);
    const keys = articles.map((a) => `${a.id}/${a.locale}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('numbers versions at the hub and lists the new one', async () => {
    const body = `${HOURS_EN.body} Late opening on Thursdays until 19:00.`;
    const res = await publish({ baseVersion: 1, article: { ...draft(HOURS_EN, { body }), version: 99 } });
    expect(res.status).toBe(201);
    const published = (res.body as PublishArticleResponse).article;
    expect(published).toMatchObject({ id: HOURS_EN.id, locale: 'en', version: 2, body });
    expect(await current(HOURS_EN.id, 'en')).toEqual(published);
    // The other locale is a separate sequence and stays where it was.
    expect((await current(HOURS_EN.id, 'zh-CN'))?.version).toBe(1);
    const again = await publish({ baseVersion: 2, article: draft(published, { tags: ['hours'] }) });
    expect(again.status).toBe(201);
    expect(again.body.article.version).toBe(3);
    // A new article starts from base version 0.
    const fresh = await publish({
      baseVersion: 0,
      article: draft(HOURS_EN, { id: 'branch-parking', title: 'Parking', body: 'Free for 1 hour.' }),
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.article.version).toBe(1);
  });

  it('refuses bad input with a message naming the field, and writes nothing', async () => {
    const before = await list();
    const base = (await current(HOURS_EN.id, 'en'))!.version;
    const cases: [unknown, RegExp][] = [
      [{ baseVersion: base, article: draft(HOURS_EN, { title: '' }) }, /^article\.title: /],
      [{ baseVersion: base, article: draft(HOURS_EN, { body: 'x'.repeat(20_001) }) }, /^article\.body: /],
      [
        {
          baseVersion: base,
          article: draft(HOURS_EN, { effectiveTo: '2025-01-01T00:00:00.000Z' }),
        },
        /^article\.effectiveTo: effectiveTo must be after effectiveFrom/,
      ],
      [
        { baseVersion: base, article: draft(HOURS_EN, { effectiveFrom: 'tomorrow' }) },
        /^article\.effectiveFrom/,
      ],
      [
        { baseVersion: base, article: { ...draft(HOURS_EN), productRiskLevel: 'R9' } },
        /^article\.productRiskLevel/,
      ],
      [{ baseVersion: base, article: { ...draft(HOURS_EN), locale: 'fr' } }, /^article\.locale/],
      [{ baseVersion: -1, article: draft(HOURS_EN) }, /^baseVersion: /],
      [{ article: draft(HOURS_EN) }, /^baseVersion: /],
      [{ baseVersion: base }, /^article: /],
    ];
    for (const [body, message] of cases) {
      const res = await publish(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
      expect(res.body.error.message).toMatch(message);
    }
    const raw = await api(hub, 'POST', '/api/agent/articles', { token: supervisor, rawBody: '{nope' });
    expect(raw.body.error.code).toBe('bad_json');
    expect(await list()).toEqual(before);
  });

  it('refuses an edit of an outdated version, and one racing another publish', async () => {
    const latest = (await current(HOURS_EN.id, 'en'))!;
    const stale = await publish({ baseVersion: latest.version - 1, article: draft(latest, { body: 'old' }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: latest.version },
    });
    expect(stale.body.error.message).toMatch(/reload/);
    const ahead = await publish({ baseVersion: latest.version + 5, article: draft(latest) });
    expect(ahead.status).toBe(409);
    const missing = await publish({ baseVersion: 2, article: draft(latest, { id: 'no-such-article' }) });
    expect(missing.body.error.message).toMatch(/does not exist/);

    // Two supervisors publish their edits of the same version at once: one wins, one is told.
    const [a, b] = await Promise.all([
      publish({ baseVersion: latest.version, article: draft(latest, { body: 'edit A' }) }),
      publish({ baseVersion: latest.version, article: draft(latest, { body: 'edit B' }) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a : b;
    expect(await current(HOURS_EN.id, 'en')).toEqual(winner.body.article);
    expect(winner.body.article.version).toBe(latest.version + 1);
  });

  it('reaches a kiosk through the realtime nudge', async () => {
    // A long pull interval: only the realtime nudge can bring the new version in time.
    const { sync } = kiosks.add(openKioskDb(dirs.make()), {
      hubUrl: hub.url,
      kioskId: KIOSK_A.id,
      token: KIOSK_A.token,
      pullIntervalMs: 600_000,
    });
    sync.start();
    const latest = await waitFor('initial pull', () =>
      sync.articles().find((a) => a.id === HOURS_EN.id && a.locale === 'en'),
    );
    await waitFor('realtime connected', () => hub.realtimeConnections() > 0);
    const marker = `marker-${Date.now().toString(36)}`;
    const res = await publish({
      baseVersion: latest.version,
      article: draft(latest, { body: `${latest.body} ${marker}` }),
    });
    expect(res.status).toBe(201);
    const got = await waitFor('published version on the kiosk', () =>
      sync.articles().find((a) => a.id === HOURS_EN.id && a.locale === 'en' && a.body.includes(marker)),
    );
    expect(got.version).toBe(latest.version + 1);
  });
});
