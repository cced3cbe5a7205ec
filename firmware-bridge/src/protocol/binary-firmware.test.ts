// The simulator's firmware and arm model on a fake clock, without any process or pty.
import { describe, expect, it } from 'vitest';
import { BinaryFirmware, WATCHDOG_MS } from './binary-firmware.ts';
import { encodeFrame, FrameDecoder } from './frame.ts';
import { decodeMessage, encodeMessage, MsgType, ResultCode, type Message } from './messages.ts';
import { FIXTURES, HOME_POSE } from './kinematics.ts';
import { SimArm } from './sim-arm.ts';

function rig() {
  let t = 0;
  const out: Message[] = [];
  let rxSeq = 0;
  // A minimal host: keeps each reliable frame once and acknowledges it.
  const dec = new FrameDecoder((f) => {
    if (f.seq !== 0) {
      if (f.seq <= rxSeq) return;
      rxSeq = f.seq;
      queueMicrotask(() =>
        fw.push(encodeFrame({ seq: 0, ack: rxSeq, type: MsgType.ACK, body: new Uint8Array(0) })),
      );
    }
    out.push(decodeMessage(f.type, f.body));
  });
  const arm = new SimArm(() => t);
  const fw: BinaryFirmware = new BinaryFirmware(
    arm,
    (b) => dec.push(b),
    () => t,
  );
  let seq = 0;
  const send = (m: Message, reliable = m.type === 'cmd'): void => {
    const { type, body } = encodeMessage(m);
    fw.push(encodeFrame({ seq: reliable ? ++seq : 0, ack: 0, type, body }));
  };
  const move = (cmdId: number, targets: number[]): void =>
    send({ type: 'cmd', cmdId, command: { op: 'moveJoints', targets, speedScale: 1 } });
  const advance = (ms: number, heartbeat = true): void => {
    for (let k = 0; k < ms; k += 5) {
      t += 5;
      if (heartbeat && k % 50 === 0) send({ type: 'heartbeat', hostTimeMs: t });
      fw.tick();
    }
  };
  const results = (): Extract<Message, { type: 'result' }>[] =>
    out.filter((m): m is Extract<Message, { type: 'result' }> => m.type === 'result');
  send({ type: 'hello', version: 1, nonce: 5, hostId: 'test' });
  return { arm, fw, out, send, move, advance, results };
}

/** A rig whose arm was homed by command 1. */
function homedRig() {
  const r = rig();
  r.send({ type: 'cmd', cmdId: 1, command: { op: 'home' } });
  r.advance(2000);
  return r;
}

describe('simulated firmware', () => {
  it('answers HELLO, homes, moves, and reports the result after the motion', () => {
    const r = rig();
    expect(r.out[0]).toMatchObject({ type: 'helloAck', nonce: 5, joints: 5, homed: false });
    r.move(1, [...HOME_POSE]);
    expect(r.results()[0]).toMatchObject({ cmdId: 1, code: ResultCode.NOT_HOMED });
    r.send({ type: 'cmd', cmdId: 2, command: { op: 'home' } });
    r.advance(2000);
    expect(r.results()[1]).toMatchObject({ cmdId: 2, code: ResultCode.OK });
    expect(r.arm.homed).toBe(true);
    r.move(3, [20, 80, -80, -90, 0]);
    r.advance(20);
    expect(r.arm.state).toBe('moving');
    expect(r.results()).toHaveLength(2);
    r.advance(2000);
    expect(r.results()[2]).toMatchObject({ cmdId: 3, code: ResultCode.OK });
    expect(r.arm.positions[0]).toBeCloseTo(20, 6);
    expect(r.out.some((m) => m.type === 'telemetry')).toBe(true);
  });

  it('refuses targets outside the limits even when the host did not', () => {
    const r = homedRig();
    r.move(2, [0, 500, 0, 0, 0]);
    expect(r.results()[1]).toMatchObject({ cmdId: 2, code: ResultCode.OUT_OF_LIMITS });
  });

  it('halts mid-move at once, acknowledges every HALT repeat, and counts one halt', () => {
    const r = homedRig();
    r.move(2, [150, 80, -80, -90, 0]);
    r.advance(200);
    r.send({ type: 'halt', haltId: 1, category: 0 });
    r.send({ type: 'halt', haltId: 1, category: 0 });
    expect(r.arm.state).toBe('halted');
    expect(r.arm.halts).toBe(1);
    expect(r.out.filter((m) => m.type === 'haltAck')).toHaveLength(2);
    expect(r.results()[1]).toMatchObject({ cmdId: 2, code: ResultCode.HALTED });
    const pos = r.arm.positions[0]!;
    r.advance(200);
    expect(r.arm.positions[0]).toBe(pos);
    r.send({ type: 'cmd', cmdId: 3, command: { op: 'gripper', opening: 0 } });
    expect(r.results()[2]).toMatchObject({ cmdId: 3, code: ResultCode.HALTED });
    r.send({ type: 'cmd', cmdId: 4, command: { op: 'resume' } });
    expect(r.results()[3]).toMatchObject({ cmdId: 4, code: ResultCode.OK });
    expect(r.arm.state).toBe('idle');
  });

  it('trips the watchdog when heartbeats stop', () => {
    const r = rig();
    r.advance(500);
    expect(r.fw.watchdogTrips).toBe(0);
    r.advance(WATCHDOG_MS + 20, false);
    expect(r.fw.watchdogTrips).toBe(1);
    expect(r.arm.state).toBe('halted');
    expect(r.arm.faults.has('watchdog')).toBe(true);
  });

  it('detects a stalled joint and an over-temperature joint', () => {
    const r = homedRig();
    r.arm.inject.stalled.add(0);
    r.move(2, [60, 90, -90, -90, 0]);
    r.advance(400);
    expect(r.results()[1]).toMatchObject({ cmdId: 2, code: ResultCode.FAULT, detail: 'fault stall:0' });
    expect(r.arm.state).toBe('fault');
    r.send({ type: 'cmd', cmdId: 3, command: { op: 'resume' } });
    expect(r.results()[2]).toMatchObject({ code: ResultCode.FAULT });
    r.arm.inject.stalled.clear();
    r.send({ type: 'cmd', cmdId: 4, command: { op: 'resume' } });
    expect(r.results()[3]).toMatchObject({ code: ResultCode.OK });
    r.arm.inject.overtemp.add(2);
    r.advance(3000);
    expect(r.arm.faults.has('overtemp:2')).toBe(true);
  });

  it('changes a fixture when the tool reaches it', () => {
    const r = homedRig();
    r.arm.setFixtureState('printer.door', 'open');
    const f = FIXTURES['printer.door']!;
    r.move(2, f.joints);
    r.advance(4000);
    expect(r.results()[1]).toMatchObject({ code: ResultCode.OK });
    expect(r.arm.fixtures['printer.door']).toMatchObject({ state: 'closed', touches: 1 });
  });

  it('answers an unknown message type with a NAK and keeps going', () => {
    const r = rig();
    r.fw.push(encodeFrame({ seq: 0, ack: 0, type: 0x5a, body: new Uint8Array([1]) }));
    expect(r.out.at(-1)).toMatchObject({ type: 'nak', offendingType: 0x5a });
    r.send({ type: 'cmd', cmdId: 1, command: { op: 'status' } });
    expect(r.results()[0]).toMatchObject({ code: ResultCode.OK });
    expect(MsgType.NAK).toBe(8);
  });
});
