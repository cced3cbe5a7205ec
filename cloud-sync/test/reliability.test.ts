// Reliability on loopback: a TCP fault proxy between kiosk and hub, SIGKILL of a kiosk process
// mid-batch and of the hub mid-transaction (SQLite and PostgreSQL), and a short randomised soak.
// The invariant everywhere: the hub holds every change ever committed at a kiosk, exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  openKioskSync,
  openPostgresHubStore,
  openSqliteHubStore,
  type HubStore,
  type HubStoreChoice,
  type KioskSync,
  type RunningHub,
} from '../src/index.ts';
import {
  KIOSK_A,
  TempDirs,
  api,
  conversation,
  message,
  openKioskDb,
  startTestHub,
  waitFor,
} from './helpers.ts';
import { stopChild, waitForLine } from './support/child.ts';
import { FaultProxy } from './support/fault-proxy.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';
import { runSoak } from './support/soak.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs = new TempDirs();
let pgdb: TestDatabase;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  pgdb = await createTestDatabase();
});
afterEach(async () => {
  for (const c of children.splice(0)) await stopChild(c, 500);
  for (const f of cleanups.splice(0).reverse()) await f();
});
afterAll(async () => {
  await pgdb?.drop();
  dirs.cleanup();
});

function tsxChild(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join('cloud-sync/test/support', script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

function outboxIds(db: Database.Database): string[] {
  return (db.prepare('SELECT id FROM sync_outbox ORDER BY id').all() as { id: string }[]).map((r) => r.id);
}

function client(
  db: Database.Database,
  hubUrl: string,
  more: Partial<Parameters<typeof openKioskSync>[1]> = {},
): KioskSync {
  const sync = openKioskSync(db, {
    hubUrl,
    kioskId: KIOSK_A.id,
    token: KIOSK_A.token,
    realtime: false,
    backoffBaseMs: 20,
    backoffCapMs: 200,
    pushIntervalMs: 100,
    ...more,
  });
  cleanups.push(() => sync.stop());
  return sync;
}

function fillOutbox(db: Database.Database, sync: KioskSync, conversations: number): void {
  db.transaction(() => {
    for (let i = 0; i < conversations; i++) {
      const c = conversation(KIOSK_A.id, '2026-11-25T10:00:00.000Z');
      sync.outbox.enqueue({ entity: 'conversation', data: c });
      sync.outbox.enqueue({
        entity: 'message',
        data: message(c.id, `hello ${i}`, '2026-11-25T10:00:01.000Z'),
      });
    }
  })();
}

describe('through the fault proxy', () => {
  let hub: RunningHub;
  let proxy: FaultProxy;
  beforeAll(async () => {
    hub = await startTestHub(dirs.make());
    proxy = await FaultProxy.start(Number(new URL(hub.url).port));
  });
  afterAll(async () => {
    await proxy.close();
    await hub.close();
  });

  it('re-pushes after lost answers, hung connections and cuts, and the hub applies each change once', async () => {
    const db = openKioskDb(dirs.make());
    cleanups.push(() => void db.close());
    const sync = client(db, proxy.url, { requestTimeoutMs: 300, batchSize: 20 });
    fillOutbox(db, sync, 30);
    proxy.set('drop_responses');
    sync.start();
    // The hub commits the first batch, the kiosk never hears so, and re-pushes that same batch.
    const duplicates = async () =>
      Number(
        /^hub_changes_duplicate_total (\d+)$/m.exec((await api(hub, 'GET', '/metrics')).body as string)?.[1],
      );
    await waitFor('a re-push of the committed batch', async () => (await duplicates()) >= 40);
    expect((await hub.store.changeIdsOf(KIOSK_A.id)).length).toBe(20);
    expect(sync.status().pending).toBe(60);
    expect(sync.status().lastError).toMatch(/unreachable|timeout/i);
    proxy.set('drop');
    fillOutbox(db, sync, 10);
    await new Promise((r) => setTimeout(r, 400));
    proxy.set('delay', 50);
    proxy.cut();
    await waitFor('outbox drained', () => sync.status().pending === 0);
    expect(await hub.store.changeIdsOf(KIOSK_A.id)).toEqual(outboxIds(db));
    const metrics = (await api(hub, 'GET', '/metrics')).body as string;
    expect(Number(/^hub_changes_applied_total (\d+)$/m.exec(metrics)?.[1])).toBe(80);
    expect(await duplicates()).toBeGreaterThanOrEqual(60);
  });
});

describe('SIGKILL of a kiosk process mid-batch', () => {
  it('loses nothing it committed and duplicates nothing after it restarts', async () => {
    const hub = await startTestHub(dirs.make());
    const proxy = await FaultProxy.start(Number(new URL(hub.url).port));
    cleanups.push(
      () => hub.close(),
      () => proxy.close(),
    );
    proxy.set('delay', 30); // keeps every push in flight a while
    const file = join(dirs.make(), 'kiosk.sqlite');
    const kiosk = tsxChild('kiosk-child.ts', {
      KIOSK_DB: file,
      HUB_URL: proxy.url,
      KIOSK_ID: KIOSK_A.id,
      KIOSK_TOKEN: KIOSK_A.token,
      BATCH: '40',
    });
    await waitForLine(
      kiosk,
      (l) => l.includes('"pushing"') && (JSON.parse(l) as { committed: number }).committed >= 300,
      20_000,
    );
    await kill9(kiosk);
    const before = await hub.store.changeIdsOf(KIOSK_A.id);

    const reopened = new Database(file);
    cleanups.push(() => void reopened.close());
    const committed = outboxIds(reopened);
    expect(committed.length).toBeGreaterThan(before.length);
    expect(before.every((id) => committed.includes(id))).toBe(true);
    proxy.set('pass');
    const sync = client(reopened, proxy.url);
    sync.start();
    await waitFor('outbox drained', () => sync.status().pending === 0);
    expect(await hub.store.changeIdsOf(KIOSK_A.id)).toEqual(committed);
    expect((await hub.store.stats()).conversations).toBe(committed.length / 2);
  });
});

const hubStores: [string, () => HubStoreChoice][] = [
  ['sqlite', () => ({ kind: 'sqlite' })],
  ['postgres', () => ({ kind: 'postgres', url: pgdb.url, schema: freshSchema(), poolSize: 2 })],
];

describe.each(hubStores)('SIGKILL of the hub mid-transaction (%s)', (_name, choose) => {
  it('leaves nothing half-applied, and the kiosk completes after the restart', async () => {
    const dataDir = dirs.make();
    const choice = choose();
    const hubEnv = {
      HUB_DATA_DIR: dataDir,
      HUB_STORE: choice.kind,
      ...(choice.kind === 'postgres' ? { HUB_PG_URL: choice.url, HUB_PG_SCHEMA: choice.schema ?? '' } : {}),
      KIOSKS: `${KIOSK_A.id}:${KIOSK_A.token}`,
    };
    const first = tsxChild('hub-child.ts', { ...hubEnv, STALL_AFTER: '3' });
    const url1 = (
      JSON.parse(await waitForLine(first, (l) => l.includes('hub.started'), 20_000)) as { url: string }
    ).url;
    const proxy = await FaultProxy.start(Number(new URL(url1).port));
    cleanups.push(() => proxy.close());

    const db = openKioskDb(dirs.make());
    cleanups.push(() => void db.close());
    const sync = client(db, proxy.url, { batchSize: 50, requestTimeoutMs: 2000 });
    fillOutbox(db, sync, 150);
    sync.start();
    const stalled = JSON.parse(await waitForLine(first, (l) => l.includes('in_transaction'), 20_000)) as {
      changes: number;
    };
    expect(stalled.changes).toBe(50);
    await kill9(first);

    const store: HubStore =
      choice.kind === 'postgres'
        ? await openPostgresHubStore({ ...choice, poolSize: 1 })
        : openSqliteHubStore(join(dataDir, 'hub.sqlite'));
    cleanups.push(() => store.close());
    // Two whole batches committed; the third died with its transaction.
    expect((await store.changeIdsOf(KIOSK_A.id)).length).toBe(100);
    expect((await store.stats()).conversations).toBe(50);

    const second = tsxChild('hub-child.ts', hubEnv);
    const url2 = (
      JSON.parse(await waitForLine(second, (l) => l.includes('hub.started'), 20_000)) as { url: string }
    ).url;
    proxy.retarget(Number(new URL(url2).port));
    sync.nudge();
    await waitFor('outbox drained', () => sync.status().pending === 0, 20_000);
    expect(await store.changeIdsOf(KIOSK_A.id)).toEqual(outboxIds(db));
    expect((await store.stats()).conversations).toBe(150);
  });
});

describe('short randomised soak', () => {
  it.each(hubStores)('keeps every change exactly once on %s', async (_name, choose) => {
    const result = await runSoak({ rounds: 25, kiosks: 2, maxMs: 8000, store: choose() });
    expect(result.rounds).toBeGreaterThan(0);
    expect(result.changes).toBeGreaterThan(0);
    expect({ lost: result.lost, duplicated: result.duplicated, phantom: result.phantom }).toEqual({
      lost: 0,
      duplicated: 0,
      phantom: 0,
    });
  });
});
