// The sync smoke test, run against any hub by URL (Node in-process, Deno child process): a kiosk
// pushes a conversation, a ticket and a device event, receives the seeded knowledge, and hears a new
// article through the realtime nudge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { ulid } from 'ulid';
import { openKioskSync, type HubStore } from '../../src/index.ts';
import { waitFor } from '../helpers.ts';
import { ticketCreate } from './store-contract-extra.ts';

export async function runSyncSmoke(
  hubUrl: string,
  kiosk: { id: string; token: string },
  operatorToken: string,
  /** A connection to the hub's own store, to check what arrived. */
  store: HubStore,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-sync-smoke-'));
  const db = new Database(join(dir, 'kiosk.sqlite'));
  const sync = openKioskSync(db, { hubUrl, kioskId: kiosk.id, token: kiosk.token, pullIntervalMs: 600_000 });
  try {
    const conv = {
      id: `c-${ulid()}`,
      kioskId: kiosk.id,
      locale: 'zh-CN' as const,
      startedAt: new Date().toISOString(),
    };
    const msg = {
      id: `m-${ulid()}`,
      conversationId: conv.id,
      role: 'customer' as const,
      text: '营业时间？',
      at: conv.startedAt,
    };
    db.transaction(() => {
      sync.outbox.enqueue({ entity: 'conversation', data: conv });
      sync.outbox.enqueue({ entity: 'message', data: msg });
      sync.outbox.enqueue({ entity: 'ticket', data: ticketCreate(`t-${ulid()}`, kiosk.id) });
      sync.outbox.enqueue({
        entity: 'device_event',
        data: {
          id: `e-${ulid()}`,
          kioskId: kiosk.id,
          at: conv.startedAt,
          source: 'printer',
          type: 'printer.jam',
          severity: 'error',
          message: 'jam',
        },
      });
    })();
    sync.start();
    await waitFor('outbox drained', () => sync.status().pending === 0, 15_000);
    await waitFor(
      'seeded knowledge',
      () => sync.articles().length > 0 && sync.status().realtime === 'connected',
      15_000,
    );
    const detail = await store.getConversation(conv.id);
    expect(detail?.messages.map((m) => m.text)).toEqual(['营业时间？']);
    expect((await store.changeIdsOf(kiosk.id)).length).toBe(4);

    const article = {
      id: `smoke-${Date.now()}`,
      version: 1,
      locale: 'en',
      title: 'Smoke',
      body: 'Published during the smoke test.',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    const res = await fetch(`${hubUrl}/api/admin/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(article),
    });
    expect(res.status).toBe(201);
    await waitFor(
      'nudged pull of the new article',
      () => sync.articles().some((a) => a.id === article.id),
      15_000,
    );
  } finally {
    await sync.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
