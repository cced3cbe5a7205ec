// Push path end to end: a real kiosk client on a real SQLite file against a real hub.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Hlc, openKioskSync, type KioskSync, type RunningHub } from '../src/index.ts';
import { ulid } from 'ulid';
import {
  SUPERVISOR,
  KIOSK_A,
  KIOSK_B,
  TempDirs,
  api,
  conversation,
  message,
  openKioskDb,
  startTestHub,
  waitFor,
} from './helpers.ts';

const dirs = new TempDirs();
let hub: RunningHub;
let db: Database.Database;
let sync: KioskSync | null = null;

beforeAll(async () => {
  hub = await startTestHub(dirs.make());
});
afterEach(async () => {
  await sync?.stop();
  sync = null;
  db?.close();
});
afterAll(async () => {
  await hub.close();
  dirs.cleanup();
});

function envelope(kioskId: string, data: ReturnType<typeof conversation>) {
  const hlc = Hlc.serialize(new Hlc(kioskId).now());
  return { id: ulid(), kioskId, entity: 'conversation', entityId: data.id, op: 'upsert', hlc, data };
}

describe('push', () => {
  it('delivers a conversation and its messages written in one local transaction', async () => {
    db = openKioskDb(dirs.make());
    db.exec('CREATE TABLE app_conversations (id TEXT PRIMARY KEY)');
    sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token, realtime: false });
    const conv = conversation(KIOSK_A.id, '2026-11-25T10:00:00.000Z');
    const msgs = [
      message(conv.id, 'What are your opening hours?', '2026-11-25T10:00:01.000Z'),
      message(conv.id, 'Monday to Friday 9:00-17:00.', '2026-11-25T10:00:02.000Z', 'bot'),
    ];
    const out = sync.outbox;
    db.transaction(() => {
      db.prepare('INSERT INTO app_conversations (id) VALUES (?)').run(conv.id);
      out.enqueue({ entity: 'conversation', data: conv });
      for (const m of msgs) out.enqueue({ entity: 'message', data: m });
    })();
    expect(sync.status().pending).toBe(3);
    sync.start();
    sync.nudge();
    await waitFor('outbox drained', () => sync?.status().pending === 0);
    expect(sync.status().lastSuccessAt).not.toBeNull();

    const login = await api(hub, 'POST', '/api/agent/login', { body: SUPERVISOR });
    const detail = await api(hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: login.body.token });
    expect(detail.status).toBe(200);
    expect(detail.body.conversation).toEqual(conv);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).toEqual(msgs.map((m) => m.text));
  });

  it('delivers device events once and refuses one that names another kiosk', async () => {
    db = openKioskDb(dirs.make());
    sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token, realtime: false });
    const event = {
      id: `e-${ulid()}`,
      kioskId: KIOSK_A.id,
      at: '2026-11-25T10:05:00.000Z',
      source: 'safety',
      type: 'safety.transition',
      severity: 'warning' as const,
      message: 'READY -> PROTECTIVE_STOP',
      data: { from: 'READY', to: 'PROTECTIVE_STOP', cause: 'presence' },
    };
    const before = (await hub.store.stats()).deviceEvents;
    sync.outbox.enqueue({ entity: 'device_event', data: event });
    expect(() =>
      sync?.outbox.enqueue({
        entity: 'device_event',
        data: { ...event, id: 'e-other', kioskId: KIOSK_B.id },
      }),
    ).toThrow(/belongs to kiosk kiosk-b/);
    sync.start();
    await waitFor('event delivered', () => sync?.status().pending === 0);
    expect((await hub.store.stats()).deviceEvents).toBe(before + 1);

    const hlc = Hlc.serialize(new Hlc(KIOSK_A.id).now());
    const forged = { ...event, id: 'e-forged', kioskId: KIOSK_B.id };
    const change = {
      id: ulid(),
      kioskId: KIOSK_A.id,
      entity: 'device_event',
      entityId: forged.id,
      op: 'upsert',
      hlc,
      data: forged,
    };
    const res = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [change] },
    });
    expect(res.status).toBe(403);
  });

  it('keeps batches of long Chinese messages under the hub body limit', async () => {
    db = openKioskDb(dirs.make());
    sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token, realtime: false });
    const conv = conversation(KIOSK_A.id, '2026-11-25T14:00:00.000Z', { locale: 'zh-CN' });
    const out = sync.outbox;
    // 200 x 4000 characters = 800k characters but 2.4 MB of UTF-8.
    db.transaction(() => {
      out.enqueue({ entity: 'conversation', data: conv });
      for (let i = 0; i < 200; i++) {
        out.enqueue({
          entity: 'message',
          data: message(conv.id, '转账'.repeat(2000), '2026-11-25T14:00:01.000Z'),
        });
      }
    })();
    const before = (await hub.store.stats()).messages;
    sync.start();
    await waitFor('long backlog drained', () => sync?.status().pending === 0);
    expect(sync.status().lastError).toBeNull();
    expect((await hub.store.stats()).messages).toBe(before + 200);
    expect((await api(hub, 'GET', '/metrics')).body).not.toMatch(/status="413"/);
  });

  it('rolls the outbox entry back with the caller transaction', () => {
    db = openKioskDb(dirs.make());
    sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token, realtime: false });
    const out = sync.outbox;
    expect(() =>
      db.transaction(() => {
        out.enqueue({ entity: 'conversation', data: conversation(KIOSK_A.id, '2026-11-25T10:00:00.000Z') });
        throw new Error('caller failed');
      })(),
    ).toThrow('caller failed');
    expect(sync.status().pending).toBe(0);
  });

  it('survives the caller closing the database before stop()', async () => {
    db = openKioskDb(dirs.make());
    sync = openKioskSync(db, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token, realtime: false });
    const seen: number[] = [];
    sync.onStatus((s) => seen.push(s.pending));
    sync.outbox.enqueue({
      entity: 'conversation',
      data: conversation(KIOSK_A.id, '2026-11-25T10:30:00.000Z'),
    });
    sync.start();
    sync.nudge();
    await waitFor('drained', () => sync?.status().pending === 0);
    expect(seen).toContain(0);
    db.close();
    sync.nudge();
    await sync.stop();
    expect(sync.status()).toMatchObject({ state: 'stopped', pending: 0 });
  });

  it('refuses a database that cannot run in WAL mode', () => {
    const memory = new Database(':memory:');
    expect(() =>
      openKioskSync(memory, { hubUrl: hub.url, kioskId: KIOSK_A.id, token: KIOSK_A.token }),
    ).toThrow(/WAL/);
    memory.close();
  });

  it('applies a re-pushed batch once and reports the duplicates', async () => {
    const data = conversation(KIOSK_A.id, '2026-11-25T11:00:00.000Z');
    const batch = { changes: [envelope(KIOSK_A.id, data)] };
    const before = (await hub.store.stats()).changes;
    const first = await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: batch });
    const second = await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: batch });
    expect(first.status).toBe(200);
    expect(first.body.applied).toEqual([batch.changes[0]?.id]);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ applied: [], duplicates: [batch.changes[0]?.id] });
    expect((await hub.store.stats()).changes).toBe(before + 1);
  });

  it('accepts changes from a kiosk whose clock runs far ahead without adopting its clock', async () => {
    const data = conversation(KIOSK_A.id, '2026-11-25T11:30:00.000Z');
    const ahead = Hlc.serialize({ wall: Date.now() + 3600_000, counter: 0, node: KIOSK_A.id });
    const change = { ...envelope(KIOSK_A.id, data), hlc: ahead };
    const res = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [change] },
    });
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([change.id]);
    expect(Hlc.parse(res.body.hlc).wall).toBeLessThan(Date.now() + 60_000);
    expect((await api(hub, 'GET', '/metrics')).body).toContain('hub_clock_drift_total 1');
  });

  it('answers 401 to a wrong token and 403 to a change for another kiosk', async () => {
    const data = conversation(KIOSK_B.id, '2026-11-25T12:00:00.000Z');
    const wrong = await api(hub, 'POST', '/api/sync/push', { token: 'nope', body: { changes: [] } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    const foreign = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [envelope(KIOSK_B.id, data)] },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('foreign_kiosk');
  });

  it("answers 403 when a kiosk overwrites another kiosk's record, applying nothing", async () => {
    const owned = conversation(KIOSK_B.id, '2026-11-25T12:30:00.000Z');
    const ok = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_B.token,
      body: { changes: [envelope(KIOSK_B.id, owned)] },
    });
    expect(ok.status).toBe(200);
    const before = await hub.store.stats();
    const fresh = conversation(KIOSK_A.id, '2026-11-25T12:31:00.000Z');
    const hijack = { ...owned, kioskId: KIOSK_A.id };
    const res = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [envelope(KIOSK_A.id, fresh), envelope(KIOSK_A.id, hijack)] },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('foreign_record');
    expect(await hub.store.stats()).toEqual(before);
  });

  it('answers 413 to an oversize body', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const res = await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });

  it('answers 400 to a malformed batch and applies none of it', async () => {
    const before = await hub.store.stats();
    const good = envelope(KIOSK_A.id, conversation(KIOSK_A.id, '2026-11-25T13:00:00.000Z'));
    const bad = {
      ...envelope(KIOSK_A.id, conversation(KIOSK_A.id, '2026-11-25T13:01:00.000Z')),
      id: 'not-a-ulid',
    };
    const res = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [good, bad] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(res.body.error.message).toContain('changes.1.id');
    const notJson = await api(hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      rawBody: '{"changes": [',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_json');
    const tooMany = { changes: Array.from({ length: 501 }, () => good) };
    expect((await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: tooMany })).status).toBe(
      400,
    );
    expect(await hub.store.stats()).toEqual(before);
  });
});
