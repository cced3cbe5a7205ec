// Consent in the hub's audit log (issue 14, "Also"): the kiosk page says the customer gave or refused
// the camera or the call's recording (Session.Consent); the agent writes it to its SQLite outbox, so it
// survives a hub outage, and the hub records each as one audit entry a supervisor reads: the kind,
// the kiosk and the visit, never card data.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type AuditEntry, type RunningHub } from '@branch/cloud-sync';
import { postJson, waitFor, type Harness, type KioskClient } from './harness.ts';
import { startCardRead } from './support/card-read.ts';
import { startKioskHarness, type KioskHarness } from './support/kiosk-harness.ts';

const SUPERVISOR = { username: 'sup.audit', password: 'audit pass 51', role: 'supervisor' as const };
let k: KioskHarness;
let h: Harness;
let c: KioskClient;
let back: RunningHub | null = null;

beforeAll(async () => {
  k = await startKioskHarness();
  ({ h, c } = k);
});
afterAll(async () => {
  await back?.close();
  await k?.close();
});

describe('consent audit', () => {
  it('carries camera and recording consents from the kiosk to the hub audit log, across a hub outage', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    // The customer identifies first: the card's number must not reach the audit log.
    await startCardRead(c, 700, sessionId, 5000);
    expect((await postJson(`${h.agent.url}/sim/api/card`, { cardId: 'mastercard-vip' })).status).toBe(202);
    const masked = (await c.completion(700)).payload.card as { maskedPan: string };

    const given = await c.command('Session.Consent', { sessionId, kind: 'camera', given: true });
    expect(given.payload.completionCode).toBe('success');
    const hubUrl = new URL(h.hub.url);
    await h.hub.close();
    // The hub is down: the refusal waits in the kiosk's outbox.
    const refused = await c.command('Session.Consent', { sessionId, kind: 'recording', given: false });
    expect(refused.payload.completionCode).toBe('success');
    const bad = await c.command('Session.Consent', { sessionId, kind: 'microphone', given: true });
    expect(bad.payload.completionCode).toBe('invalidMessage');
    const unknown = await c.command('Session.Consent', { sessionId: 'nope', kind: 'camera', given: true });
    expect(unknown.payload).toMatchObject({ errorCode: 'unknownSession' });

    // The hub comes back on the same address and store, with a supervisor account.
    back = await startHub({
      host: '127.0.0.1',
      port: Number(hubUrl.port),
      dataDir: join(h.dir, 'hub'),
      seed: { agents: [{ ...SUPERVISOR, displayName: 'Sup Audit' }] },
      passwordIterations: 1000,
    });
    const hub = back;
    const consents = await waitFor(
      async () => {
        const all = await hub.store.listAudit(100);
        const mine = all.filter((e) => e.action.startsWith('consent.'));
        return mine.length >= 2 ? mine : undefined;
      },
      20_000,
      'both consents in the audit log',
    );
    const pick = (e: AuditEntry) => [e.action, e.subject, e.kioskId, e.detail, e.actor];
    expect(consents.map(pick).sort()).toEqual([
      ['consent.given', sessionId, 'kiosk-t1', 'camera', 'kiosk-t1/customer'],
      ['consent.refused', sessionId, 'kiosk-t1', 'recording', 'kiosk-t1/customer'],
    ]);

    // The supervisor's Audit tab reads the same entries through the agent API.
    const login = await fetch(`${hub.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SUPERVISOR),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${hub.url}/api/agent/audit`, { headers: { authorization: `Bearer ${token}` } });
    const listed = ((await res.json()) as { entries: AuditEntry[] }).entries;
    expect(
      listed
        .filter((e) => e.action.startsWith('consent.'))
        .map(pick)
        .sort(),
    ).toEqual(consents.map(pick).sort());
    const digits = masked.maskedPan.replace(/\D/g, '');
    expect(JSON.stringify(listed)).not.toContain(masked.maskedPan);
    expect(JSON.stringify(listed)).not.toContain(digits);
  });
});
