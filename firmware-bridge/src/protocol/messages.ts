// Binary message bodies of the arm protocol. Every body is decoded strictly: short or trailing bytes,
// unknown types and non-finite numbers are errors, never half-applied.
import { BodyError, Reader, Writer } from './bytes.ts';

export const MsgType = {
  HELLO: 0x01,
  HELLO_ACK: 0x02,
  HEARTBEAT: 0x03,
  ACK: 0x04,
  HALT: 0x05,
  HALT_ACK: 0x06,
  TELEMETRY: 0x07,
  NAK: 0x08,
  CMD: 0x10,
  RESULT: 0x11,
} as const;
export type MsgTypeCode = (typeof MsgType)[keyof typeof MsgType];

/** Types sent with a sequence number and delivered exactly once, in order. */
export const RELIABLE_TYPES: ReadonlySet<number> = new Set([MsgType.CMD, MsgType.RESULT]);

export const CmdOp = { HOME: 1, MOVE_JOINTS: 2, GRIPPER: 3, RESUME: 4, SELFTEST: 5, STATUS: 6 } as const;

export const ResultCode = {
  OK: 0,
  OUT_OF_LIMITS: 1,
  HALTED: 2,
  FAULT: 3,
  NOT_HOMED: 4,
  REJECTED: 5,
} as const;
export type ResultCodeValue = (typeof ResultCode)[keyof typeof ResultCode];

export const NakReason = { UNKNOWN_TYPE: 1, BAD_BODY: 2, UNKNOWN_OP: 3 } as const;

export type FwState = 'unhomed' | 'idle' | 'moving' | 'halted' | 'fault';
const STATES: FwState[] = ['unhomed', 'idle', 'moving', 'halted', 'fault'];

export type Command =
  | { op: 'home' }
  | { op: 'moveJoints'; targets: number[]; speedScale: number }
  | { op: 'gripper'; opening: number }
  | { op: 'resume' }
  | { op: 'selfTest' }
  | { op: 'status' };

export type Message =
  | { type: 'hello'; version: number; nonce: number; hostId: string }
  | {
      type: 'helloAck';
      version: number;
      nonce: number;
      firmwareId: string;
      capabilities: string[];
      joints: number;
      homed: boolean;
      state: FwState;
    }
  | { type: 'heartbeat'; hostTimeMs: number }
  | { type: 'ack' }
  | { type: 'halt'; haltId: number; category: 0 | 1 | 2 }
  | { type: 'haltAck'; haltId: number; category: 0 | 1 | 2 }
  | {
      type: 'telemetry';
      t: number;
      state: FwState;
      homed: boolean;
      faultBits: number;
      gripper: number;
      positions: number[];
      velocities: number[];
      currents: number[];
      temperatures: number[];
    }
  | { type: 'nak'; reason: number; offendingType: number }
  | { type: 'cmd'; cmdId: number; command: Command }
  | { type: 'result'; cmdId: number; code: ResultCodeValue; detail: string };

const finite = (v: number): number => {
  if (!Number.isFinite(v)) throw new BodyError('non-finite number in body');
  return v;
};
const category = (v: number): 0 | 1 | 2 => {
  if (v !== 0 && v !== 1 && v !== 2) throw new BodyError(`bad halt category ${v}`);
  return v;
};
const state = (v: number): FwState => {
  const s = STATES[v];
  if (!s) throw new BodyError(`bad state ${v}`);
  return s;
};

export function encodeMessage(m: Message): { type: number; body: Uint8Array } {
  const w = new Writer();
  switch (m.type) {
    case 'hello':
      w.u8(m.version).u32(m.nonce).str(m.hostId);
      return { type: MsgType.HELLO, body: w.done() };
    case 'helloAck':
      w.u8(m.version).u32(m.nonce).str(m.firmwareId).u8(m.capabilities.length);
      for (const c of m.capabilities) w.str(c);
      w.u8(m.joints)
        .u8(m.homed ? 1 : 0)
        .u8(STATES.indexOf(m.state));
      return { type: MsgType.HELLO_ACK, body: w.done() };
    case 'heartbeat':
      w.u32(m.hostTimeMs);
      return { type: MsgType.HEARTBEAT, body: w.done() };
    case 'ack':
      return { type: MsgType.ACK, body: new Uint8Array(0) };
    case 'halt':
      w.u16(m.haltId).u8(m.category);
      return { type: MsgType.HALT, body: w.done() };
    case 'haltAck':
      w.u16(m.haltId).u8(m.category);
      return { type: MsgType.HALT_ACK, body: w.done() };
    case 'telemetry': {
      const n = m.positions.length;
      w.u32(m.t)
        .u8(STATES.indexOf(m.state))
        .u8(m.homed ? 1 : 0)
        .u32(m.faultBits)
        .f32(m.gripper)
        .u8(n);
      for (let i = 0; i < n; i++)
        w.f32(m.positions[i]!)
          .f32(m.velocities[i] ?? 0)
          .f32(m.currents[i] ?? 0)
          .f32(m.temperatures[i] ?? 0);
      return { type: MsgType.TELEMETRY, body: w.done() };
    }
    case 'nak':
      w.u8(m.reason).u8(m.offendingType);
      return { type: MsgType.NAK, body: w.done() };
    case 'cmd': {
      w.u16(m.cmdId);
      const c = m.command;
      switch (c.op) {
        case 'home':
          w.u8(CmdOp.HOME);
          break;
        case 'moveJoints':
          w.u8(CmdOp.MOVE_JOINTS).f32(c.speedScale).u8(c.targets.length);
          for (const t of c.targets) w.f32(t);
          break;
        case 'gripper':
          w.u8(CmdOp.GRIPPER).f32(c.opening);
          break;
        case 'resume':
          w.u8(CmdOp.RESUME);
          break;
        case 'selfTest':
          w.u8(CmdOp.SELFTEST);
          break;
        case 'status':
          w.u8(CmdOp.STATUS);
          break;
      }
      return { type: MsgType.CMD, body: w.done() };
    }
    case 'result':
      w.u16(m.cmdId).u8(m.code).str(m.detail);
      return { type: MsgType.RESULT, body: w.done() };
  }
}

