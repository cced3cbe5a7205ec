// Review finding 5 (issue 14), end to end on a real hub: a change the hub refuses for good is set aside
// in a quarantine table (with an alert and a count) instead of blocking every later change, and push
// and pull failures are reported separately (a successful pull no longer hides a failing push).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { Hlc, type RunningHub } from '../src/index.ts';
import {
  KIOSK_A,
  KIOSK_B,
  TempDirs,
  api,
  conversation,
  openKioskDb,
  startTestHub,
  waitFor,
} from './helpers.ts';
import { KioskClients } from './support/kiosk-clients.ts';

const dirs = new TempDirs();
const kiosks = new KioskClients();
let hub: RunningHub | null = null;
afterEach(async () => {
  await kiosks.stopAll();
  await hub?.close();
  hub = null;
});
afterAll(() => dirs.cleanup());

const fast = { pullIntervalMs: 100, pushIntervalMs: 100, backoffBaseMs: 20, backoffCapMs: 100 };

describe('sync quarantine and separate errors', () => {
  it('sets a refused change aside, alerts, and delivers the changes behind it', async () => {
    hub = await startTestHub(dirs.make());
    // Kiosk B owns conversation X at the hub; kiosk A then writes one under the same id.
    const owned = conversation(KIOSK_B.id, new Date().toISOString());
    const push = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_B.token,
      body: {
        changes: [
          {
            id: ulid(),
            kioskId: KIOSK_B.id,
            entity: 'conversation',
            entityId: owned.id,
            op: 'upsert',
            hlc: Hlc.serialize(new Hlc(KIOSK_B.id).now()),
            data: owned,
          },
        ],
      },
    });
    expect(push.status).toBe(200);
    const alerts: object[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (o: object) => alerts.push(o) };
    const { db, sync } = kiosks.add(openKioskDb(dirs.make()), {
      hubUrl: hub.url,
      kioskId: KIOSK_A.id,
      token: KIOSK_A.token,
      realtime: false,
      logger,
      ...fast,
    });
    const before = conversation(KIOSK_A.id, new Date().toISOString());
    const after = conversation(KIOSK_A.id, new Date().toISOString());
    db.transaction(() => {
      sync.outbox.enqueue({ entity: 'conversation', data: before });
      sync.outbox.enqueue({ entity: 'conversation', data: { ...owned, kioskId: KIOSK_A.id } });
      sync.outbox.enqueue({ entity: 'conversation', data: after });
    })();
    sync.start();
    await waitFor('outbox drained', () => sync.status().pending === 0, 5000);
    expect((await hub.store.getConversation(before.id))?.conversation.kioskId).toBe(KIOSK_A.id);
    expect((await hub.store.getConversation(after.id))?.conversation.kioskId).toBe(KIOSK_A.id);
    expect((await hub.store.getConversation(owned.id))?.conversation.kioskId).toBe(KIOSK_B.id);
    expect(sync.status()).toMatchObject({ quarantined: 1, state: 'error' });
    const rows = db.prepare('SELECT entity_id, status, error FROM sync_quarantine').all();
    expect(rows).toEqual([
      { entity_id: owned.id, status: 403, error: expect.stringMatching(/foreign_record/) },
    ]);
    expect(alerts).toContainEqual(expect.objectContaining({ event: 'sync.change.quarantined' }));
  });

  it('keeps a failing push in the status while pulls succeed', async () => {
    let failPushes = true;
    hub = await startTestHub(dirs.make(), {
      storeHooks: {
        beforeCommit: () => {
          if (failPushes) throw new Error('disk trouble');
        },
      },
    });
    const { db, sync } = kiosks.add(openKioskDb(dirs.make()), {
      hubUrl: hub.url,
      kioskId: KIOSK_A.id,
      token: KIOSK_A.token,
      realtime: false,
      ...fast,
    });
    db.transaction(() => {
      sync.outbox.enqueue({
        entity: 'conversation',
        data: conversation(KIOSK_A.id, new Date().toISOString()),
      });
    })();
    sync.start();
    const failedAt = await waitFor(
      'a push failure',
      () => (sync.status().pushError ? Date.now() : undefined),
      5000,
    );
    await waitFor('a pull after it', () => Date.parse(sync.status().lastPullAt ?? '') > failedAt, 5000);
    expect(sync.status().pushError).toMatch(/500|internal/);
    expect(sync.status().pullError).toBeNull();
    expect(sync.status().state).not.toBe('idle');
    failPushes = false;
    await waitFor('delivered', () => sync.status().pending === 0, 5000);
    expect(sync.status().pushError).toBeNull();
  });
});
