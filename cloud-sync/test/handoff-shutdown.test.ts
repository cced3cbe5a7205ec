// Hub shutdown with a signalling socket's close still being handled: the customer left just before the
// stop, and their handoff row is being updated when the hub closes its store. The close must finish on
// the open store (the store outlives the sockets' work), and nothing may run on a closed store or
// escape as an unhandled rejection (on PostgreSQL that was "Cannot use a pool after calling end",
// which ends the process).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HandoffAcceptedSchema,
  openPostgresHubStore,
  openSqliteHubStore,
  type HubStore,
  type RunningHub,
} from '../src/index.ts';
import { KIOSK_A, TempDirs, api, startTestHub } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { recordingLogger } from './support/recording-logger.ts';
import { join } from 'node:path';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_shutdown');

describe.each(stores)('hub shutdown during a socket close (%s)', (_name, storeChoice) => {
  const rejections: unknown[] = [];
  const onRejection = (err: unknown): void => void rejections.push(err);
  beforeEach(() => {
    rejections.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => void process.off('unhandledRejection', onRejection));

  it("finishes the kiosk's close on the open store, then closes it", async () => {
    const dataDir = dirs.make();
    const choice = storeChoice();
    const log = recordingLogger();
    const hub: RunningHub = await startTestHub(dataDir, { store: choice, logger: log.logger });
    const res = await api(hub, 'POST', '/api/handoff/requests', {
      token: KIOSK_A.token,
      body: { sessionId: 's-stop', locale: 'en', reason: 'customer_request' },
    });
    const accepted = HandoffAcceptedSchema.parse(res.body);
    if (!accepted.queued) throw new Error('expected the request to be queued');

    // The kiosk's signalling connection, through the handoff core the sockets use.
    const sent: string[] = [];
    const conn = hub.handoff.connect({ send: (text) => void sent.push(text), close: () => {} });
    conn.message(JSON.stringify({ t: 'auth', token: accepted.joinToken }));
    await expect.poll(() => sent.some((m) => m.includes('"t":"ready"'))).toBe(true);

    // The socket closes; its close is under way (the row is being written) when the hub stops.
    await new Promise((r) => setTimeout(r, 5));
    const closedAt = Date.now();
    conn.closed();
    await new Promise((r) => setImmediate(r));
    await hub.close();
    // Anything left over would fail after the store closed: give it a moment to surface.
    await new Promise((r) => setTimeout(r, 200));

    expect(rejections.map((e) => (e as Error).message)).toEqual([]);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    // The close was recorded: the request still waits, last seen when its socket closed (the customer
    // may come back with the token).
    const store: HubStore =
      choice.kind === 'postgres'
        ? await openPostgresHubStore({ url: choice.url, ...(choice.schema ? { schema: choice.schema } : {}) })
        : openSqliteHubStore(join(dataDir, 'hub.sqlite'));
    try {
      const row = await store.handoffs.get(accepted.handoffId);
      expect(row?.state).toBe('waiting');
      expect(row?.kioskSeenAt).toBeGreaterThanOrEqual(closedAt);
    } finally {
      await store.close();
    }
  });
});
