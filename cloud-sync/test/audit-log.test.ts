// The hub's audit log (issue 14, "Also"), on SQLite and PostgreSQL: who read which conversation or call
// record, who published an article or changed routing, which technician reset a safety stop (reported
// by the kiosk as a synced device event, recorded once); shown to supervisors only; append-only in the
// database itself.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { openPostgresHubStore, openSqliteHubStore, type AuditEntry, type HubStore } from '../src/index.ts';
import { AGENT, KIOSK_A, OPERATOR_TOKEN, SUPERVISOR, TempDirs, api, conversation } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { createTestDatabase, freshSchema, hubStoresUnderTest } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_audit');

describe.each(stores)('audit log at the hub (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR]);
  const auditAs = async (token: string) => api(t.hub, 'GET', '/api/agent/audit', { token });

  it('records who read which conversation and call record; only supervisors read the log', async () => {
    const conv = conversation(KIOSK_A.id, new Date().toISOString());
    expect((await t.push(KIOSK_A, 'conversation', conv)).status).toBe(200);
    const ticket = { ...ticketCreate(`t-${ulid()}`, KIOSK_A.id), kind: 'customer', assignee: AGENT.username };
    expect((await t.push(KIOSK_A, 'ticket', ticket)).status).toBe(200);
    const sup = await t.login(SUPERVISOR);
    expect((await api(t.hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: sup })).status).toBe(200);
    const agent = await t.login(AGENT);
    expect((await api(t.hub, 'GET', `/api/agent/tickets/${ticket.id}`, { token: agent })).status).toBe(200);
    // A refused read is not a read.
    expect((await api(t.hub, 'GET', `/api/agent/conversations/${conv.id}`, { token: agent })).status).toBe(
      403,
    );

    expect((await auditAs(agent)).status).toBe(403);
    const log = await auditAs(sup);
    expect(log.status).toBe(200);
    const entries = log.body.entries as AuditEntry[];
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      [AGENT.username, 'ticket.read', ticket.id],
      [SUPERVISOR.username, 'conversation.read', conv.id],
    ]);
    expect(entries[1]?.kioskId).toBe(KIOSK_A.id);
  });

  it('records a routing-rule change by the operator and a safety reset reported by the kiosk, once', async () => {
    const rule = { id: 'risky', version: 1, enabled: true, priority: 1, match: {}, route: { to: 'risk' } };
    const published = await api(t.hub, 'POST', '/api/admin/routing-rules', {
      token: OPERATOR_TOKEN,
      body: rule,
    });
    expect(published.status).toBe(201);
    const reset = {
      id: `e-${ulid()}`,
      kioskId: KIOSK_A.id,
      at: new Date().toISOString(),
      source: 'safety',
      type: 'safety.transition',
      severity: 'info',
      message: 'ESTOP -> READY (technician_reset:li.wei)',
      data: { from: 'ESTOP', to: 'READY', cause: 'technician_reset:li.wei' },
    };
    expect((await t.push(KIOSK_A, 'device_event', reset)).status).toBe(200);
    // The same event again under a new change id (a kiosk replaying its outbox): still one entry.
    expect((await t.push(KIOSK_A, 'device_event', reset)).status).toBe(200);
    const entries = (await auditAs(await t.login(SUPERVISOR))).body.entries as AuditEntry[];
    expect(entries.filter((e) => e.action === 'safety.reset')).toEqual([
      expect.objectContaining({ actor: `${KIOSK_A.id}/li.wei`, subject: 'ESTOP', kioskId: KIOSK_A.id }),
    ]);
    expect(entries.filter((e) => e.action === 'routing.change')).toEqual([
      expect.objectContaining({ actor: 'operator', subject: 'risky', detail: 'version 1' }),
    ]);
  });

  it('records each article publish, by the operator and by a supervisor in the console, once', async () => {
    const article = {
      id: 'faq-audited',
      version: 1,
      locale: 'en',
      title: 'Audited',
      body: 'Who published me?',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    const admin = (body: unknown) =>
      api(t.hub, 'POST', '/api/admin/articles', { token: OPERATOR_TOKEN, body });
    expect((await admin(article)).status).toBe(201);
    // The same version again is no publish, and not recorded as one.
    expect((await admin(article)).status).toBe(200);
    const sup = await t.login(SUPERVISOR);
    const { version: _v, ...draft } = article;
    const edit = { baseVersion: 1, article: { ...draft, body: 'A supervisor did.' } };
    expect((await api(t.hub, 'POST', '/api/agent/articles', { token: sup, body: edit })).status).toBe(201);
    const entries = (await auditAs(sup)).body.entries as AuditEntry[];
    expect(
      entries.filter((e) => e.action === 'article.publish').map((e) => [e.actor, e.subject, e.detail]),
    ).toEqual([
      [SUPERVISOR.username, 'faq-audited (en)', 'version 2'],
      ['operator', 'faq-audited (en)', 'version 1'],
    ]);
  });

  it('records a customer consent reported by the kiosk once, with its kind and visit only', async () => {
    const event = (type: string, data: Record<string, string>) => ({
      id: `e-${ulid()}`,
      kioskId: KIOSK_A.id,
      at: new Date().toISOString(),
      source: 'session',
      type,
      severity: 'info',
      message: 'consent',
      data,
    });
    const camera = event('consent.given', { kind: 'camera', conversationId: 'c-visit-1' });
    expect((await t.push(KIOSK_A, 'device_event', camera)).status).toBe(200);
    expect((await t.push(KIOSK_A, 'device_event', camera)).status).toBe(200);
    const recording = event('consent.refused', { kind: 'recording', conversationId: 'c-visit-1' });
    expect((await t.push(KIOSK_A, 'device_event', recording)).status).toBe(200);
    // A consent of no known kind, or without its visit, is no audit entry.
    const odd = event('consent.given', { kind: 'fingerprint', conversationId: 'c-visit-1' });
    expect((await t.push(KIOSK_A, 'device_event', odd)).status).toBe(200);
    const noVisit = event('consent.refused', { kind: 'camera' });
    expect((await t.push(KIOSK_A, 'device_event', noVisit)).status).toBe(200);
    const entries = (await auditAs(await t.login(SUPERVISOR))).body.entries as AuditEntry[];
    const consents = entries.filter((e) => e.action.startsWith('consent.'));
    expect(consents.map((e) => [e.action, e.actor, e.subject, e.kioskId, e.detail]).sort()).toEqual([
      ['consent.given', `${KIOSK_A.id}/customer`, 'c-visit-1', KIOSK_A.id, 'camera'],
      ['consent.refused', `${KIOSK_A.id}/customer`, 'c-visit-1', KIOSK_A.id, 'recording'],
    ]);
  });
});

