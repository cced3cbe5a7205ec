// The customer sensor at the kiosk front: the sim panel's virtual line reaches the kiosk page as the
// unsolicited Session.PresenceChanged after its debounce, Common.Status reports it, and the arm's
// safety state and the service availability do not move (it is no safety input).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskClient, postJson, waitFor, type Frame } from './harness.ts';
import { startKioskHarness, type KioskHarness } from './support/kiosk-harness.ts';

const PRESENT_MS = 800;
let k: KioskHarness;
const sim = (path: string) => `${k.h.agent.url}/sim/api${path}`;
const presenceFrames = (c: KioskClient): Frame[] =>
  c.frames.filter((f) => f.header.name === 'Session.PresenceChanged');
interface State {
  gpio: Record<string, boolean>;
  customer: { line: boolean; present: boolean };
  safety: { state: string };
}
const state = async (): Promise<State> => (await (await fetch(sim('/state'))).json()) as State;
const setCustomer = (active: boolean) => postJson(sim('/gpio'), { input: 'customer', active });

beforeAll(async () => {
  k = await startKioskHarness({ customerSensor: { presentMs: PRESENT_MS, goneMs: 400 } });
  await waitFor(
    () => k.c.frames.find((f) => f.header.name === 'Common.StatusChanged' && f.payload.available === true),
    15_000,
    'available',
  );
});
afterAll(async () => {
  await k?.close();
});

describe('customer presence sensor', () => {
  it('debounces a walk-up into Session.PresenceChanged and leaves safety alone', async () => {
    const before = await state();
    expect(before.safety.state).toBe('READY');
    expect(before.customer).toEqual({ line: false, present: false });
    const status = await k.c.command('Common.Status', {});
    expect(status.payload).toMatchObject({ completionCode: 'success', customerPresent: false });
    const statusChanges = k.c.frames.filter((f) => f.header.name === 'Common.StatusChanged').length;

    // A passer-by: in the beam for less than presentMs.
    expect((await setCustomer(true)).status).toBe(200);
    expect((await setCustomer(false)).status).toBe(200);
    await new Promise((r) => setTimeout(r, PRESENT_MS + 400));
    expect(presenceFrames(k.c)).toEqual([]);
    expect((await state()).customer.present).toBe(false);

    // A customer walks up and stays.
    const res = await setCustomer(true);
    expect(res.status).toBe(200);
    expect((res.json.customer as State['customer']).line).toBe(true);
    const arrived = await waitFor(() => presenceFrames(k.c)[0], 5000, 'presence event');
    expect(arrived.header).toMatchObject({ type: 'unsolicited', requestId: 0 });
    expect(arrived.payload).toEqual({ present: true });
    expect((await k.c.command('Common.Status', {})).payload.customerPresent).toBe(true);

    // A page that connects now learns it from Common.Status.
    const late = await KioskClient.connect(k.h.agent.url);
    try {
      expect((await late.command('Common.Status', {})).payload.customerPresent).toBe(true);
    } finally {
      await late.close();
    }

    // Not a safety input: same state, same safety inputs, no availability change.
    const during = await state();
    expect(during.safety.state).toBe('READY');
    expect(during.gpio).toEqual(before.gpio);
    expect(k.c.frames.filter((f) => f.header.name === 'Common.StatusChanged').length).toBe(statusChanges);

    await setCustomer(false);
    const left = await waitFor(() => presenceFrames(k.c)[1], 5000, 'gone event');
    expect(left.payload).toEqual({ present: false });
    expect(presenceFrames(k.c)).toHaveLength(2);
    expect((await state()).safety.state).toBe('READY');
  });

  it('refuses an unknown input clearly', async () => {
    const res = await postJson(sim('/gpio'), { input: 'customers', active: true });
    expect(res.status).toBe(400);
  });
});
