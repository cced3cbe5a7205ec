// The binary driver against the simulator process over a real pty (socat), opened with serialport.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { ArmError, FIXTURES, HOME_POSE, openArm } from '../src/index.ts';
import { encodeFrame } from '../src/protocol/frame.ts';
import { encodeMessage } from '../src/protocol/messages.ts';
import { errorOf, startRig, until, type Rig } from './helpers/rig.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('binary');
});
afterAll(async () => {
  await rig?.stop();
});

describe('binary dialect over a pty', () => {
  it('handshakes and reports the firmware', () => {
    const s = rig.arm.status();
    expect(s.link).toBe('up');
    expect(s.firmware?.firmwareId).toMatch(/branch-arm-sim/);
    expect(s.firmware?.capabilities).toContain('watchdog:250ms');
    expect(s.homed).toBe(false);
  });

  it('refuses motion before homing, then homes and moves', async () => {
    expect((await errorOf(rig.arm.moveJoints([...HOME_POSE]))).code).toBe('not_homed');
    await rig.arm.home();
    expect(rig.arm.status().homed).toBe(true);
    await rig.arm.moveJoints([25, 80, -85, -85, 10], { speedScale: 1 });
    const st = await rig.sim.control.state();
    expect(st.arm.joints[0]).toBeCloseTo(25, 3);
    expect(st.arm.state).toBe('idle');
    expect(rig.arm.status().joints[0]).toBeCloseTo(25, 3);
  });

  it('streams telemetry at 50 Hz or more', async () => {
    let n = 0;
    const off = rig.arm.on((e) => {
      if (e.type === 'telemetry') n++;
    });
    const t0 = performance.now();
    await until(() => n >= 10, '10 telemetry frames');
    off();
    const hz = n / ((performance.now() - t0) / 1000);
    expect(hz).toBeGreaterThan(25); // loose: the machine is shared; the simulator sends every 20 ms
  });

  it('halts mid-move: the move rejects with halted and the arm stays put', async () => {
    const move = errorOf(rig.arm.moveJoints([-120, 80, -85, -85, 10], { speedScale: 0.5 }));
    await rig.sim.control.waitFor((s) => s.arm.moving);
    await rig.arm.halt(0);
    const err = await move;
    expect(err.code).toBe('halted');
    const a = await rig.sim.control.state();
    expect(a.arm.state).toBe('halted');
    expect(a.halts.count).toBeGreaterThanOrEqual(1);
    expect(a.arm.joints[0]).toBeGreaterThan(-120);
    const log = await rig.sim.control.haltLog();
    expect(log.at(-1)).toMatchObject({ category: 0, first: expect.any(Boolean) });
    expect((await errorOf(rig.arm.gripper(0.5))).code).toBe('halted');
    await rig.arm.resume();
    await until(() => rig.arm.status().state === 'idle', 'idle after resume');
  });

  it('moves to a named fixture in Cartesian space and the fixture changes', async () => {
    await rig.sim.control.inject({ kind: 'fixture', name: 'printer.resetButton', state: 'fault' });
    const f = FIXTURES['printer.resetButton']!;
    await rig.arm.moveTo(f.approach, { speedMmS: 250 });
    await rig.arm.moveTo(f.pose, { speedMmS: 250 });
    const st = await rig.sim.control.state();
    expect(st.fixtures['printer.resetButton']).toMatchObject({ state: 'ok' });
    expect(Math.abs(st.arm.tool.z - f.pose.z)).toBeLessThan(1);
    await rig.arm.moveTo(f.approach, { speedMmS: 250 });
  });

  it('refuses targets outside the limits on the host, before sending', async () => {
    const before = (await rig.sim.control.state()).link as { received: number };
    expect((await errorOf(rig.arm.moveJoints([0, 400, 0, 0, 0]))).code).toBe('out_of_limits');
    expect((await errorOf(rig.arm.moveJoints([0, 0, 0]))).code).toBe('out_of_limits');
    expect((await errorOf(rig.arm.moveTo({ x: 5000, y: 0, z: 0 }, { speedMmS: 10 }))).code).toBe(
      'out_of_limits',
    );
    expect((await errorOf(rig.arm.moveTo({ x: 300, y: 0, z: 200 }, { speedMmS: 9999 }))).code).toBe(
      'out_of_limits',
    );
    expect((await errorOf(rig.arm.gripper(2))).code).toBe('out_of_limits');
    expect((await errorOf(rig.arm.moveJoints([0, 90, -90, -90, 0], { speedScale: 3 }))).code).toBe(
      'out_of_limits',
    );
    const after = (await rig.sim.control.state()).link as { received: number };
    // only heartbeats and acks went out in the meantime: no command reached the simulator
    expect((await rig.sim.control.state()).arm.state).toBe('idle');
    expect(after.received).toBeGreaterThanOrEqual(before.received);
  });

  it('runs a self-test', async () => {
    const r = await rig.arm.selfTest();
    expect(r.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['homed', 'faults', 'link']));
  });

  it('reports injected stall and over-temperature faults', async () => {
    await rig.sim.control.inject({ kind: 'stall', joint: 1 });
    const err = await errorOf(rig.arm.moveJoints([0, 60, -85, -85, 0]));
    expect(err.code).toBe('fault');
    expect(err.message).toMatch(/stall:1/);
    await until(() => rig.arm.status().faults.includes('stall:1'), 'stall fault in status');
    expect((await errorOf(rig.arm.resume())).code).toBe('fault');
    await rig.sim.control.clearFaults();
    await rig.arm.resume();
    await rig.sim.control.inject({ kind: 'encoderGlitch', joint: 3 });
    await until(() => rig.arm.status().faults.includes('encoder:3'), 'encoder fault in status');
    expect(rig.arm.status().homed).toBe(false);
    await rig.arm.resume();
    await rig.arm.home();
  });
});

