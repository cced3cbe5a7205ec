import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyError } from './bytes.ts';
import {
  decodeMessage,
  encodeMessage,
  faultBitsToNames,
  faultNamesToBits,
  UnknownMessageError,
  type Message,
} from './messages.ts';

const f32 = fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(Math.fround);

const samples: Message[] = [
  { type: 'hello', version: 1, nonce: 123456, hostId: 'agent-1' },
  {
    type: 'helloAck',
    version: 1,
    nonce: 99,
    firmwareId: 'fw 1.0',
    capabilities: ['a', 'b'],
    joints: 5,
    homed: true,
    state: 'idle',
  },
  { type: 'heartbeat', hostTimeMs: 42 },
  { type: 'ack' },
  { type: 'halt', haltId: 7, category: 0 },
  { type: 'haltAck', haltId: 7, category: 2 },
  { type: 'nak', reason: 1, offendingType: 0x55 },
  { type: 'cmd', cmdId: 3, command: { op: 'moveJoints', targets: [1.5, -2, 3, 0, 90], speedScale: 0.5 } },
  { type: 'cmd', cmdId: 4, command: { op: 'home' } },
  { type: 'cmd', cmdId: 5, command: { op: 'gripper', opening: 0.25 } },
  { type: 'result', cmdId: 3, code: 1, detail: 'joint 0 out of range' },
];

describe('message bodies', () => {
  it.each(samples)('round-trips $type', (m) => {
    const { type, body } = encodeMessage(m);
    expect(decodeMessage(type, body)).toEqual(m);
  });

  it('round-trips any telemetry', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(f32, f32, f32, f32), { maxLength: 8 }), f32, (rows, gripper) => {
        const m: Message = {
          type: 'telemetry',
          t: 1000,
          state: 'moving',
          homed: true,
          faultBits: faultNamesToBits(['stall:2', 'watchdog']),
          gripper,
          positions: rows.map((r) => r[0]),
          velocities: rows.map((r) => r[1]),
          currents: rows.map((r) => r[2]),
          temperatures: rows.map((r) => r[3]),
        };
        const { type, body } = encodeMessage(m);
        expect(decodeMessage(type, body)).toEqual(m);
      }),
    );
  });

  it('rejects unknown types, short and trailing bodies, bad enums', () => {
    expect(() => decodeMessage(0x7e, new Uint8Array(0))).toThrow(UnknownMessageError);
    const { type, body } = encodeMessage({ type: 'halt', haltId: 1, category: 1 });
    expect(() => decodeMessage(type, body.subarray(0, 2))).toThrow(BodyError);
    expect(() => decodeMessage(type, new Uint8Array([...body, 0]))).toThrow(BodyError);
    expect(() => decodeMessage(type, new Uint8Array([1, 0, 7]))).toThrow(/category/);
    const cmd = encodeMessage({ type: 'cmd', cmdId: 1, command: { op: 'home' } });
    const badOp = cmd.body.slice();
    badOp[2] = 99;
    expect(() => decodeMessage(cmd.type, badOp)).toThrow(UnknownMessageError);
  });

  it('rejects non-finite numbers', () => {
    const { type, body } = encodeMessage({ type: 'cmd', cmdId: 1, command: { op: 'gripper', opening: 0.5 } });
    const b = body.slice();
    new DataView(b.buffer).setFloat32(3, NaN, true);
    expect(() => decodeMessage(type, b)).toThrow(/non-finite/);
  });

  it('maps fault bits to names and back', () => {
    const names = ['stall:0', 'overtemp:3', 'encoder:4', 'watchdog'];
    expect(faultBitsToNames(faultNamesToBits(names)).sort()).toEqual([...names].sort());
  });
});
