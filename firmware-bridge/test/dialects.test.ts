// The same command sequence through the same ArmController interface, on both dialects, each against the
// simulator process on a real pty.
import { afterAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { DEFAULT_LIMITS, FIXTURES, HOME_POSE, openArm, startSimulatorProcess } from '../src/index.ts';
import { errorOf, startRig, until, type Rig } from './helpers/rig.ts';

const rigs: Rig[] = [];
afterAll(async () => {
  for (const r of rigs) await r.stop();
});

describe.each(['binary', 'gcode'] as const)('%s dialect', (dialect) => {
  it('runs the common sequence', async () => {
    const rig = await startRig(dialect);
    rigs.push(rig);
    const { arm, sim } = rig;
    const log: string[] = [];
    expect(arm.status()).toMatchObject({ link: 'up', homed: false });
    expect(arm.status().firmware?.firmwareId).toMatch(/branch-arm-sim/);

    log.push((await errorOf(arm.moveJoints([...HOME_POSE]))).code);
    await arm.home();
    log.push(`homed:${arm.status().homed}`);

    await arm.moveJoints([20, 85, -85, -90, 0], { speedScale: 1 });
    log.push(`j0:${(await sim.control.state()).arm.joints[0]!.toFixed(1)}`);

    await arm.gripper(0.1);
    log.push(`gripper:${(await sim.control.state()).arm.gripper.toFixed(2)}`);

    await sim.control.inject({ kind: 'fixture', name: 'cardSlot', state: 'jammed' });
    await arm.moveTo(FIXTURES.cardSlot!.approach, { speedMmS: 400 });
    await arm.moveTo(FIXTURES.cardSlot!.pose, { speedMmS: 400 });
    log.push(`cardSlot:${(await sim.control.fixtures()).cardSlot!.state}`);
    await arm.moveTo(FIXTURES.cardSlot!.approach, { speedMmS: 400 });

    log.push((await errorOf(arm.moveJoints([0, 400, 0, 0, 0]))).code);

    const move = errorOf(arm.moveJoints([-120, 85, -85, -90, 0], { speedScale: 0.4 }));
    await sim.control.waitFor((s) => s.arm.moving);
    await arm.halt(0);
    log.push(`move:${(await move).code}`);
    const st = await sim.control.state();
    log.push(`sim:${st.arm.state}`, `halts:${st.halts.count}`);
    await arm.resume();
    await until(() => arm.status().state === 'idle', 'idle after resume');
    await arm.moveJoints([0, 85, -85, -90, 0]);
    log.push(`final:${(await sim.control.state()).arm.joints[0]!.toFixed(1)}`);

    const r = await arm.selfTest();
    log.push(`selftest:${r.ok}`);

    expect(log).toEqual([
      'not_homed',
      'homed:true',
      'j0:20.0',
      'gripper:0.10',
      'cardSlot:seated',
      'out_of_limits',
      'move:halted',
      'sim:halted',
      'halts:1',
      'final:0.0',
      'selftest:true',
    ]);
  });
});

it('the G-code simulator refuses an out-of-limit target itself', async () => {
  const rig = await startRig('gcode');
  rigs.push(rig);
  await rig.arm.home();
  await rig.arm.close();
  const port = new SerialPort({ path: rig.sim.port, baudRate: 115200 });
  await new Promise((res) => port.on('open', res));
  let text = '';
  port.on('data', (b: Buffer) => (text += b.toString()));
  port.write('G1 Y400\nG1 X10 Q5\nfoo\n');
  await until(() => (text.match(/error:\d+/g) ?? []).length >= 3, 'three errors');
  expect(text.match(/error:\d+/g)).toEqual(['error:15', 'error:20', 'error:2']);
  expect((await rig.sim.control.state()).arm.joints[1]).toBeCloseTo(90, 3);
  await new Promise((res) => port.close(res));
});

describe.each(['binary', 'gcode'] as const)('a 6-joint arm, %s dialect', (dialect) => {
  it('adopts the joint count the firmware reports', async () => {
    const rig = await startRig(dialect, 6);
    rigs.push(rig);
    expect(rig.arm.limits().joints).toHaveLength(6);
    expect(rig.arm.status().firmware?.capabilities).toContain('joints:6');
    await rig.arm.home();
    await rig.arm.moveJoints([10, 85, -85, -90, 0, 45]);
    expect((await rig.sim.control.state()).arm.joints[5]).toBeCloseTo(45, 3);
    await rig.arm.moveTo(FIXTURES['printer.door']!.approach, { speedMmS: 400 });
  });

  it('refuses firmware whose joint count does not match limits given by the caller', async () => {
    const sim = await startSimulatorProcess({ dialect, joints: 6, stderr: 'ignore' });
    try {
      const arm = openArm({ dialect, path: sim.port, limits: DEFAULT_LIMITS });
      const err = await errorOf(arm.connect());
      expect(err.code).toBe('rejected');
      expect(err.message).toMatch(/6 joints/);
      await arm.close();
    } finally {
      await sim.stop();
    }
  });
});
