// The G-code driver against the pure GRBL-style firmware on the loopback double (fake clock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_POSE } from '../protocol/kinematics.ts';
import { armErrorOf, startLoopbackRig, type LoopbackRig } from './loopback-rig.ts';

let rig: LoopbackRig;
beforeEach(async () => {
  rig = await startLoopbackRig('gcode');
});
afterEach(async () => {
  await rig.stop();
});

describe('G-code driver on the loopback double', () => {
  it('finds the firmware by its banner and counts as unhomed', () => {
    expect(rig.arm.status()).toMatchObject({ link: 'up', homed: false });
    expect(rig.arm.status().firmware?.firmwareId).toMatch(/gcode/);
  });

  it('refuses motion before $H, then homes, moves and sets the gripper', async () => {
    expect((await armErrorOf(rig.arm.moveJoints([...HOME_POSE]))).code).toBe('not_homed');
    await rig.settle(rig.arm.home());
    await rig.settle(rig.arm.moveJoints([20, 85, -85, -90, 0]));
    expect(rig.wire.arm.positions[0]).toBeCloseTo(20, 1);
    await rig.settle(rig.arm.gripper(0.1));
    expect(rig.wire.arm.gripper).toBeCloseTo(0.1, 2);
  });

  it('checks limits on the host before a line is written', async () => {
    await rig.settle(rig.arm.home());
    const written = rig.wire.written.bytes;
    expect((await armErrorOf(rig.arm.moveJoints([0, 400, 0, 0, 0]))).code).toBe('out_of_limits');
    expect((await armErrorOf(rig.arm.moveJoints([0, 85, -85, -90, 0], { speedScale: 3 }))).code).toBe(
      'out_of_limits',
    );
    expect((await armErrorOf(rig.arm.gripper(-1))).code).toBe('out_of_limits');
    // nothing but the status polls went out: each is one '?' byte
    await rig.advance(100);
    const polls = rig.wire.written.bytes - written;
    expect(polls).toBeLessThanOrEqual(10);
  });

  it('a category 2 halt is a feed hold; resume flushes it and the arm takes commands again', async () => {
    await rig.settle(rig.arm.home());
    const move = armErrorOf(rig.arm.moveJoints([-120, 85, -85, -90, 0], { speedScale: 0.4 }));
    await rig.until(() => rig.wire.arm.state === 'moving', 'the arm moving');
    await rig.settle(rig.arm.halt(2));
    expect((await rig.settle(move)).code).toBe('halted');
    await rig.advance(500);
    const held = rig.wire.arm.positions[0]!;
    expect(held).toBeGreaterThan(-120);
    await rig.advance(500);
    expect(rig.wire.arm.positions[0]).toBeCloseTo(held, 3);
    await rig.settle(rig.arm.resume());
    await rig.settle(rig.arm.moveJoints([0, 85, -85, -90, 0]));
    expect(rig.wire.arm.positions[0]).toBeCloseTo(0, 1);
  });

  it('an unplug fails the pending line with link_down and the driver reconnects after the replug', async () => {
    await rig.settle(rig.arm.home());
    const move = armErrorOf(rig.arm.moveJoints([-100, 85, -85, -90, 0], { speedScale: 0.3 }));
    await rig.until(() => rig.wire.arm.state === 'moving', 'the arm moving');
    rig.wire.unplug();
    expect((await rig.settle(move)).code).toBe('link_down');
    expect(rig.arm.status().homed).toBe(false);
    rig.wire.replug();
    await rig.until(() => rig.arm.status().link === 'up', 'the link back up');
  });

  it('resume after a watchdog halt returns with the arm ready: a command right after it is taken', async () => {
    await rig.settle(rig.arm.home());
    rig.wire.unplug();
    await rig.advance(400); // past the firmware's 250 ms watchdog
    rig.wire.replug();
    await rig.until(() => rig.arm.status().link === 'up', 'the link back up');
    expect(rig.arm.status().state).toBe('halted');
    await rig.settle(rig.arm.resume());
    expect(rig.arm.status().state).not.toBe('halted');
    await rig.settle(rig.arm.gripper(0.4));
    expect(rig.wire.arm.gripper).toBeCloseTo(0.4, 2);
  });
});
