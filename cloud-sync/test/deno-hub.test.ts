// The hub under Deno (the binary from the `deno` npm package) on PostgreSQL via npm:pg, with the sync
// smoke test run against it from Node. better-sqlite3 does not load in Deno (see bin/hub-deno.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresHubStore, type HubStore } from '../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN } from './helpers.ts';
import { createTestDatabase, type TestDatabase } from './support/pg.ts';
import { runSyncSmoke } from './support/smoke.ts';
import { stopChild, waitForLine } from './support/child.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const denoBin = join(dirname(createRequire(import.meta.url).resolve('deno/package.json')), 'deno');

let pgdb: TestDatabase;
let child: ChildProcess | null = null;
let store: HubStore;
let hubUrl: string;

beforeAll(async () => {
  pgdb = await createTestDatabase();
  child = spawn(denoBin, ['run', '-A', 'cloud-sync/bin/hub-deno.ts'], {
    cwd: root,
    env: {
      ...process.env,
      HUB_PORT: '0',
      HUB_STORE: 'postgres',
      HUB_PG_URL: pgdb.url,
      HUB_OPERATOR_TOKEN: OPERATOR_TOKEN,
      HUB_SEED_KIOSKS: `${KIOSK_A.id}:${KIOSK_A.token}`,
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = await waitForLine(child, (l) => l.includes('"hub.started"'), 25_000);
  hubUrl = (JSON.parse(started) as { url: string }).url;
  store = await openPostgresHubStore({ url: pgdb.url, poolSize: 2 });
}, 40_000);

afterAll(async () => {
  await stopChild(child);
  await store?.close();
  await pgdb?.drop();
});

describe('hub on Deno', () => {
  it('answers health checks as the Deno runtime on PostgreSQL', async () => {
    const res = await fetch(`${hubUrl}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', store: 'postgres' });
  });

  it('passes the sync smoke test', async () => {
    await runSyncSmoke(hubUrl, KIOSK_A, OPERATOR_TOKEN, store);
  });
});
