// Issue 14, found by the HTTP fuzz (fuzz-hub-http.test.ts), kept as plain regressions on both stores:
// a document version beyond PostgreSQL's INTEGER and a NUL character (which PostgreSQL's text refuses)
// were 500s on PostgreSQL; both are invalid input, answered 400 on every store, nothing applied.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc, MAX_DOC_VERSION, type RunningHub } from '../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN, SUPERVISOR, TempDirs, api, startTestHub } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());

const article = (version: number) => ({
  id: 'faq-versions',
  version,
  locale: 'en',
  title: 'Versions',
  body: 'How far a version may go.',
  tags: [],
  effectiveFrom: '2026-01-01T00:00:00.000Z',
});

describe.each(hubStoresUnderTest('cloud_sync_hostile'))('hostile input on %s', (_name, store) => {
  let hub: RunningHub;
  let supervisor: string;
  beforeAll(async () => {
    hub = await startTestHub(dirs.make(), { store: store() });
    const login = await api(hub, 'POST', '/api/agent/login', { body: SUPERVISOR });
    supervisor = (login.body as { token: string }).token;
  });
  afterAll(async () => {
    await hub?.close();
  });
  const admin = (path: string, body: unknown) => api(hub, 'POST', path, { token: OPERATOR_TOKEN, body });

  it('refuses a document version beyond 2^31-1 with 400 and takes MAX_DOC_VERSION', async () => {
    const over = MAX_DOC_VERSION + 1;
    expect((await admin('/api/admin/articles', article(over))).status).toBe(400);
    expect(
      (await admin('/api/admin/config', { key: 'idle.timeout_s', version: over, value: 90 })).status,
    ).toBe(400);
    const rule = { id: 'r1', version: over, enabled: true, priority: 1, match: {}, route: { to: 'agent' } };
    expect((await admin('/api/admin/routing-rules', rule)).status).toBe(400);
    expect((await admin('/api/admin/articles', article(MAX_DOC_VERSION))).status).toBe(201);
  });

  it('refuses a NUL in a path with 400', async () => {
    for (const path of ['/api/agent/conversations/%00', '/api/agent/tickets/c%00x']) {
      const res = await api(hub, 'GET', path, { token: supervisor });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_path');
    }
  });

  it('refuses a NUL anywhere in a JSON body with 400, and applies nothing of it', async () => {
    const id = 'c-nul\u0000';
    const change = {
      id: ulid(),
      kioskId: KIOSK_A.id,
      entity: 'conversation',
      entityId: id,
      op: 'upsert',
      hlc: Hlc.serialize(new Hlc(KIOSK_A.id).now()),
      data: { id, kioskId: KIOSK_A.id, locale: 'en', startedAt: '2026-01-01T00:00:00.000Z' },
    };
    const push = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [change] },
    });
    expect(push.status).toBe(400);
    expect(push.body.error.message).toMatch(/^changes\.0\.(entityId|data\.id): NUL/);
    const login = await api(hub, 'POST', '/api/agent/login', {
      body: { username: 'a\u0000', password: 'x' },
    });
    expect(login.status).toBe(400);
    const list = await api(hub, 'GET', '/api/agent/conversations', { token: supervisor });
    expect(list.body.conversations).toEqual([]);
  });
});
