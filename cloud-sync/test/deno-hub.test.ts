// The hub under Deno (the binary from the `deno` npm package), with the sync smoke test run against it
// from Node: on SQLite (Deno's built-in node:sqlite; better-sqlite3 does not load in Deno) and on
// PostgreSQL (npm:pg, LISTEN/NOTIFY); and the handoff signalling socket on Deno.upgradeWebSocket.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresHubStore, openSqliteHubStore, type HubStore } from '../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN, TempDirs } from './helpers.ts';
import { createTestDatabase, type TestDatabase } from './support/pg.ts';
import { runSyncSmoke } from './support/smoke.ts';
import { SignalClient } from './support/signal-client.ts';
import { stopChild, waitForLine } from './support/child.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const denoBin = join(dirname(createRequire(import.meta.url).resolve('deno/package.json')), 'deno');
const dirs = new TempDirs();
let pgdb: TestDatabase;
let child: ChildProcess | null = null;
let store: HubStore | null = null;

beforeAll(async () => {
  pgdb = await createTestDatabase();
});
afterEach(async () => {
  await stopChild(child);
  child = null;
  await store?.close();
  store = null;
});
afterAll(async () => {
  await pgdb?.drop();
  dirs.cleanup();
});

async function startDenoHub(env: Record<string, string>): Promise<string> {
  child = spawn(denoBin, ['run', '-A', 'cloud-sync/bin/hub-deno.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      HUB_PORT: '0',
      HUB_OPERATOR_TOKEN: OPERATOR_TOKEN,
      HUB_SEED_KIOSKS: `${KIOSK_A.id}:${KIOSK_A.token}`,
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = await waitForLine(child, (l) => l.includes('"hub.started"'), 25_000);
  const line = JSON.parse(started) as { url: string; runtime: string };
  expect(line.runtime).toBe('deno');
  return line.url;
}

describe('hub on Deno', () => {
  it('passes the sync smoke test on SQLite (node:sqlite)', async () => {
    const dataDir = dirs.make();
    const url = await startDenoHub({ HUB_STORE: 'sqlite', HUB_DATA_DIR: dataDir });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', store: 'sqlite' });
    store = openSqliteHubStore(join(dataDir, 'hub.sqlite'));
    await runSyncSmoke(url, KIOSK_A, OPERATOR_TOKEN, store);
  });

  it('passes the sync smoke test on PostgreSQL (npm:pg)', async () => {
    const url = await startDenoHub({ HUB_STORE: 'postgres', HUB_PG_URL: pgdb.url });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', store: 'postgres' });
    store = await openPostgresHubStore({ url: pgdb.url, poolSize: 2 });
    await runSyncSmoke(url, KIOSK_A, OPERATOR_TOKEN, store);
  });

  it('serves the handoff signalling socket with the same rules', async () => {
    const url = await startDenoHub({ HUB_STORE: 'sqlite', HUB_DATA_DIR: dirs.make() });
    const res = await fetch(`${url}/api/handoff/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KIOSK_A.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: 's-deno', locale: 'en', reason: 'customer_request' }),
    });
    const accepted = (await res.json()) as { joinToken: string; handoffId: string; route: string };
    expect(accepted.route).toBe('agent');
    const stranger = await SignalClient.open(url, 'not-a-token');
    expect(await stranger.closed()).toBe(4403);
    const kiosk = await SignalClient.open(url, accepted.joinToken);
    expect(await kiosk.next('ready')).toMatchObject({ as: 'kiosk', handoffId: accepted.handoffId });
    expect(await kiosk.next('queue')).toMatchObject({ position: 1 });
    kiosk.send({ t: 'ping', n: 7 });
    expect(await kiosk.next('pong')).toEqual({ t: 'pong', n: 7 });
    kiosk.close();
  });

  it('refuses the Node-only settings with a line that says so, instead of ignoring them', async () => {
    child = spawn(denoBin, ['run', '-A', 'cloud-sync/bin/hub-deno.ts'], {
      cwd: root,
      env: { ...process.env, HUB_PORT: '0', HUB_DATA_DIR: dirs.make(), HUB_RECORDING: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((r) => child!.once('exit', r));
    expect(code).toBe(1);
    expect(stderr).toContain('HUB_RECORDING');
    expect(stderr).toContain('bin/hub.ts');
  });
});
