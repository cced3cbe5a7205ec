// A throwaway PostgreSQL database for one test file: created uniquely named, dropped afterwards.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { HubStoreChoice } from '../../src/index.ts';

export const PG_ADMIN_URL = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'cloud_sync_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

let schemaCounter = 0;
/** A fresh schema name inside a test database, so each test starts empty without a new database. */
export function freshSchema(): string {
  schemaCounter += 1;
  return `t${schemaCounter}_${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The two stores a hub test file runs on: SQLite, and PostgreSQL in a database made for this file
 * (created before its tests, dropped after), a fresh schema per hub. Call at the top of the file.
 */
export function hubStoresUnderTest(prefix: string): [string, () => HubStoreChoice][] {
  let db: TestDatabase | null = null;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
  });
  afterAll(async () => {
    await db?.drop();
  });
  return [
    ['sqlite', () => ({ kind: 'sqlite' })],
    [
      'postgres',
      () => {
        if (!db) throw new Error('the test database is made in beforeAll');
        return { kind: 'postgres', url: db.url, schema: freshSchema(), poolSize: 4 };
      },
    ],
  ];
}
