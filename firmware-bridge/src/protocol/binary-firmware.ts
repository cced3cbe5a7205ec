// The binary-protocol firmware of the simulator: link endpoint, HELLO, heartbeat watchdog, HALT, commands,
// telemetry. Pure: the owner feeds bytes with `push`, supplies `write`, and calls `tick` every few ms.
import { PROTOCOL_VERSION } from './frame.ts';
import { ReliableLink } from './link.ts';
import { BodyError } from './bytes.ts';
import {
  decodeMessage,
  encodeMessage,
  faultNamesToBits,
  MsgType,
  NakReason,
  ResultCode,
  UnknownMessageError,
  type Message,
  type ResultCodeValue,
} from './messages.ts';
import type { SimArm } from './sim-arm.ts';

export const FIRMWARE_ID = 'branch-arm-sim 1.0.0';
/** Fixed capabilities; HELLO puts the actual joint count (`joints:N`) in front of them. */
export const CAPABILITIES = ['gripper', 'telemetry:50hz', 'watchdog:250ms', 'halt:0,1,2', 'selftest'];
export const WATCHDOG_MS = 250;
export const TELEMETRY_PERIOD_MS = 20;

export interface FirmwareHooks {
  /** A HALT frame arrived (every repeat too); `first` is false for repeats of the same haltId. */
  onHalt?: (haltId: number, category: 0 | 1 | 2, first: boolean) => void;
  onWatchdog?: () => void;
  onHello?: (hostId: string) => void;
}

export class BinaryFirmware {
  readonly link: ReliableLink;
  sessionActive = false;
  lastHostFrame = -Infinity;
  watchdogTrips = 0;
  naks = 0;
  /** Commands taken from the link (each reliable CMD frame once). */
  commands = 0;
  private lastTelemetry = -Infinity;
  private lastHaltId = -1;
  private pending = new Map<number, boolean>();

  constructor(
    readonly arm: SimArm,
    private readonly write: (bytes: Uint8Array) => void,
    private readonly now: () => number,
    private readonly hooks: FirmwareHooks = {},
  ) {
    this.link = new ReliableLink({
      write,
      onFrame: (f) => this.onFrame(f.type, f.body),
      window: 8,
      rtoMs: 60,
    });
  }

  push(bytes: Uint8Array): void {
    this.link.push(bytes, this.now());
  }

  tick(): void {
    const now = this.now();
    this.arm.tick(now);
    this.link.tick(now);
    if (this.sessionActive && now - this.lastHostFrame > WATCHDOG_MS) {
      this.sessionActive = false;
      this.watchdogTrips++;
      this.arm.watchdogTrip();
      this.hooks.onWatchdog?.();
    }
    if (this.sessionActive && now - this.lastTelemetry >= TELEMETRY_PERIOD_MS) {
      this.lastTelemetry = now;
      this.send(this.telemetry());
    }
  }

  stats(): Record<string, unknown> {
    return {
      ...this.link.counters,
      decoder: { ...this.link.decoderCounters },
      naks: this.naks,
      commands: this.commands,
    };
  }

  telemetry(): Message {
    const a = this.arm;
    return {
      type: 'telemetry',
      t: Math.floor(this.now()) >>> 0,
      state: a.state,
      homed: a.homed,
      faultBits: faultNamesToBits(a.faults),
      gripper: a.gripper,
      positions: a.positions,
      velocities: a.velocities,
      currents: a.currents,
      temperatures: a.temperatures,
    };
  }

  private send(m: Message): void {
    const { type, body } = encodeMessage(m);
    this.link.sendNow(type, body);
  }

  private result(cmdId: number, code: ResultCodeValue, detail: string, stateChanged = true): void {
    this.pending.delete(cmdId);
    // After a command that changed the arm's state, the host sees the new state before the result.
    if (stateChanged && this.sessionActive) this.send(this.telemetry());
    const { type, body } = encodeMessage({ type: 'result', cmdId, code, detail });
    try {
      this.link.sendReliable(type, body, this.now());
    } catch {
      // queue full: the host will time the command out
    }
  }

  private onFrame(type: number, body: Uint8Array): void {
    this.lastHostFrame = this.now();
    if (type === MsgType.ACK) return;
    let m: Message;
    try {
      m = decodeMessage(type, body);
    } catch (e) {
      this.naks++;
      const reason = e instanceof UnknownMessageError ? e.reason : NakReason.BAD_BODY;
      if (e instanceof BodyError || e instanceof UnknownMessageError)
        this.send({ type: 'nak', reason, offendingType: type });
      return;
    }
    switch (m.type) {
      case 'hello': {
        this.link.reset();
        this.pending.clear();
        this.sessionActive = true;
        this.hooks.onHello?.(m.hostId);
        this.send({
          type: 'helloAck',
          version: Math.min(m.version, PROTOCOL_VERSION),
          nonce: m.nonce,
          firmwareId: FIRMWARE_ID,
          capabilities: [`joints:${this.arm.n}`, ...CAPABILITIES],
          joints: this.arm.n,
          homed: this.arm.homed,
          state: this.arm.state,
        });
        this.send(this.telemetry());
        return;
      }
      case 'heartbeat':
        if (!this.sessionActive) return; // after a watchdog trip only HELLO starts a session again
        return;
      case 'halt': {
        const first = m.haltId !== this.lastHaltId;
        this.lastHaltId = m.haltId;
        if (first) this.arm.halt(m.category, 'host');
        this.send({ type: 'haltAck', haltId: m.haltId, category: m.category });
        this.hooks.onHalt?.(m.haltId, m.category, first);
        return;
      }
      case 'cmd':
        this.command(m.cmdId, m.command);
        return;
      default:
        return; // firmware-bound only: ignore peer-only types quietly
    }
  }

  private command(cmdId: number, c: Extract<Message, { type: 'cmd' }>['command']): void {
    this.commands++;
    const arm = this.arm;
    const done = (code: ResultCodeValue, detail: string): void => this.result(cmdId, code, detail);
    let refusal: { code: ResultCodeValue; detail: string } | null = null;
    switch (c.op) {
      case 'home':
        refusal = arm.home(done);
        break;
      case 'moveJoints':
        refusal = arm.moveJoints(c.targets, c.speedScale, done);
        break;
      case 'gripper':
        refusal = arm.setGripper(c.opening, done);
        break;
      case 'resume':
        refusal = arm.resume() ?? { code: ResultCode.OK, detail: arm.state };
        break;
      case 'selfTest':
        refusal = { code: ResultCode.OK, detail: arm.selfTestCompact() };
        break;
      case 'status':
        refusal = {
          code: ResultCode.OK,
          detail: JSON.stringify({ state: arm.state, homed: arm.homed, faults: [...arm.faults] }),
        };
        break;
    }
    if (refusal) this.result(cmdId, refusal.code, refusal.detail, c.op !== 'selfTest' && c.op !== 'status');
    else this.pending.set(cmdId, true);
  }
}
