// The branch line goes down and comes back: nothing committed at the kiosk is lost or applied twice.
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { KioskSync, RunningHub } from '../src/index.ts';
import {
  SUPERVISOR,
  KIOSK_A,
  TempDirs,
  api,
  conversation,
  message,
  openKioskDb,
  startTestHub,
  waitFor,
} from './helpers.ts';
import { KioskClients } from './support/kiosk-clients.ts';

const dirs = new TempDirs();
let hub: RunningHub | null = null;
const clients = new KioskClients();

afterEach(async () => {
  await clients.stopAll();
  await hub?.close();
  hub = null;
  dirs.cleanup();
});

function openClient(db: Database.Database, hubUrl: string): KioskSync {
  const { sync } = clients.add(db, {
    hubUrl,
    kioskId: KIOSK_A.id,
    token: KIOSK_A.token,
    backoffBaseMs: 20,
    backoffCapMs: 200,
    pushIntervalMs: 60_000,
    pullIntervalMs: 60_000,
    batchSize: 7,
  });
  return sync;
}

/** Writes `n` conversations of two messages each, every one in its own transaction; returns their ids. */
function writeConversations(db: Database.Database, sync: KioskSync, n: number, hour: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 10, 25, hour, i)).toISOString();
    const c = conversation(KIOSK_A.id, at);
    db.transaction(() => {
      sync.outbox.enqueue({ entity: 'conversation', data: c });
      sync.outbox.enqueue({ entity: 'message', data: message(c.id, `question ${i}`, at) });
      sync.outbox.enqueue({ entity: 'message', data: message(c.id, `answer ${i}`, at, 'bot') });
    })();
    ids.push(c.id);
    sync.nudge();
  }
  return ids;
}

async function listedIds(h: RunningHub): Promise<string[]> {
  const login = await api(h, 'POST', '/api/agent/login', { body: SUPERVISOR });
  const list = await api(h, 'GET', '/api/agent/conversations?limit=500', { token: login.body.token });
  return list.body.conversations.map((c: { id: string }) => c.id);
}

describe('offline and back', () => {
  it('queues while the hub is down and delivers everything exactly once when it returns', async () => {
    const hubDir = dirs.make();
    hub = await startTestHub(hubDir);
    const port = Number(new URL(hub.url).port);
    const db = openKioskDb(dirs.make());
    const sync = openClient(db, hub.url);
    sync.start();
    const online = writeConversations(db, sync, 5, 9);
    await waitFor('first drain', () => sync.status().pending === 0);

    await hub.close();
    hub = null;
    const offline = writeConversations(db, sync, 12, 10);
    await waitFor('offline noticed', () => sync.status().state === 'offline');
    expect(sync.status().pending).toBe(36);
    expect(sync.status().lastError).toMatch(/unreachable/);

    hub = await startTestHub(hubDir, { port });
    // Pushes and pulls back off on their own clocks: the backlog may drain before the next pull clears
    // the error a pull met while the hub was down. Both must recover.
    await waitFor('backlog drained', () => sync.status().pending === 0);
    await waitFor('pulls back too: no error left', () => sync.status().lastError === null);
    const stats = await hub.store.stats();
    expect(stats.changes).toBe(17 * 3);
    expect(stats.messages).toBe(17 * 2);
    expect((await listedIds(hub)).sort()).toEqual([...online, ...offline].sort());
  });

  it('keeps the outbox across a stop while offline and drains it from a new process', async () => {
    const hubDir = dirs.make();
    hub = await startTestHub(hubDir);
    const port = Number(new URL(hub.url).port);
    await hub.close();
    hub = null;

    const kioskDir = dirs.make();
    let db = openKioskDb(kioskDir);
    const first = openClient(db, `http://127.0.0.1:${port}`);
    first.start();
    const ids = writeConversations(db, first, 4, 11);
    await waitFor('push failed', () => first.status().lastError);
    await first.stop(); // resolves although the hub is unreachable
    expect(first.status().state).toBe('stopped');
    clients.open.splice(0);
    db.close();

    hub = await startTestHub(hubDir, { port });
    db = openKioskDb(kioskDir);
    const second = openClient(db, hub.url);
    expect(second.status().pending).toBe(12);
    second.start();
    await waitFor('drained after restart', () => second.status().pending === 0);
    expect((await listedIds(hub)).sort()).toEqual([...ids].sort());
  });

  it('treats a re-delivery after a lost acknowledgement as a duplicate', async () => {
    hub = await startTestHub(dirs.make());
    const db = openKioskDb(dirs.make());
    const sync = openClient(db, hub.url);
    sync.start();
    writeConversations(db, sync, 3, 12);
    await waitFor('drained', () => sync.status().pending === 0);
    // As if the hub's answer had been lost: the kiosk still thinks nothing was acknowledged.
    db.prepare('UPDATE sync_outbox SET acked_at = NULL').run();
    sync.nudge();
    await waitFor('re-drained', () => sync.status().pending === 0);
    const stats = await hub.store.stats();
    expect(stats.changes).toBe(9);
    expect(stats.messages).toBe(6);
    const metrics = await api(hub, 'GET', '/metrics');
    expect(metrics.body).toContain('hub_changes_duplicate_total 9');
  });
});