describe('bad input on the wire', () => {
  it('the simulator survives garbage, oversized and unknown frames and refuses out-of-limit targets itself', async () => {
    const r = await startRig('binary');
    try {
      await r.arm.home();
      await r.arm.close();
      // Talk to the simulator directly, as a host that skips its own checks.
      const port = new SerialPort({ path: r.sim.port, baudRate: 115200 });
      await new Promise((res) => port.on('open', res));
      const got: Buffer[] = [];
      port.on('data', (b: Buffer) => got.push(b));
      const send = (m: Parameters<typeof encodeMessage>[0], seq = 0): void => {
        const { type, body } = encodeMessage(m);
        port.write(Buffer.from(encodeFrame({ seq, ack: 0, type, body })));
      };
      port.write(Buffer.alloc(5000, 0x41)); // oversized
      port.write(Buffer.from([0, 1, 2, 3, 4, 5, 0, 0xff, 0xfe, 0])); // garbled
      port.write(Buffer.from(encodeFrame({ seq: 0, ack: 0, type: 0x66, body: new Uint8Array(3) }))); // unknown type
      send({ type: 'hello', version: 1, nonce: 1, hostId: 'raw' });
      send(
        { type: 'cmd', cmdId: 9, command: { op: 'moveJoints', targets: [0, 400, 0, 0, 0], speedScale: 1 } },
        1,
      );
      await until(async () => {
        const s = await r.sim.control.state();
        const dec = (s.link as { decoder: { oversize: number; crcErrors: number; malformed: number } })
          .decoder;
        return (
          dec.oversize >= 1 && dec.crcErrors + dec.malformed >= 1 && (s.link as { naks: number }).naks >= 1
        );
      }, 'decoder counters');
      // the refusal comes back as a RESULT with OUT_OF_LIMITS (code 1) for cmdId 9
      await until(() => Buffer.concat(got).includes(Buffer.from('outside')), 'refusal text');
      expect((await r.sim.control.state()).arm.joints[1]).toBeCloseTo(90, 3);
      await new Promise((res) => port.close(res));
    } finally {
      await r.sim.stop();
    }
  });

  it('commands while the link is down fail at once with link_down', async () => {
    const arm = openArm({ dialect: 'binary', path: '/nonexistent/tty', connectTimeoutMs: 300 });
    const c = arm.connect();
    const t0 = performance.now();
    const err = await errorOf(arm.home());
    expect(err).toBeInstanceOf(ArmError);
    expect(err.code).toBe('link_down');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect((await errorOf(c)).code).toBe('timeout');
    await arm.close();
  });
});
