// Issue 18: the hub's escalation job runs by itself. A hub started with a short period flags a ticket
// synced past its due time to the supervisors (the list's `escalatedAt`, an audit entry by `hub`) once.
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SLA, escalateOverdueTickets, Hlc } from '../src/index.ts';
import { KIOSK_A, SUPERVISOR, TempDirs, api, startTestHub, waitFor } from './helpers.ts';
import { ticketCreate } from './support/store-contract-extra.ts';
import { ago } from './support/ticket-desk.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());

describe('the escalation job', () => {
  it('flags an overdue ticket by itself, once', async () => {
    const hub = await startTestHub(dirs.make(), { ticketEscalationMs: 50 });
    try {
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
      expect(
        (await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: { changes: [change] } }))
          .status,
      ).toBe(200);
      const token = (await api(hub, 'POST', '/api/agent/login', { body: SUPERVISOR })).body.token as string;
      const flagged = await waitFor('the job to escalate t-old', async () => {
        const list = (await api(hub, 'GET', '/api/agent/tickets', { token })).body.tickets as {
          id: string;
          escalatedAt: string | null;
        }[];
        return list.find((t) => t.id === 't-old' && t.escalatedAt !== null);
      });
      expect(Date.parse(flagged.escalatedAt as string)).toBeGreaterThan(Date.parse(data.createdAt));
      // A later pass leaves it alone: one entry.
      expect(await escalateOverdueTickets(hub.store, DEFAULT_TICKET_SLA, Date.now())).toEqual([]);
      const entries = (await hub.store.listAudit(100)).filter((e) => e.action === 'ticket.escalate');
      expect(entries.map((e) => `${e.actor} ${e.subject}`)).toEqual(['hub t-old']);
    } finally {
      await hub.close();
    }
  });
});