describe('audit log is append-only in the database', () => {
  const entry: AuditEntry = {
    id: 'a-1',
    at: '2026-12-05T10:00:00.000Z',
    actor: 'sup.1',
    action: 'conversation.read',
    subject: 'c-1',
    detail: 'role supervisor',
  };
  const tryTamper = async (run: (sql: string) => Promise<unknown>) => {
    await expect(run("UPDATE audit_log SET actor = 'nobody'")).rejects.toThrow(/append-only/);
    await expect(run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  };
  const appendAndList = async (s: HubStore) => {
    await s.appendAudit(entry);
    await s.appendAudit(entry);
    expect(await s.listAudit(10)).toEqual([entry]);
  };

  it('on SQLite', async () => {
    const file = join(dirs.make(), 'hub.sqlite');
    const s = openSqliteHubStore(file);
    try {
      await appendAndList(s);
      const raw = new Database(file);
      await tryTamper(async (sql) => raw.exec(sql));
      raw.close();
      expect(await s.listAudit(10)).toEqual([entry]);
    } finally {
      await s.close();
    }
  });

  it('on PostgreSQL', async () => {
    const db = await createTestDatabase('cloud_sync_audit_raw');
    const schema = freshSchema();
    const s = await openPostgresHubStore({ url: db.url, schema, poolSize: 2 });
    const raw = new pg.Client({ connectionString: db.url });
    try {
      await appendAndList(s);
      await raw.connect();
      await raw.query(`SET search_path TO ${schema}`);
      await tryTamper((sql) => raw.query(sql));
      expect(await s.listAudit(10)).toEqual([entry]);
    } finally {
      await raw.end();
      await s.close();
      await db.drop();
    }
  });
});
