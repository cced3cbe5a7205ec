// The HubStore contract, written once and run against every store: SQLite (a file per test) and
// PostgreSQL (a database per file, a schema per test).
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import Database from 'better-sqlite3';
import {
  Hlc,
  OwnershipError,
  openPostgresHubStore,
  openSqliteHubStore,
  openSqliteHubStoreOn,
  adaptNodeSqlite,
  type ChangeEnvelope,
  type HubStore,
} from '../src/index.ts';
import { TempDirs, conversation, message } from './helpers.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';
import { storeExtraContract } from './support/store-contract-extra.ts';

const dirs = new TempDirs();

/** A SQLite connection with node:sqlite's surface (isOpen, no pragma(), no transaction()). */
function plainConnection(file: string) {
  const db = new Database(file);
  return {
    prepare: (sql: string) => {
      const st = db.prepare(sql);
      // node:sqlite's get() on a statement without rows runs it and returns undefined.
      return {
        get: (...p: unknown[]) => (st.reader ? st.get(...p) : void st.run(...p)),
        all: (...p: unknown[]) => st.all(...p),
        run: (...p: unknown[]) => st.run(...p),
      };
    },
    exec: (sql: string) => void db.exec(sql),
    get isOpen() {
      return db.open;
    },
    close: () => void db.close(),
  };
}
let pgdb: TestDatabase;
beforeAll(async () => {
  pgdb = await createTestDatabase();
});
afterAll(async () => {
  dirs.cleanup();
  await pgdb?.drop();
});

const stores: [string, () => Promise<HubStore>][] = [
  ['sqlite', async () => openSqliteHubStore(join(dirs.make(), 'hub.sqlite'))],
  ['postgres', () => openPostgresHubStore({ url: pgdb.url, schema: freshSchema(), poolSize: 4 })],
  // The path Deno takes (node:sqlite through adaptNodeSqlite), here over a plain SQLite connection.
  [
    'sqlite via adaptNodeSqlite',
    async () => openSqliteHubStoreOn(adaptNodeSqlite(plainConnection(join(dirs.make(), 'hub.sqlite')))),
  ],
];

function hlcAt(wall: number, node = 'k1'): string {
  return Hlc.serialize({ wall, counter: 0, node });
}

function change(kioskId: string, entity: 'conversation' | 'message', data: { id: string }, hlc: string) {
  return { id: ulid(), kioskId, entity, entityId: data.id, op: 'upsert', hlc, data } as ChangeEnvelope;
}

const article = (id: string, version: number) => ({
  id,
  version,
  locale: 'en' as const,
  title: `${id} v${version}`,
  body: 'text',
  tags: [],
  effectiveFrom: '2026-01-01T00:00:00.000Z',
});

