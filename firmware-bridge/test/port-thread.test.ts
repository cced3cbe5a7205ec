// The serial port's own thread against the simulator on a real pty: a main thread that stays blocked no
// longer gets heartbeats sent for it, so the firmware's watchdog halts the arm by itself; and a HALT's
// repeats reach the firmware while this (the main) thread is blocked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRig, type Rig } from './helpers/rig.ts';

/** Blocks this thread (its event loop included) for `ms`; the port's thread runs on. */
const blockMainThread = (ms: number): void =>
  void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('binary');
  await rig.arm.home();
}, 30_000);
afterAll(async () => {
  await rig?.stop();
});

it('stops the heartbeat when the main thread stays blocked: the firmware watchdog halts the arm', async () => {
  const { arm, sim } = rig;
  // A busy machine may have tripped the watchdog already; the driver then starts a new session itself.
  await sim.control.waitFor((s) => s.session, 5000);
  await arm.connect();
  await arm.resume().catch(() => {});
  const trips = (await sim.control.state()).watchdogTrips;
  const move = arm.moveJoints([120, 80, -85, -85, 0], { speedScale: 0.2 }).catch(() => {});
  await sim.control.waitFor((s) => s.arm.moving, 5000);
  blockMainThread(1500);
  const after = await sim.control.waitFor((s) => s.watchdogTrips === trips + 1, 5000);
  expect(after.arm.state).toBe('halted');
  expect(after.arm.faults).toContain('watchdog');
  expect(after.arm.moving).toBe(false);
  await move;
});

it('writes a HALT and repeats it from the port thread while the main thread is blocked', async () => {
  const { arm, sim } = rig;
  // After the watchdog trip above, the driver has started a new session (HELLO) on its own.
  await sim.control.waitFor((s) => s.session, 5000);
  await arm.connect();
  await arm.resume().catch(() => {});
  const move = arm.moveJoints([-120, 80, -85, -85, 0], { speedScale: 0.2 }).catch(() => {});
  await sim.control.waitFor((s) => s.arm.moving, 5000);
  const from = process.hrtime.bigint();
  void arm.halt(0);
  // The acknowledgement cannot be read on this thread now: only the port thread can write the repeats.
  blockMainThread(200);
  const until = process.hrtime.bigint();
  await move;
  const log = await sim.control.haltLog();
  const id = log.find((h) => h.first && h.category === 0 && BigInt(h.rxNs) >= from)?.haltId;
  expect(id).toBeDefined();
  const during = log.filter((h) => h.haltId === id && BigInt(h.rxNs) >= from && BigInt(h.rxNs) <= until);
  expect(during[0]?.first).toBe(true);
  expect(during.filter((h) => !h.first).length).toBeGreaterThan(0);
  expect((await sim.control.state()).arm.moving).toBe(false);
});
