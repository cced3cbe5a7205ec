// A kiosk that comes back online with a 10,000-change backlog: time until its outbox is empty, with
// the hub in its own process. Also: an article published at the hub until the kiosk has it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openKioskSync, type KioskSyncOptions } from '../src/index.ts';
import { OPERATOR, startHubProcess } from './hub-process.ts';
import { kioskChanges } from './workload.ts';

const KIOSK = { id: 'bench-kiosk', token: 'bench-kiosk-token-0123456789abcdef' };

async function withKiosk<T>(
  more: Partial<KioskSyncOptions>,
  work: (ctx: {
    hubUrl: string;
    db: Database.Database;
    sync: ReturnType<typeof openKioskSync>;
  }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-sync-bench-'));
  const hub = await startHubProcess({
    HUB_DATA_DIR: join(dir, 'hub'),
    HUB_SEED_KIOSKS: `${KIOSK.id}:${KIOSK.token}`,
  });
  const db = new Database(join(dir, 'kiosk.sqlite'));
  const sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK.id, token: KIOSK.token, ...more });
  try {
    return await work({ hubUrl: hub.url, db, sync });
  } finally {
    await sync.stop();
    db.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const poll = async (done: () => boolean, limitMs: number): Promise<void> => {
  const end = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

export async function measureBacklogDrain(
  n: number,
  batchSize?: number,
): Promise<{ seconds: number; changes: number }> {
  return withKiosk({ realtime: false, ...(batchSize ? { batchSize } : {}) }, async ({ db, sync }) => {
    const changes = kioskChanges(KIOSK.id, n);
    db.transaction(() => {
      for (const c of changes) sync.outbox.enqueue({ entity: c.entity, data: c.data } as never);
    })();
    // Watch the status events the client emits after each batch instead of polling its outbox.
    let drainedAt = 0;
    const off = sync.onStatus((s) => {
      if (s.pending === 0 && !drainedAt) drainedAt = performance.now();
    });
    const t0 = performance.now();
    sync.start();
    await poll(() => drainedAt > 0, 120_000);
    off();
    return { seconds: (drainedAt - t0) / 1000, changes: n };
  });
}

/** Publish-to-kiosk latencies in seconds (realtime nudge on, periodic pull at its default 5 s). */
export async function measurePublishToKiosk(times: number): Promise<number[]> {
  return withKiosk({}, async ({ hubUrl, sync }) => {
    sync.start();
    await poll(() => sync.status().realtime === 'connected' && sync.status().lastPullAt !== null, 20_000);
    const out: number[] = [];
    for (let i = 1; i <= times; i++) {
      const id = `bench-article-${i}`;
      let seenAt = 0;
      const off = sync.onArticles(() => {
        if (!seenAt && sync.articles().some((a) => a.id === id)) seenAt = performance.now();
      });
      const t0 = performance.now();
      const res = await fetch(`${hubUrl}/api/admin/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          version: 1,
          locale: 'zh-CN',
          title: '新利率',
          body: `第 ${i} 版`,
          tags: ['rates'],
          effectiveFrom: '2026-01-01T00:00:00.000Z',
        }),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status}`);
      await poll(() => seenAt > 0, 30_000);
      off();
      out.push((seenAt - t0) / 1000);
    }
    return out;
  });
}