describe.each(stores)('HubStore (%s)', (_name, open) => {
  let store: HubStore;
  beforeEach(async () => {
    store = await open();
    await store.putKiosk('k1', 'hash-1', 'create');
    await store.putKiosk('k2', 'hash-2', 'create');
  });
  afterEach(async () => store.close());

  it('finds kiosks by token hash; create refuses an existing id, upsert rotates the token', async () => {
    expect(await store.findKioskByTokenHash('hash-1')).toMatchObject({ id: 'k1' });
    expect(await store.putKiosk('k1', 'other', 'create')).toBe(false);
    expect(await store.putKiosk('k1', 'hash-1b', 'upsert')).toBe(true);
    expect(await store.findKioskByTokenHash('hash-1')).toBeNull();
    expect(await store.findKioskByTokenHash('hash-1b')).toMatchObject({ id: 'k1' });
  });

  it('keeps the newest version of a record by HLC, whatever the arrival order', async () => {
    const c = conversation('k1', '2026-11-25T10:00:00.000Z');
    const answered: typeof c = { ...c, outcome: 'answered' };
    const abandoned: typeof c = { ...c, outcome: 'abandoned' };
    const newer = change('k1', 'conversation', answered, hlcAt(2000));
    const older = change('k1', 'conversation', abandoned, hlcAt(1000));
    expect(await store.applyChanges('k1', [newer])).toEqual({ applied: [newer.id], duplicates: [] });
    expect(await store.applyChanges('k1', [older, newer])).toEqual({
      applied: [older.id],
      duplicates: [newer.id],
    });
    expect((await store.getConversation(c.id))?.conversation.outcome).toBe('answered');
    expect((await store.stats()).changes).toBe(2);
  });

  it("rolls back the whole batch when one change touches another kiosk's record", async () => {
    const theirs = conversation('k2', '2026-11-25T10:00:00.000Z');
    await store.applyChanges('k2', [change('k2', 'conversation', theirs, hlcAt(1000, 'k2'))]);
    const mine = conversation('k1', '2026-11-25T11:00:00.000Z');
    const sneaky = message(theirs.id, 'injected', '2026-11-25T11:00:01.000Z');
    const batch = [
      change('k1', 'conversation', mine, hlcAt(1000)),
      change('k1', 'message', sneaky, hlcAt(1001)),
    ];
    await expect(store.applyChanges('k1', batch)).rejects.toBeInstanceOf(OwnershipError);
    expect(await store.getConversation(mine.id)).toBeNull();
    expect((await store.getConversation(theirs.id))?.messages).toEqual([]);
  });

  it('pages articles by checkpoint and reports publish outcomes', async () => {
    for (let i = 1; i <= 5; i++) expect(await store.publishArticle(article(`a${i}`, 1))).toBe('published');
    expect(await store.publishArticle(article('a1', 1))).toBe('unchanged');
    expect(await store.publishArticle({ ...article('a1', 1), body: 'changed' })).toBe('conflict');
    expect(await store.publishArticle(article('a1', 3))).toBe('published');
    expect(await store.publishArticle(article('a1', 2))).toBe('stale');
    const p1 = await store.articlesSince('', 4);
    expect(p1.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(p1.hasMore).toBe(true);
    const p2 = await store.articlesSince(p1.checkpoint, 4);
    expect(p2.articles.map((a) => `${a.id}v${a.version}`)).toEqual(['a5v1', 'a1v3']);
    expect(p2.hasMore).toBe(false);
    const p3 = await store.articlesSince(p2.checkpoint, 4);
    expect(p3).toEqual({ articles: [], checkpoint: p2.checkpoint, hasMore: false });
  });

  it('lists the newest version of each article and locale, and reports version numbers', async () => {
    expect(await store.currentArticles()).toEqual([]);
    expect(await store.currentArticleVersion('b', 'en')).toBe(0);
    await store.publishArticle(article('b', 1));
    await store.publishArticle(article('b', 2));
    await store.publishArticle({ ...article('b', 1), locale: 'zh-CN' });
    await store.publishArticle(article('a', 4));
    const current = await store.currentArticles();
    expect(current.map((a) => `${a.id}/${a.locale}/v${a.version}`)).toEqual([
      'a/en/v4',
      'b/en/v2',
      'b/zh-CN/v1',
    ]);
    expect(current[1]).toEqual(article('b', 2));
    expect(await store.currentArticleVersion('b', 'en')).toBe(2);
    expect(await store.currentArticleVersion('b', 'zh-CN')).toBe(1);
  });

  it('stores agents, their lockout state, and sessions that expire', async () => {
    await store.putAgent({ username: 'u1', role: 'expert', displayName: 'U One', passwordHash: 'h' });
    await store.setLoginState('u1', 3, '2026-11-25T12:00:00.000Z');
    expect(await store.getAgent('u1')).toMatchObject({
      failedLogins: 3,
      lockedUntil: '2026-11-25T12:00:00.000Z',
    });
    await store.createSession('s1', 'u1', '2026-11-25T12:00:00.000Z');
    expect(await store.findSession('s1', new Date('2026-11-25T11:59:59Z'))).toMatchObject({ role: 'expert' });
    expect(await store.findSession('s1', new Date('2026-11-25T12:00:00Z'))).toBeNull();
    expect(await store.getAgent('nobody')).toBeNull();
  });

  storeExtraContract(() => store);
});
