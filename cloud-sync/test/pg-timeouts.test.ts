// Issue 14, finding 10: the PostgreSQL pool had no connect or statement timeouts, so a database that
// stops answering held the hub's requests forever. Both are proved against real servers: a TCP listener
// that accepts and never speaks, and the real PostgreSQL with a table locked by another session.
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresHubStore } from '../src/hub/store/pg-store.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('pg_timeouts');
}, 30_000);
afterAll(async () => {
  await db?.drop();
});

describe('PostgreSQL timeouts', () => {
  it('fails to open, naming the timeout, when the server accepts and never answers', async () => {
    const held: Socket[] = [];
    const silent: Server = createServer((s) => held.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    try {
      const opening = openPostgresHubStore({
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        connectTimeoutMs: 300,
      });
      await expect(opening).rejects.toThrow(/timeout/i);
    } finally {
      held.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });

  it('cancels a statement that waits longer than the statement timeout, and the pool keeps working', async () => {
    const schema = freshSchema();
    const store = await openPostgresHubStore({ url: db.url, schema, statementTimeoutMs: 300 });
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.kiosks IN ACCESS EXCLUSIVE MODE`);
      // stats() counts kiosks: it waits on the lock until the server cancels it.
      await expect(store.stats()).rejects.toThrow(/statement timeout/i);
      await locker.query('ROLLBACK');
      await expect(store.stats()).resolves.toMatchObject({ kiosks: 0 });
    } finally {
      await locker.end();
      await store.close();
    }
  });
});
