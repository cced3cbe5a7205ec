// Issue 18: the hub's escalation job runs by itself, on Node and on Deno (the job starts with the core,
// not in a runtime's entry). A hub started with a short period flags a ticket synced past its due time to
// the supervisors (an audit entry by `hub`, the list's `escalatedAt`) once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SLA, escalateOverdueTickets, Hlc } from '../src/index.ts';
import { KIOSK_A, SUPERVISOR, TempDirs, api, startTestHub, waitFor } from './helpers.ts';
import { denoHub } from './support/hub-runtimes.ts';
import { ticketCreate } from './support/store-contract-extra.ts';
import { ago } from './support/ticket-desk.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());

/** Syncs ticket t-old, created 90 minutes ago with an urgent priority: past every due time. */
async function pushOverdueTicket(hub: { url: string }): Promise<string> {
  const clock = new Hlc(KIOSK_A.id);
  const data = {
    ...ticketCreate('t-old', KIOSK_A.id),
    priority: 'urgent',
    createdAt: ago(90),
    updatedAt: ago(90),
  };
  const change = {
    id: ulid(),
    kioskId: KIOSK_A.id,
    entity: 'ticket',
    entityId: data.id,
    op: 'upsert',
    hlc: Hlc.serialize(clock.now()),
    data,
  };
  const pushed = await api(hub, 'POST', '/api/sync/push', {
    token: KIOSK_A.token,
    body: { changes: [change] },
  });
  expect(pushed.status).toBe(200);
  return data.createdAt;
}

describe('the escalation job', () => {
  it('flags an overdue ticket by itself, once (Node)', async () => {
    const hub = await startTestHub(dirs.make(), { ticketEscalationMs: 50 });
    try {
      const createdAt = await pushOverdueTicket(hub);
      const token = (await api(hub, 'POST', '/api/agent/login', { body: SUPERVISOR })).body.token as string;
      const flagged = await waitFor('the job to escalate t-old', async () => {
        const list = (await api(hub, 'GET', '/api/agent/tickets', { token })).body.tickets as {
          id: string;
          escalatedAt: string | null;
        }[];
        return list.find((t) => t.id === 't-old' && t.escalatedAt !== null);
      });
      expect(Date.parse(flagged.escalatedAt as string)).toBeGreaterThan(Date.parse(createdAt));
      // A later pass leaves it alone: one entry.
      expect(await escalateOverdueTickets(hub.store, DEFAULT_TICKET_SLA, Date.now())).toEqual([]);
      const entries = (await hub.store.listAudit(100)).filter((e) => e.action === 'ticket.escalate');
      expect(entries.map((e) => `${e.actor} ${e.subject}`)).toEqual(['hub t-old']);
    } finally {
      await hub.close();
    }
  });

  it('runs on Deno too, configured by HUB_TICKET_ESCALATION_S', async () => {
    const dataDir = dirs.make();
    const hub = await denoHub(dataDir, 30_000, { HUB_TICKET_ESCALATION_S: '1' });
    try {
      await pushOverdueTicket(hub);
      // The Deno hub's SQLite file, read beside it (WAL lets a reader in while the hub writes).
      const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const escalations = () =>
          db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'ticket.escalate'").all();
        await waitFor('the Deno hub to escalate t-old', () => escalations().length > 0);
        await new Promise((r) => setTimeout(r, 1500)); // another pass: still one entry
        expect(escalations()).toEqual([{ actor: 'hub', subject: 't-old' }]);
      } finally {
        db.close();
      }
    } finally {
      await hub.stop();
    }
  }, 40_000);
});
