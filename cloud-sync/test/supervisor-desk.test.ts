// The supervisor's desk at the hub on real stores (SQLite and PostgreSQL): calls driven through the real
// handoff path with a stepped handoff clock fill the call-event log; the wallboard's figures from it;
// quality scores stored, reported per agent and audited; the CSV export (quoting, formula defusing,
// BOM, no card number) and its audit entry; the log refuses changes.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ulid } from 'ulid';
import {
  HandoffAcceptedSchema,
  openPostgresHubStore,
  openSqliteHubStore,
  type HandoffRequest,
  type WallboardResponse,
} from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, SUPERVISOR, TempDirs, api } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_supervisor');
const S = 1000;
const PLANTED_PAN = '6228480402564890';

describe.each(stores)('the supervisor desk (%s)', (_name, store) => {
  // The handoff core's clock, stepped by the tests; three hours back, so sessions (real clock) stay valid.
  const T0 = Math.floor((Date.now() - 3 * 3600 * S) / 60_000) * 60_000;
  const clock = { t: T0 };
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR], () => {
    clock.t = T0;
    return { handoff: { now: () => clock.t, maxOpenPerKiosk: 10, maxRequestsPerMinute: 100 } };
  });
  const at = (s: number) => (clock.t = T0 + s * S);
  const ask = async (kiosk: { token: string }, req: Partial<HandoffRequest> = {}) => {
    const body: HandoffRequest = {
      sessionId: `c-${ulid()}`,
      locale: 'en',
      reason: 'customer_request',
      ...req,
    };
    const res = await api(t.hub, 'POST', '/api/handoff/requests', { token: kiosk.token, body });
    const accepted = HandoffAcceptedSchema.parse(res.body);
    if (!accepted.queued) throw new Error('expected the request to be queued');
    const socket = await t.open(accepted.joinToken);
    await socket.next('ready');
    return { ...accepted, sessionId: body.sessionId, socket };
  };
  const board = async (token: string, query = 'window=hour&sl=20'): Promise<WallboardResponse> => {
    const res = await api(t.hub, 'GET', `/api/agent/supervisor/wallboard?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body as WallboardResponse;
  };

  /** A: answered in 10 s, 120 s talk. B (negative cue): answered after 120 s, 60 s talk. C: left. D: waits. */
  const script = async () => {
    const agent = await t.open(await t.login(AGENT));
    await agent.next('ready');
    at(0);
    const a = await ask(KIOSK_A);
    at(20);
    const b = await ask(KIOSK_B, { negativeCue: true });
    at(30);
    const c = await ask(KIOSK_A);
    // B's negative cue counts as 120 s more waiting: at 140 s B goes first, then A.
    at(60);
    c.socket.send({ t: 'cancel' });
    await c.socket.next('ended');
    at(140);
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(b.handoffId);
    at(200);
    agent.send({ t: 'end', notes: `=HYPERLINK("x") 客户卡号 ${PLANTED_PAN}`, resolved: true });
    await agent.next('ended');
    at(210);
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(a.handoffId);
    at(330);
    agent.send({ t: 'end', notes: 'card returned', resolved: true });
    await agent.next('ended');
    at(340);
    const d = await ask(KIOSK_B);
    at(400);
    // The hub's sweep refreshes a connected agent's presence row on the handoff clock; this clock jumped
    // past a sweep, so a presence message refreshes it before the board is read.
    agent.send({ t: 'presence', status: 'online' });
    await agent.next('queues');
    // Visits synced: A rated 5, B rated 2 with sustained negative cues in its emotion summary.
    const conv = (id: string, kioskId: string, extra: object) => ({
      id,
      kioskId,
      locale: 'en',
      startedAt: new Date(T0).toISOString(),
      ...extra,
    });
    expect((await t.push(KIOSK_A, 'conversation', conv(a.sessionId, KIOSK_A.id, { rating: 5 }))).status).toBe(
      200,
    );
    const emotion = {
      faceMs: 9000,
      cues: { angry: { count: 2, ms: 6000 } },
      dominant: 'angry',
      negativeSustained: true,
    };
    expect(
      (await t.push(KIOSK_B, 'conversation', conv(b.sessionId, KIOSK_B.id, { rating: 2, emotion }))).status,
    ).toBe(200);
    return { a, b, c, d };
  };

  it('counts the window from the call-event log and shows who waits and who works now', async () => {
    const { a, d } = await script();
    const sup = await t.login(SUPERVISOR);
    const w = await board(sup);
    // Offered 4; answered A (wait 210 s) and B (wait 120 s): neither within 20 s; C abandoned; D waits.
    expect(w.totals).toMatchObject({ offered: 4, answered: 2, answeredInTarget: 0, abandoned: 1, ended: 2 });
    expect(w.totals.serviceLevel).toBe(0);
    expect(w.totals.abandonRate).toBeCloseTo(1 / 3, 10);
    expect(w.totals.avgHandleS).toBe(90);
    expect(w.totals.longestAnsweredWaitS).toBe(210);
    expect(w.waiting).toEqual([
      { queue: 'agent', waiting: 1, longestWaitS: 60 },
      { queue: 'expert', waiting: 0, longestWaitS: 0 },
      { queue: 'risk', waiting: 0, longestWaitS: 0 },
    ]);
    expect(w.perQueue).toEqual([expect.objectContaining({ queue: 'agent', offered: 4 })]);
    expect(w.agents).toEqual([{ username: AGENT.username, role: 'agent', status: 'online' }]);
    expect(w.visits).toEqual({ count: 4, rated: 2, avgRating: 3.5, negative: 1, negativeShare: 0.25 });
    expect(w.series.starts).toHaveLength(12);
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    expect(sum(w.series.offered)).toBe(4);
    expect(sum(w.series.abandoned)).toBe(1);
    expect(sum(w.series.answered)).toBe(2);
    // A longer threshold takes both answers in; the day's window holds the same calls.
    const loose = await board(sup, 'window=day&sl=300');
    expect(loose.totals).toMatchObject({ answeredInTarget: 2, serviceLevel: 2 / 3 });
    expect(loose.series.starts).toHaveLength(24);
    // An hour later the window has moved past them: D alone is in the next hour's log... and still waiting.
    at(400 + 3600);
    const later = await board(sup);
    expect(later.totals.offered).toBe(0);
    expect(later.waiting[0]).toMatchObject({ waiting: 1, longestWaitS: 3600 + 60 });
    expect((await t.hub.store.supervisor.events.ofHandoff(a.handoffId)).map((e) => e.type)).toEqual([
      'enqueued',
      'answered',
      'ended',
    ]);
    expect(d.handoffId).toBeTruthy();
  });

  it('is for supervisors only, and refuses a bad window or threshold', async () => {
    const agent = await t.login(AGENT);
    const sup = await t.login(SUPERVISOR);
    const path = '/api/agent/supervisor/wallboard';
    expect((await api(t.hub, 'GET', path, { token: agent })).status).toBe(403);
    expect((await api(t.hub, 'GET', `${path}?window=year`, { token: sup })).status).toBe(400);
    expect((await api(t.hub, 'GET', `${path}?sl=0`, { token: sup })).status).toBe(400);
    expect((await api(t.hub, 'GET', '/api/agent/supervisor/export/calls', { token: agent })).status).toBe(
      403,
    );
  });

  it('stores a quality score of a recorded call, reports it per agent, and audits it', async () => {
    const sup = await t.login(SUPERVISOR);
    const rec = { id: ulid(), handoffId: 'h-1', kioskId: KIOSK_A.id, agent: AGENT.username };
    await t.hub.store.recordings.create({
      ...rec,
      startedAt: new Date().toISOString(),
      mime: 'video/webm',
      deleteAfter: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const sheet = { recordingId: rec.id, greeting: 2, identityCheck: 1, suitability: null, resolution: 2 };
    const path = '/api/agent/supervisor/scores';
    const bad = await api(t.hub, 'POST', path, { token: sup, body: { ...sheet, greeting: 3 } });
    expect(bad.status).toBe(400);
    const none = await api(t.hub, 'POST', path, { token: sup, body: { ...sheet, recordingId: 'nope' } });
    expect(none.status).toBe(404);
    const first = await api(t.hub, 'POST', path, { token: sup, body: { ...sheet, notes: 'polite' } });
    expect(first.status).toBe(201);
    expect(first.body.score).toMatchObject({
      agent: AGENT.username,
      scorer: SUPERVISOR.username,
      percent: 83.3,
    });
    const second = { ...sheet, greeting: 0, suitability: 2 };
    expect((await api(t.hub, 'POST', path, { token: sup, body: second })).status).toBe(201);
    const report = await api(t.hub, 'GET', path, { token: sup });
    expect(report.body.agents).toEqual([
      {
        agent: AGENT.username,
        scored: 2,
        avgPercent: 72.9,
        greeting: 1,
        identityCheck: 1,
        suitability: 2,
        resolution: 2,
      },
    ]);
    expect(report.body.recent).toHaveLength(2);
    const audit = await api(t.hub, 'GET', '/api/agent/audit', { token: sup });
    const scored = audit.body.entries.filter((e: { action: string }) => e.action === 'quality.score');
    expect(scored).toHaveLength(2);
    expect(scored[0]).toMatchObject({ actor: SUPERVISOR.username, subject: rec.id });
  });

  it('exports calls, tickets and scores as CSV for Excel, safely, and audits the export', async () => {
    const { a, b } = await script();
    const sup = await t.login(SUPERVISOR);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const range = `from=${day(T0)}&to=${day(Date.now())}`;
    const get = async (kind: string) => {
      const res = await fetch(`${t.hub.url}/api/agent/supervisor/export/${kind}?${range}`, {
        headers: { authorization: `Bearer ${sup}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return new TextDecoder().decode(bytes.slice(3));
    };
    const calls = (await get('calls')).split('\r\n');
    expect(calls[0]).toMatch(/^"handoff_id","queue",/);
    const lineA = calls.find((l) => l.startsWith(`"${a.handoffId}"`));
    expect(lineA).toContain(`,"ended","ticket_filed",0,0,no,5`);
    expect(lineA).toContain(`,210,`);
    const lineB = calls.find((l) => l.startsWith(`"${b.handoffId}"`));
    expect(lineB).toContain(',"ended","ticket_filed",0,0,yes,2');
    expect(calls.filter((l) => l.includes('"abandoned","left_queue"'))).toHaveLength(1);
    expect(calls.filter((l) => l.includes(',"open",'))).toHaveLength(1);

    const tickets = await get('tickets');
    expect(tickets).not.toContain(PLANTED_PAN);
    expect(tickets).toContain(`"'=HYPERLINK(""x"") 客户卡号 ************4890"`);
    expect(tickets).toContain('"card returned"');
    const scores = await get('scores');
    expect(scores.split('\r\n')[0]).toMatch(/^"id","recording_id","handoff_id","agent","scorer",/);

    const bad = await api(t.hub, 'GET', '/api/agent/supervisor/export/calls?from=2026-13-01&to=x', {
      token: sup,
    });
    expect(bad.status).toBe(400);
    const audit = await api(t.hub, 'GET', '/api/agent/audit', { token: sup });
    const exports = audit.body.entries.filter((e: { action: string }) => e.action === 'export.csv');
    expect(exports.map((e: { subject: string }) => e.subject).sort()).toEqual(['calls', 'scores', 'tickets']);
  });
});

