// Knowledge flows down: pull with checkpoints, resume after restart, realtime nudge on publish.
import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle } from '../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN, api, openKioskDb, waitFor } from './helpers.ts';
import { sharedHubWithKiosks } from './support/kiosk-clients.ts';

const shared = sharedHubWithKiosks();
const { dirs, kiosks } = shared;

function article(id: string, version: number, extra: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  return {
    id,
    version,
    locale: 'en',
    title: `${id} v${version}`,
    body: `Answer for ${id}, version ${version}.`,
    tags: ['test'],
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

async function publish(a: KnowledgeArticle) {
  return api(shared.hub, 'POST', '/api/admin/articles', { token: OPERATOR_TOKEN, body: a });
}

function client(dir: string, pullIntervalMs: number, realtime: boolean) {
  return kiosks.add(openKioskDb(dir), {
    hubUrl: shared.hub.url,
    kioskId: KIOSK_A.id,
    token: KIOSK_A.token,
    pullIntervalMs,
    realtime,
  });
}

describe('pull', () => {
  it('replicates articles, keeps the newest version, and filters by effective dates', async () => {
    expect((await publish(article('faq-hours', 1))).status).toBe(201);
    expect((await publish(article('faq-hours', 2))).status).toBe(201);
    expect(
      (await publish(article('faq-expired', 1, { effectiveTo: '2026-02-01T00:00:00.000Z' }))).status,
    ).toBe(201);
    expect(
      (await publish(article('faq-future', 1, { effectiveFrom: '2999-01-01T00:00:00.000Z' }))).status,
    ).toBe(201);
    const { sync } = client(dirs.make(), 60_000, false);
    sync.start();
    const got = await waitFor('articles pulled', () => sync.articles().find((a) => a.id === 'faq-hours'));
    expect(got.version).toBe(2);
    const ids = sync.articles().map((a) => a.id);
    expect(ids).not.toContain('faq-expired');
    expect(ids).not.toContain('faq-future');
    expect(sync.status().lastPullAt).not.toBeNull();
  });

  it('refuses a stale or conflicting version at the hub', async () => {
    await publish(article('faq-cards', 3));
    expect((await publish(article('faq-cards', 2))).body.error.code).toBe('stale_version');
    const conflict = await publish(article('faq-cards', 3, { body: 'different text' }));
    expect(conflict.status).toBe(409);
    expect((await publish(article('faq-cards', 3))).body.outcome).toBe('unchanged');
    const noToken = await api(shared.hub, 'POST', '/api/admin/articles', { body: article('x', 1) });
    expect(noToken.status).toBe(401);
  });

  it('resumes from its checkpoint after a restart and reads nothing twice', async () => {
    const dir = dirs.make();
    const first = client(dir, 60_000, false);
    first.sync.start();
    await waitFor('first pull', () => first.sync.status().lastPullAt);
    const checkpoint = (
      first.db.prepare("SELECT value FROM sync_state WHERE key = 'pull.articles.checkpoint'").get() as {
        value: string;
      }
    ).value;
    await first.sync.stop();
    first.db.close();
    kiosks.open.splice(0);

    await publish(article('faq-new-after-restart', 1));
    const afterCheckpoint = await api(shared.hub, 'GET', `/api/sync/pull?since=${checkpoint}`, {
      token: KIOSK_A.token,
    });
    expect(afterCheckpoint.body.articles.map((a: KnowledgeArticle) => a.id)).toEqual([
      'faq-new-after-restart',
    ]);

    const second = client(dir, 60_000, false);
    const before = second.sync.articles().length;
    expect(before).toBeGreaterThan(0); // offline copy survives the restart
    second.sync.start();
    await waitFor('resumed pull', () => second.sync.articles().some((a) => a.id === 'faq-new-after-restart'));
    expect(second.sync.articles().length).toBe(before + 1);
  });

  it('pulls at once when the hub publishes (realtime nudge), with polling far away', async () => {
    const { sync } = client(dirs.make(), 60_000, true);
    let notified = 0;
    sync.onArticles(() => (notified += 1));
    sync.start();
    await waitFor('realtime connected', () => sync.status().realtime === 'connected');
    await waitFor('catch-up pull', () => sync.status().lastPullAt);
    const seen = notified;
    await publish(article('faq-realtime', 1));
    await waitFor('nudged pull', () => sync.articles().some((a) => a.id === 'faq-realtime'));
    expect(notified).toBeGreaterThan(seen);
  });

  it('starts a kiosk over when its checkpoint is from a hub that was replaced', async () => {
    const all = await api(shared.hub, 'GET', '/api/sync/pull?since=', { token: KIOSK_A.token });
    const future = await api(shared.hub, 'GET', '/api/sync/pull?since=999999', { token: KIOSK_A.token });
    expect(future.body.articles.length).toBe(all.body.articles.length);
    expect(future.body.checkpoint).toBe(all.body.checkpoint);
  });

  it('rejects a bad checkpoint and an unknown kiosk', async () => {
    expect((await api(shared.hub, 'GET', '/api/sync/pull?since=abc', { token: KIOSK_A.token })).status).toBe(
      400,
    );
    expect((await api(shared.hub, 'GET', '/api/sync/pull?since=0', { token: 'wrong' })).status).toBe(401);
  });
});
