// Handoff rows on real stores: the claim takes the best waiting request of the agent's queues by
// queue.ts's order, each request once even when two PostgreSQL stores (two instances) claim at once;
// a requeue keeps the place; a handoff finishes once; the open limit holds in the insert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  openPostgresHubStore,
  openSqliteHubStore,
  type HandoffRequest,
  type HubStore,
  type QueueName,
} from '../src/index.ts';
import type { HandoffRecord } from '../src/handoff/call-records.ts';
import { BOOST_STEP_MS, SKILLS } from '../src/handoff/queue.ts';
import { TempDirs } from './helpers.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';

const dirs = new TempDirs();
let pgdb: TestDatabase;
beforeAll(async () => {
  pgdb = await createTestDatabase('cloud_sync_handoff_rows');
});
afterAll(async () => {
  await pgdb?.drop();
  dirs.cleanup();
});

const T0 = 1_800_000_000_000;
const request: HandoffRequest = { sessionId: 's', locale: 'en', reason: 'customer_request' };
const record = (id: string, queue: QueueName, enqueuedAt: number, priority = 0): HandoffRecord => ({
  id,
  kioskId: `kiosk-${id}`,
  queue,
  request,
  enqueuedAt,
  priority,
  agent: null,
  agentName: null,
  acceptedAt: null,
  claimed: false,
  kioskSeenAt: enqueuedAt,
});

/** Two stores on one data set: the same SQLite store twice, or two PostgreSQL pools on one schema. */
const pairs: [string, () => Promise<[HubStore, HubStore]>][] = [
  [
    'sqlite',
    async () => {
      const s = openSqliteHubStore(join(dirs.make(), 'hub.sqlite'));
      return [s, s];
    },
  ],
  [
    'postgres',
    async () => {
      const o = { url: pgdb.url, schema: freshSchema(), poolSize: 4 };
      const a = await openPostgresHubStore(o);
      return [a, await openPostgresHubStore(o)];
    },
  ],
];

describe.each(pairs)('handoff rows (%s)', (_name, open) => {
  it('claims by rank within the role’s queues, each request once across two instances', async () => {
    const [a, b] = await open();
    try {
      // A boost of one point counts as BOOST_STEP_MS of waiting: p1 overtakes e1 but not e0.
      await a.handoffs.open(record('e0', 'agent', T0), 'h-e0', 5);
      await a.handoffs.open(record('e1', 'agent', T0 + 10_000), 'h-e1', 5);
      await a.handoffs.open(record('p1', 'agent', T0 + 35_000, 1), 'h-p1', 5);
      await a.handoffs.open(record('r0', 'risk', T0 - 60_000), 'h-r0', 5);
      expect((await a.handoffs.waiting()).map((h) => h.id)).toEqual(['r0', 'e0', 'p1', 'e1']);
      expect(T0 + 35_000 - BOOST_STEP_MS).toBeLessThan(T0 + 10_000);
      const first = await b.handoffs.claim(SKILLS.agent, 'ag1', 'B', T0 + 60_000);
      expect(first).toMatchObject({ id: 'e0', state: 'in_call', agent: 'ag1', acceptedAt: T0 + 60_000 });

      for (let i = 0; i < 40; i += 1)
        await a.handoffs.open(record(`x${i}`, 'agent', T0 + 100_000 + i), `h-x${i}`, 5);
      const claims = await Promise.all(
        Array.from({ length: 44 }, (_, i) =>
          (i % 2 ? a : b).handoffs.claim(SKILLS.agent, `ag-${i}`, i % 2 ? 'A' : 'B', T0 + 200_000),
        ),
      );
      const ids = claims.flatMap((c) => (c ? [c.id] : []));
      // 42 waited in the agent queue (risk is not theirs): each claimed exactly once, none twice.
      expect(ids).toHaveLength(42);
      expect(new Set(ids).size).toBe(42);
      expect(ids).not.toContain('r0');
      expect(await a.handoffs.claim(SKILLS.agent, 'late', 'A', T0 + 300_000)).toBeNull();
      expect((await a.handoffs.claim(SKILLS.supervisor, 'sup', 'A', T0 + 300_000))?.id).toBe('r0');
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });

  it('requeues at the same place, finishes once, and holds the open limit in the insert', async () => {
    const [a, b] = await open();
    try {
      await a.handoffs.open(record('w0', 'agent', T0), 'h-w0', 2);
      await a.handoffs.open(record('w1', 'agent', T0 + 1000), 'h-w1', 2);
      const claimed = await a.handoffs.claim(SKILLS.agent, 'ag', 'A', T0 + 5000);
      expect(claimed?.id).toBe('w0');
      expect(await b.handoffs.requeue('w0', 'someone-else')).toBeNull();
      expect(await b.handoffs.requeue('w0', 'ag')).toMatchObject({
        state: 'waiting',
        enqueuedAt: T0,
        agent: null,
      });
      expect((await a.handoffs.waiting()).map((h) => h.id)).toEqual(['w0', 'w1']);
      expect((await a.handoffs.byToken('h-w0'))?.id).toBe('w0');

      const same = { ...record('w2', 'agent', T0 + 2000), kioskId: 'kiosk-w0' };
      await a.handoffs.open({ ...record('w3', 'agent', T0), kioskId: 'kiosk-w0' }, 'h-w3', 2);
      expect(await a.handoffs.open(same, 'h-w2', 2)).toBe(false);
      expect(await a.handoffs.openCount('kiosk-w0')).toBe(2);
      // Ten requests of one kiosk at once through both instances: its limit of 2 holds.
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).handoffs.open(
            { ...record(`z${i}`, 'agent', T0), kioskId: 'kiosk-z' },
            `h-z${i}`,
            2,
          ),
        ),
      );
      expect(burst.filter(Boolean)).toHaveLength(2);

      const outcome = { state: 'ended' as const, at: T0 + 9000, ticketId: null };
      const [one, two] = await Promise.all([
        a.handoffs.finish('w0', outcome),
        b.handoffs.finish('w0', outcome),
      ]);
      expect([one, two].filter(Boolean)).toHaveLength(1);
      expect(await a.handoffs.get('w0')).toMatchObject({ state: 'ended', outcome });
      // The token is spent with it; a new request of that kiosk fits again.
      expect(await a.handoffs.byToken('h-w0')).toBeNull();
      expect(await a.handoffs.open(same, 'h-w2', 2)).toBe(true);
      expect(await a.handoffs.prune(T0 + 10_000)).toBe(1);
      expect(await a.handoffs.get('w0')).toBeNull();
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