describe.each(stores)('the call-event log (%s)', (_name, choice) => {
  it('refuses UPDATE and DELETE', async () => {
    const c = choice();
    const event = {
      id: ulid(),
      handoffId: 'h-1',
      type: 'enqueued' as const,
      at: new Date().toISOString(),
      queue: 'agent',
      kioskId: KIOSK_A.id,
      conversationId: 'c-1',
      agent: null,
      waitMs: null,
      handleMs: null,
      negativeCue: false,
      reason: null,
    };
    const statements = ["UPDATE call_events SET queue = 'risk'", 'DELETE FROM call_events'];
    if (c.kind === 'sqlite') {
      const file = join(dirs.make(), 'hub.sqlite');
      const store = openSqliteHubStore(file);
      await store.supervisor.events.append(event);
      await store.close();
      const db = new Database(file);
      for (const sql of statements) expect(() => db.prepare(sql).run()).toThrow(/append-only/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM call_events').get()).toEqual({ n: 1 });
      db.close();
      return;
    }
    const store = await openPostgresHubStore({ url: c.url, schema: c.schema ?? 'public' });
    await store.supervisor.events.append(event);
    await store.supervisor.events.append(event); // the same id again: once
    await store.close();
    const client = new pg.Client({ connectionString: c.url });
    await client.connect();
    try {
      await client.query(`SET search_path = ${c.schema ?? 'public'}`);
      for (const sql of statements) await expect(client.query(sql)).rejects.toThrow(/append-only/);
      expect((await client.query('SELECT COUNT(*)::int AS n FROM call_events')).rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
  });
});
