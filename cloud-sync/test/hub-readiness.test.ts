// /readyz for a load balancer: 200 while the instance reaches its store, 503 (JSON, not an error page)
// while it cannot, and 200 again once the store is back, on PostgreSQL (a database that refuses new
// connections) and on SQLite (a closed database file). /healthz stays the liveness check.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../src/index.ts';
import { startTestHub, TempDirs } from './helpers.ts';
import { createTestDatabase, PG_ADMIN_URL, type TestDatabase } from './support/pg.ts';

const dirs = new TempDirs();
let db: TestDatabase;
const hubs: RunningHub[] = [];
beforeAll(async () => {
  db = await createTestDatabase('hub_readiness');
}, 30_000);
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close().catch(() => undefined);
  dirs.cleanup();
});
afterAll(async () => {
  await db?.drop();
});

async function readyz(hub: RunningHub): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${hub.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('hub readiness', () => {
  it('on PostgreSQL: ready, not ready while the database refuses connections, ready again', async () => {
    const hub = await startTestHub(dirs.make(), { store: { kind: 'postgres', url: db.url } });
    hubs.push(hub);
    expect(await readyz(hub)).toEqual({ status: 200, body: { status: 'ready', store: 'postgres' } });
    await admin(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}'`);
    try {
      await expect.poll(async () => (await readyz(hub)).status).toBe(503);
      expect((await readyz(hub)).body).toEqual({
        status: 'not_ready',
        store: 'postgres',
        reason: 'store unreachable',
      });
    } finally {
      await admin(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`);
    }
    await expect.poll(async () => (await readyz(hub)).status).toBe(200);
  });

  it('on SQLite: ready while the database is open, not ready once it is closed', async () => {
    const hub = await startTestHub(dirs.make());
    hubs.push(hub);
    expect(await readyz(hub)).toEqual({ status: 200, body: { status: 'ready', store: 'sqlite' } });
    await hub.store.close();
    expect(await readyz(hub)).toEqual({
      status: 503,
      body: { status: 'not_ready', store: 'sqlite', reason: 'store unreachable' },
    });
  });
});