export class UnknownMessageError extends BodyError {
  constructor(
    readonly messageType: number,
    readonly reason: number,
  ) {
    super(`unknown message type 0x${messageType.toString(16)}`);
  }
}

/** Decodes a body; throws BodyError (or UnknownMessageError) on anything it cannot fully parse. */
export function decodeMessage(type: number, body: Uint8Array): Message {
  const r = new Reader(body);
  let m: Message;
  switch (type) {
    case MsgType.HELLO:
      m = { type: 'hello', version: r.u8(), nonce: r.u32(), hostId: r.str() };
      break;
    case MsgType.HELLO_ACK: {
      const version = r.u8();
      const nonce = r.u32();
      const firmwareId = r.str();
      const nc = r.u8();
      const capabilities: string[] = [];
      for (let i = 0; i < nc; i++) capabilities.push(r.str());
      m = {
        type: 'helloAck',
        version,
        nonce,
        firmwareId,
        capabilities,
        joints: r.u8(),
        homed: r.u8() === 1,
        state: state(r.u8()),
      };
      break;
    }
    case MsgType.HEARTBEAT:
      m = { type: 'heartbeat', hostTimeMs: r.u32() };
      break;
    case MsgType.ACK:
      m = { type: 'ack' };
      break;
    case MsgType.HALT:
      m = { type: 'halt', haltId: r.u16(), category: category(r.u8()) };
      break;
    case MsgType.HALT_ACK:
      m = { type: 'haltAck', haltId: r.u16(), category: category(r.u8()) };
      break;
    case MsgType.TELEMETRY: {
      const t = r.u32();
      const st = state(r.u8());
      const homed = r.u8() === 1;
      const faultBits = r.u32();
      const gripper = finite(r.f32());
      const n = r.u8();
      const positions: number[] = [];
      const velocities: number[] = [];
      const currents: number[] = [];
      const temperatures: number[] = [];
      for (let i = 0; i < n; i++) {
        positions.push(finite(r.f32()));
        velocities.push(finite(r.f32()));
        currents.push(finite(r.f32()));
        temperatures.push(finite(r.f32()));
      }
      m = {
        type: 'telemetry',
        t,
        state: st,
        homed,
        faultBits,
        gripper,
        positions,
        velocities,
        currents,
        temperatures,
      };
      break;
    }
    case MsgType.NAK:
      m = { type: 'nak', reason: r.u8(), offendingType: r.u8() };
      break;
    case MsgType.CMD: {
      const cmdId = r.u16();
      const op = r.u8();
      let command: Command;
      switch (op) {
        case CmdOp.HOME:
          command = { op: 'home' };
          break;
        case CmdOp.MOVE_JOINTS: {
          const speedScale = finite(r.f32());
          const n = r.u8();
          const targets: number[] = [];
          for (let i = 0; i < n; i++) targets.push(finite(r.f32()));
          command = { op: 'moveJoints', targets, speedScale };
          break;
        }
        case CmdOp.GRIPPER:
          command = { op: 'gripper', opening: finite(r.f32()) };
          break;
        case CmdOp.RESUME:
          command = { op: 'resume' };
          break;
        case CmdOp.SELFTEST:
          command = { op: 'selfTest' };
          break;
        case CmdOp.STATUS:
          command = { op: 'status' };
          break;
        default:
          throw new UnknownMessageError(type, NakReason.UNKNOWN_OP);
      }
      m = { type: 'cmd', cmdId, command };
      break;
    }
    case MsgType.RESULT: {
      const cmdId = r.u16();
      const code = r.u8();
      if (code > 5) throw new BodyError(`bad result code ${code}`);
      m = { type: 'result', cmdId, code: code as ResultCodeValue, detail: r.str() };
      break;
    }
    default:
      throw new UnknownMessageError(type, NakReason.UNKNOWN_TYPE);
  }
  r.end();
  return m;
}

// The fault bit layout lives in its own module; re-exported so that the message API stays in one place.
export { faultBitsToNames, faultNamesToBits } from './fault-bits.ts';
