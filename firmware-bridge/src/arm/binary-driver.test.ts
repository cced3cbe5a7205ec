// The binary driver against the pure binary firmware on the loopback double (fake clock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BinaryFirmware } from '../protocol/binary-firmware.ts';
import { HOME_POSE } from '../protocol/kinematics.ts';
import { armErrorOf, startLoopbackRig, type LoopbackRig } from './loopback-rig.ts';

let rig: LoopbackRig;
beforeEach(async () => {
  rig = await startLoopbackRig('binary');
});
afterEach(async () => {
  await rig.stop();
});

describe('binary driver on the loopback double', () => {
  it('says HELLO, reports the firmware and counts as unhomed', () => {
    const s = rig.arm.status();
    expect(s.link).toBe('up');
    expect(s.firmware?.capabilities).toContain('watchdog:250ms');
    expect(s.homed).toBe(false);
    expect(rig.wire.firmware.sessionActive).toBe(true);
  });

  it('refuses motion before homing, then homes and moves to the target', async () => {
    expect((await armErrorOf(rig.arm.moveJoints([...HOME_POSE]))).code).toBe('not_homed');
    await rig.settle(rig.arm.home());
    expect(rig.arm.status().homed).toBe(true);
    await rig.settle(rig.arm.moveJoints([25, 80, -85, -85, 10]));
    expect(rig.wire.arm.positions[0]).toBeCloseTo(25, 3);
    expect(rig.arm.status().joints[0]).toBeCloseTo(25, 3);
  });

  it('checks limits on the host: nothing out of limits reaches the firmware', async () => {
    await rig.settle(rig.arm.home());
    const before = (rig.wire.firmware as BinaryFirmware).commands;
    expect((await armErrorOf(rig.arm.moveJoints([0, 400, 0, 0, 0]))).code).toBe('out_of_limits');
    expect((await armErrorOf(rig.arm.moveJoints([0, 0, 0]))).code).toBe('out_of_limits');
    expect((await armErrorOf(rig.arm.moveTo({ x: 5000, y: 0, z: 0 }, { speedMmS: 10 }))).code).toBe(
      'out_of_limits',
    );
    expect((await armErrorOf(rig.arm.gripper(2))).code).toBe('out_of_limits');
    await rig.advance(50);
    expect((rig.wire.firmware as BinaryFirmware).commands).toBe(before);
  });

  it('halts mid-move past every queue: the move rejects and the firmware holds the arm', async () => {
    await rig.settle(rig.arm.home());
    const move = armErrorOf(rig.arm.moveJoints([-120, 80, -85, -85, 10], { speedScale: 0.5 }));
    await rig.until(() => rig.wire.arm.state === 'moving', 'the arm moving');
    await rig.settle(rig.arm.halt(0));
    expect(rig.wire.written.urgentWrites).toBeGreaterThanOrEqual(1);
    expect((await rig.settle(move)).code).toBe('halted');
    expect(rig.wire.arm.state).toBe('halted');
    expect(rig.wire.arm.positions[0]).toBeGreaterThan(-120);
    await rig.settle(rig.arm.resume());
    await rig.until(() => rig.arm.status().state === 'idle', 'idle after resume');
  });

  it('the firmware halts by itself when the host falls silent, and the driver sees the link go', async () => {
    await rig.settle(rig.arm.home());
    const move = armErrorOf(rig.arm.moveJoints([-150, 80, -85, -85, 0], { speedScale: 0.2 }));
    await rig.until(() => rig.wire.arm.state === 'moving', 'the arm moving');
    rig.wire.hostSilenced = true;
    await rig.until(() => rig.wire.firmware.watchdogTrips === 1, 'the watchdog trip', 400);
    expect(rig.wire.arm.state).not.toBe('moving');
    expect((await rig.settle(move)).code).toMatch(/halted|fault|link_down|timeout/);
  });

  it('an unplug fails the command in flight; the arm counts as unhomed until the firmware says otherwise', async () => {
    await rig.settle(rig.arm.home());
    const move = armErrorOf(rig.arm.moveJoints([-100, 80, -85, -85, 0], { speedScale: 0.3 }));
    await rig.until(() => rig.wire.arm.state === 'moving', 'the arm moving');
    rig.wire.unplug();
    expect((await rig.settle(move)).code).toBe('link_down');
    expect(rig.arm.status()).toMatchObject({ state: 'disconnected', homed: false });
    expect((await armErrorOf(rig.arm.gripper(0.5))).code).toBe('link_down');
    // no heartbeat crosses a pulled cable: the firmware stops the arm by itself
    await rig.until(() => rig.wire.firmware.watchdogTrips === 1, 'the watchdog trip', 400);
    rig.wire.replug();
    await rig.until(() => rig.arm.status().link === 'up', 'the link back up');
    await rig.settle(rig.arm.resume());
    // the firmware kept power and its homing, and its status after HELLO says so
    await rig.until(() => rig.arm.status().homed, 'homed from the firmware status');
    await rig.settle(rig.arm.moveJoints([...HOME_POSE]));
    expect(rig.events.filter((e) => e.type === 'link').map((e) => (e as { state: string }).state)).toContain(
      'down',
    );
  });

  it('runs a self-test through the firmware', async () => {
    await rig.settle(rig.arm.home());
    const r = await rig.settle(rig.arm.selfTest());
    expect(r.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['homed', 'faults', 'link']));
  });
});
