// Review finding 6 (issue 14), on real SQLite and PostgreSQL: a kiosk whose clock runs a day ahead
// cannot override agents (its far-future stamps are re-stamped with the hub's time), and an agent's
// edit that still loses a merge is never answered 200.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { Hlc, type ChangeEnvelope } from '../src/index.ts';
import { KIOSK_A, SUPERVISOR, TempDirs, api } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { ticketCreate } from './support/store-contract-extra.ts';

const DAY = 24 * 3600_000;
const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_clock_drift');

/** A priority change of kiosk A stamped by a clock `aheadMs` fast. */
function priorityChange(id: string, priority: string, aheadMs: number): ChangeEnvelope {
  const fast = new Hlc(KIOSK_A.id, () => Date.now() + aheadMs);
  return {
    id: ulid(),
    kioskId: KIOSK_A.id,
    entity: 'ticket',
    entityId: id,
    op: 'upsert',
    hlc: Hlc.serialize(fast.now()),
    data: { id, kioskId: KIOSK_A.id, priority },
  } as ChangeEnvelope;
}

describe.each(stores)('kiosk clocks running ahead (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [SUPERVISOR]);
  const edit = async (id: string, body: unknown) =>
    api(t.hub, 'POST', `/api/agent/tickets/${id}`, { token: await t.login(SUPERVISOR), body });

  it('lets an agent’s later edit win over a kiosk change stamped a day ahead', async () => {
    expect((await t.push(KIOSK_A, 'ticket', ticketCreate('t-fast', KIOSK_A.id))).status).toBe(200);
    const ahead = await api(t.hub, 'POST', '/api/sync/push', {
      token: KIOSK_A.token,
      body: { changes: [priorityChange('t-fast', 'low', DAY)] },
    });
    expect(ahead.status).toBe(200);
    expect((await t.hub.store.getTicket('t-fast'))?.priority).toBe('low');
    const res = await edit('t-fast', { priority: 'urgent' });
    expect(res.status).toBe(200);
    expect((await t.hub.store.getTicket('t-fast'))?.priority).toBe('urgent');
  });

  it('answers 409, not 200, for an edit that lost the merge', async () => {
    // A record stamped far ahead that is already stored (written before re-stamping, or by a peer).
    await t.hub.store.applyChanges(KIOSK_A.id, [
      {
        ...priorityChange('t-lost', 'low', 0),
        entity: 'ticket',
        data: ticketCreate('t-lost', KIOSK_A.id),
      } as ChangeEnvelope,
    ]);
    await t.hub.store.applyChanges(KIOSK_A.id, [priorityChange('t-lost', 'low', DAY)]);
    const res = await edit('t-lost', { priority: 'urgent', comment: 'calling the customer' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('edit_lost');
    expect(res.body.error.details.fields).toEqual(['priority']);
  });
});
