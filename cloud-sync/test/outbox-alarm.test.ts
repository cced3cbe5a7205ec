// The outbox size alarm (issue 14, finding 11) on a real SQLite outbox with the hub down: it rises with
// the change that reaches the threshold, warns once per crossing, shows in the sync status, and clears
// only once the outbox drains below 90 % of the threshold after the hub is back.
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { KioskSync, RunningHub } from '../src/index.ts';
import { KIOSK_A, TempDirs, conversation, openKioskDb, startTestHub, waitFor } from './helpers.ts';
import { KioskClients } from './support/kiosk-clients.ts';
import { recordingLogger } from './support/recording-logger.ts';

const dirs = new TempDirs();
const clients = new KioskClients();
let hub: RunningHub | null = null;

afterEach(async () => {
  await clients.stopAll();
  await hub?.close();
  hub = null;
  dirs.cleanup();
});

function writeConversations(db: Database.Database, sync: KioskSync, n: number): void {
  for (let i = 0; i < n; i++) {
    const c = conversation(KIOSK_A.id, new Date(Date.UTC(2026, 10, 25, 9, 0, i)).toISOString());
    db.transaction(() => sync.outbox.enqueue({ entity: 'conversation', data: c }))();
    sync.nudge();
  }
}

describe('outbox size alarm', () => {
  it('rises once at the threshold while the hub is down, and clears when the outbox drains', async () => {
    // The hub's port is taken first and the hub stopped: the kiosk writes into a dead line.
    const hubDir = dirs.make();
    hub = await startTestHub(hubDir);
    const port = Number(new URL(hub.url).port);
    const hubUrl = hub.url;
    await hub.close();
    hub = null;

    const { logger, lines } = recordingLogger();
    const db = openKioskDb(dirs.make());
    const { sync } = clients.add(db, {
      hubUrl,
      kioskId: KIOSK_A.id,
      token: KIOSK_A.token,
      logger,
      realtime: false,
      backoffBaseMs: 20,
      backoffCapMs: 100,
      pushIntervalMs: 60_000,
      pullIntervalMs: 60_000,
      outboxAlarmChanges: 20,
    });
    sync.start();
    const alarms = () => lines.filter((l) => l.event === 'sync.outbox.alarm');

    writeConversations(db, sync, 19);
    await waitFor('offline noticed', () => sync.status().state === 'offline');
    expect(sync.status()).toMatchObject({ pending: 19, outboxAlarm: false });
    expect(alarms()).toEqual([]);

    writeConversations(db, sync, 1);
    expect(sync.status()).toMatchObject({ pending: 20, outboxAlarm: true });
    expect(sync.status().pendingBytes).toBeGreaterThan(20 * 200);
    expect(alarms()).toEqual([{ level: 'warn', event: 'sync.outbox.alarm' }]);
    // Further changes and status reads do not warn again.
    writeConversations(db, sync, 15);
    for (let i = 0; i < 5; i++) expect(sync.status().outboxAlarm).toBe(true);
    expect(alarms()).toHaveLength(1);

    // The hub returns: the outbox drains and the alarm clears, once.
    hub = await startTestHub(hubDir, { port });
    await waitFor('drained', () => sync.status().pending === 0);
    expect(sync.status().outboxAlarm).toBe(false);
    expect(lines.filter((l) => l.event === 'sync.outbox.alarm_cleared')).toHaveLength(1);
    expect(alarms()).toHaveLength(1);
  });

  it('keeps the alarm on until the outbox is below 90 % of the threshold (no flapping at the line)', async () => {
    const { logger, lines } = recordingLogger();
    const db = openKioskDb(dirs.make());
    // Nothing listens on port 9: every push fails at once.
    const { sync } = clients.add(db, {
      hubUrl: 'http://127.0.0.1:9',
      kioskId: KIOSK_A.id,
      token: KIOSK_A.token,
      logger,
      realtime: false,
      pushIntervalMs: 60_000,
      pullIntervalMs: 60_000,
      backoffBaseMs: 60_000,
      backoffCapMs: 60_000,
      outboxAlarmChanges: 10,
    });
    writeConversations(db, sync, 10);
    expect(sync.status().outboxAlarm).toBe(true);
    // Drain by hand to just below the threshold, then to below 90 % of it.
    const ids = (db.prepare('SELECT id FROM sync_outbox ORDER BY seq').all() as { id: string }[]).map(
      (r) => r.id,
    );
    db.prepare('UPDATE sync_outbox SET acked_at = ? WHERE id = ?').run(new Date().toISOString(), ids[0]);
    expect(sync.status()).toMatchObject({ pending: 9, outboxAlarm: true });
    db.prepare('UPDATE sync_outbox SET acked_at = ? WHERE id = ?').run(new Date().toISOString(), ids[1]);
    expect(sync.status()).toMatchObject({ pending: 8, outboxAlarm: false });
    writeConversations(db, sync, 1);
    expect(sync.status()).toMatchObject({ pending: 9, outboxAlarm: false });
    expect(lines.filter((l) => l.event === 'sync.outbox.alarm')).toHaveLength(1);
  });
});
