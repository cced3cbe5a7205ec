// Two hub instances on one PostgreSQL: a kiosk connected to instance A hears, through LISTEN/NOTIFY,
// about knowledge and settings published on instance B, and its pushes are visible from B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { openKioskSync, type KioskSync, type RunningHub } from '../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN, TempDirs, api, openKioskDb, startTestHub, waitFor } from './helpers.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const dirs = new TempDirs();
let pgdb: TestDatabase;
let hubA: RunningHub;
let hubB: RunningHub;
let db: Database.Database;
let sync: KioskSync;

beforeAll(async () => {
  pgdb = await createTestDatabase();
  const store = { kind: 'postgres' as const, url: pgdb.url, schema: freshSchema(), poolSize: 4 };
  hubA = await startTestHub(dirs.make(), { store });
  hubB = await startTestHub(dirs.make(), { store });
  db = openKioskDb(dirs.make());
  // A poll far longer than the test: only the realtime nudge can bring news in time.
  sync = openKioskSync(db, {
    hubUrl: hubA.url,
    kioskId: KIOSK_A.id,
    token: KIOSK_A.token,
    pullIntervalMs: 600_000,
  });
  sync.start();
  await waitFor(
    'realtime connected and first pull done',
    () => sync.status().realtime === 'connected' && sync.status().lastPullAt,
  );
});
afterAll(async () => {
  await sync?.stop();
  db?.close();
  await hubA?.close();
  await hubB?.close();
  await pgdb?.drop();
  dirs.cleanup();
});

describe('several hub instances on one PostgreSQL', () => {
  it('nudges a kiosk on instance A about an article published on instance B', async () => {
    expect(hubA.realtimeConnections()).toBe(1);
    expect(hubB.realtimeConnections()).toBe(0);
    const pullsBefore = sync.status().lastPullAt;
    const article = {
      id: 'faq-multi-hub',
      version: 1,
      locale: 'en',
      title: 'Published on B',
      body: 'Kiosks on A have it too.',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    expect(
      (await api(hubB, 'POST', '/api/admin/articles', { token: OPERATOR_TOKEN, body: article })).status,
    ).toBe(201);
    await waitFor('article on the kiosk', () => sync.articles().some((a) => a.id === 'faq-multi-hub'));
    expect(sync.status().lastPullAt).not.toBe(pullsBefore);

    const config = { key: 'idle.timeout_s', version: 1, value: 45 };
    expect(
      (await api(hubB, 'POST', '/api/admin/config', { token: OPERATOR_TOKEN, body: config })).status,
    ).toBe(201);
    await waitFor('config on the kiosk', () => sync.config()['idle.timeout_s'] === 45);
  });

  it('keeps fanning out after PostgreSQL drops the LISTEN connections', async () => {
    const admin = new pg.Client({ connectionString: pgdb.url });
    await admin.connect();
    try {
      const listeners = async () =>
        (
          await admin.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'cloud-sync-hub-events'",
          )
        ).rows.map((r) => r.pid);
      const before = await listeners();
      expect(before).toHaveLength(2);
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
      await waitFor('both instances listening again', async () => {
        const now = await listeners();
        return now.length === 2 && now.every((p) => !before.includes(p));
      });
    } finally {
      await admin.end();
    }
    const article = {
      id: 'faq-after-reconnect',
      version: 1,
      locale: 'zh-CN',
      title: '重连之后',
      body: '实例 B 发布，实例 A 的自助机收到。',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    expect(
      (await api(hubB, 'POST', '/api/admin/articles', { token: OPERATOR_TOKEN, body: article })).status,
    ).toBe(201);
    await waitFor('article on the kiosk', () => sync.articles().some((a) => a.id === 'faq-after-reconnect'));
  });

  it('stores what a kiosk pushes through A where B reads it', async () => {
    db.transaction(() =>
      sync.outbox.enqueue({ entity: 'ticket', data: ticketCreate('t-multi', KIOSK_A.id) }),
    )();
    sync.nudge();
    await waitFor('outbox drained', () => sync.status().pending === 0);
    expect(await hubB.store.getTicket('t-multi')).toMatchObject({ status: 'open', device: 'printer' });
  });
});
