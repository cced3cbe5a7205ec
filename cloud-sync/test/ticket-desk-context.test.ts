// Issue 18, what a ticket on the desk links to, on real SQLite and PostgreSQL: a device fault's failed
// runbook steps, the kiosk's health and the device's events; a customer ticket's call recordings.
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRunbookSteps } from '../src/index.ts';
import { AGENT, KIOSK_A, SUPERVISOR, TempDirs, conversation } from './helpers.ts';
import { ago, deskHubPerTest } from './support/ticket-desk.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_ticket_context');
describe.each(stores)('a ticket’s context on the desk (%s)', (_name, store) => {
  const { t, call, push } = deskHubPerTest(dirs, store);

  it('shows a device fault’s failed runbook steps, the kiosk’s health and the device’s events', async () => {
    const at = ago(3);
    const ticket = { ...ticketCreate('t-fault', KIOSK_A.id), device: 'arm', createdAt: at, updatedAt: at };
    await push('ticket', ticket);
    const steps = [
      { index: 1, label: 'Home the arm', status: 'succeeded', attempts: 1, ms: 900 },
      {
        index: 2,
        label: 'Press the printer door',
        status: 'failed',
        attempts: 3,
        ms: 4000,
        message: 'joint 2 stalled',
      },
    ];
    const event = (
      type: string,
      when: string,
      data: Record<string, string | number | null>,
      source = 'runbook',
    ) => ({
      id: ulid(),
      kioskId: KIOSK_A.id,
      at: when,
      source,
      type,
      severity: 'error',
      message: `${type} happened`,
      data,
    });
    await push(
      'device_event',
      event('runbook.result', at, {
        runId: 'run-9',
        runbookId: 'printer-door',
        status: 'failed',
        failedStep: 2,
        ticketId: 't-fault',
        ...encodeRunbookSteps(steps),
      }),
    );
    await push('device_event', event('arm.fault', ago(4), { joint: 2 }, 'arm'));
    await push('device_event', event('arm.fault', ago(120), { joint: 1 }, 'arm'));
    await push('health', {
      id: ulid(),
      kioskId: KIOSK_A.id,
      at: ago(4),
      uptimeS: 100,
      safetyState: 'FAULT',
      devices: { arm: { status: 'fault', detail: 'joint 2 stalled' } },
    });
    const sup = await t.login(SUPERVISOR);
    const detail = (await call('GET', '/t-fault', sup)).body;
    expect(detail.deviceFault.runbook).toMatchObject({
      runbookId: 'printer-door',
      runId: 'run-9',
      failedStep: 2,
    });
    expect(
      detail.deviceFault.runbook.steps.map(
        (s: { label: string; status: string }) => `${s.label}: ${s.status}`,
      ),
    ).toEqual(['Home the arm: succeeded', 'Press the printer door: failed']);
    expect(detail.deviceFault.health).toMatchObject({
      safetyState: 'FAULT',
      devices: { arm: { status: 'fault' } },
    });
    expect(detail.deviceFault.events.map((e: { type: string }) => e.type)).toEqual(['arm.fault']);
  });

  it('links a customer ticket to its conversation’s recordings, for supervisors', async () => {
    const conv = conversation(KIOSK_A.id, ago(10));
    await push('conversation', conv);
    await push('ticket', {
      ...ticketCreate('t-call', KIOSK_A.id),
      kind: 'customer',
      conversationId: conv.id,
      assignee: AGENT.username,
    });
    await t.hub.store.grantConversation(
      AGENT.username,
      { conversationId: conv.id, kioskId: KIOSK_A.id, handoffId: 'h-7' },
      new Date(),
    );
    await t.hub.store.recordings.create({
      id: 'rec-1',
      handoffId: 'h-7',
      kioskId: KIOSK_A.id,
      agent: AGENT.username,
      startedAt: ago(9),
      mime: 'video/webm',
      deleteAfter: ago(-60),
    });
    await t.hub.store.recordings.create({
      id: 'rec-other',
      handoffId: 'h-8',
      kioskId: KIOSK_A.id,
      agent: AGENT.username,
      startedAt: ago(8),
      mime: 'video/webm',
      deleteAfter: ago(-60),
    });
    const sup = await t.login(SUPERVISOR);
    const detail = (await call('GET', '/t-call', sup)).body;
    expect(detail.recordings.map((r: { id: string }) => r.id)).toEqual(['rec-1']);
    expect(detail.deviceFault).toBeNull();
    expect((await call('GET', '/t-call', await t.login(AGENT))).body.recordings).toEqual([]);
  });
});
