// ArmController over the binary framed protocol (COBS + CRC-16 + reliable link).
import { ArmError, type ArmErrorCode, type HaltCategory, type SelfTestResult } from './arm-controller.ts';
import { BaseArmController, now, type DriverOptions } from './base-controller.ts';
import { PendingCommands } from './binary-commands.ts';
import { encodeFrame, PROTOCOL_VERSION } from '../protocol/frame.ts';
import { ReliableLink } from '../protocol/link.ts';
import {
  decodeMessage,
  encodeMessage,
  faultBitsToNames,
  MsgType,
  type Command,
  type Message,
} from '../protocol/messages.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';
import { parseSelfTest } from '../protocol/kinematics.ts';

export interface BinaryDriverOptions extends DriverOptions {
  heartbeatMs?: number;
  hostId?: string;
}

/** The HALT in progress: its frame is written again until the firmware acknowledges this id. */
interface PendingHalt {
  id: number;
  bytes: Uint8Array;
  lastSent: number;
}

export class BinaryArmController extends BaseArmController<PendingHalt> {
  readonly link: ReliableLink;
  protected readonly handshakeName = 'HELLO';
  /** The dialect's own options, defaults filled in (the shared ones live in the base). */
  private readonly o: Required<Omit<BinaryDriverOptions, keyof DriverOptions>>;
  private helloNonce = 0;
  private lastHello = -Infinity;
  private lastHeartbeat = -Infinity;
  private readonly commands: PendingCommands;
  private haltSeq = 0;
  private lastDecoderErrors = 0;
  private lastErrorAt = -Infinity;
  /** Counters a benchmark or a technician may read. */
  readonly stats = { haltsSent: 0, haltWrites: 0, haltAcks: 0, naks: 0, reconnects: 0, commandTimeouts: 0 };

  constructor(transport: ByteTransport, opts: BinaryDriverOptions = {}) {
    super(transport, opts);
    this.o = {
      heartbeatMs: opts.heartbeatMs ?? 50,
      hostId: opts.hostId ?? 'device-agent',
    };
    this.commands = new PendingCommands(this.stats);
    this.haltRepeatedByTransport = transport.repeatUrgent !== undefined;
    this.link = new ReliableLink({
      write: (b) => void this.transport.write(b),
      onFrame: (f) => this.onFrame(f.type, f.body),
      window: 8,
      rtoMs: 60,
      maxRetries: 15,
      ackDelayMs: 15, // the next command or heartbeat usually carries it; the firmware's RTO is 60 ms
      onGiveUp: () => this.lose('peer stopped acknowledging'),
    });
    transport.onData((b) => this.link.push(b, now()));
    transport.onOpen(() => {
      this.link.reset();
      this.helloDone = false;
      this.lastHello = -Infinity;
      this.setLink('connecting', 'port open');
      this.sendHello();
      // A transport that repeats the HALT writes it again on the new port by itself.
      if (this.halting && !this.haltRepeatedByTransport) this.writeHalt();
    });
    transport.onClose((reason) => {
      this.stats.reconnects++;
      this.lose(reason);
    });
  }

  // ---- HALT: bypasses queue and window, repeated until acknowledged ----

  halt(category: HaltCategory): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    this.haltSeq = (this.haltSeq + 1) & 0xffff;
    const { type, body } = encodeMessage({ type: 'halt', haltId: this.haltSeq, category });
    const bytes = encodeFrame({ seq: 0, ack: 0, type, body });
    const p = this.startHalt({ id: this.haltSeq, bytes, lastSent: 0 });
    this.stats.haltsSent++;
    if (this.transport.repeatUrgent) {
      // Written and repeated from the port's own thread until the acknowledgement arrives.
      if (this.transport.repeatUrgent(bytes, this.haltRepeatMs)) this.stats.haltWrites++;
    } else this.writeHalt();
    return p;
  }

  protected writeHalt(): void {
    const h = this.halting;
    if (!h) return;
    h.lastSent = now();
    if (this.transport.writeUrgent(h.bytes)) this.stats.haltWrites++;
  }

  // ---- commands ----

  home(): Promise<void> {
    return this.command({ op: 'home' }, 30_000).then(() => {
      this.current.homed = true;
      if (this.current.state === 'moving' || this.current.state === 'unhomed') this.current.state = 'idle';
    });
  }

  gripper(opening: number): Promise<void> {
    const g = this.armLimits.gripper;
    if (!(opening >= g.min && opening <= g.max))
      return Promise.reject(new ArmError('out_of_limits', `gripper ${opening} outside [${g.min}, ${g.max}]`));
    return this.command({ op: 'gripper', opening }, 5000).then(() => undefined);
  }

  resume(): Promise<void> {
    return this.command({ op: 'resume' }, 3000).then(() => undefined);
  }

  async selfTest(): Promise<SelfTestResult> {
    const detail = await this.command({ op: 'selfTest' }, 3000);
    const fw: SelfTestResult = parseSelfTest(detail);
    const link = this.link.counters;
    const dec = this.link.decoderCounters;
    fw.checks.push({
      name: 'link',
      ok: this.current.link === 'up',
      detail: `link ${this.current.link}; ${link.retransmits} retransmits, ${dec.crcErrors} CRC errors`,
    });
    fw.ok = fw.checks.every((c) => c.ok);
    return fw;
  }

  protected sendMove(targets: number[], speedScale: number, timeoutMs: number): Promise<void> {
    return this.command({ op: 'moveJoints', targets, speedScale }, timeoutMs).then(() => {
      this.current.joints = targets.slice();
      if (this.current.state === 'moving') this.current.state = 'idle';
    });
  }

  private command(command: Command, timeoutMs: number): Promise<string> {
    if (this.closed) return Promise.reject(this.closedError());
    try {
      this.requireLink();
    } catch (e) {
      return Promise.reject(e as Error);
    }
    const cmdId = this.commands.nextId();
    const { type, body } = encodeMessage({ type: 'cmd', cmdId, command });
    return this.commands.track(cmdId, command.op, timeoutMs, () => this.link.sendReliable(type, body, now()));
  }

  protected failAll(code: ArmErrorCode, why: string): void {
    this.commands.failAll(code, why);
  }

  // ---- link upkeep ----

  private sendHello(): void {
    this.helloNonce = (Math.random() * 0xffffffff) >>> 0;
    this.lastHello = now();
    const { type, body } = encodeMessage({
      type: 'hello',
      version: PROTOCOL_VERSION,
      nonce: this.helloNonce,
      hostId: this.o.hostId,
    });
    this.link.sendNow(type, body);
  }

  protected forgetSession(): void {
    this.transport.heartbeat?.(null);
    this.link.reset();
  }

  protected tick(t: number): void {
    if (!this.helloDone) {
      if (t - this.lastHello >= 50) this.sendHello();
      return;
    }
    this.link.tick(t);
    // A transport with a thread of its own sends the heartbeat from there (started on HELLO).
    if (!this.transport.heartbeat && t - this.lastHeartbeat >= this.o.heartbeatMs) {
      this.lastHeartbeat = t;
      const { type, body } = encodeMessage({ type: 'heartbeat', hostTimeMs: Math.floor(t) >>> 0 });
      this.link.sendNow(type, body);
    }
    const silence = t - this.link.lastRx;
    const dec = this.link.decoderCounters;
    const errors = dec.crcErrors + dec.malformed + dec.oversize;
    if (errors !== this.lastDecoderErrors) {
      this.lastDecoderErrors = errors;
      this.lastErrorAt = t;
    }
    if (silence > this.silence.downAfterMs) {
      this.lose(`no frames from the arm for ${Math.round(silence)} ms`);
      return;
    }
    const noisy = t - this.lastErrorAt < 500 || t - this.link.lastRetransmit < 500;
    this.setLink(silence > this.silence.degradedAfterMs || noisy ? 'degraded' : 'up');
  }

  // ---- inbound ----

  private onFrame(type: number, body: Uint8Array): void {
    if (type === MsgType.ACK) return;
    let m: Message;
    try {
      m = decodeMessage(type, body);
    } catch (e) {
      this.log.warn({ msg: 'bad frame from the arm', type, err: (e as Error).message });
      return;
    }
    switch (m.type) {
      case 'helloAck': {
        if (m.nonce !== this.helloNonce) return;
        const mismatch = this.adoptJointCount(m.joints);
        if (mismatch) {
          this.refuseFirmware(mismatch);
          return;
        }
        // The firmware reset its sequence state before answering; anything sequenced that reached us
        // earlier (a retransmission from the previous session) must not shift ours.
        this.link.reset();
        this.helloDone = true;
        this.lastHeartbeat = -Infinity;
        this.transport.heartbeat?.(this.o.heartbeatMs);
        this.current.firmware = {
          firmwareId: m.firmwareId,
          protocolVersion: m.version,
          capabilities: m.capabilities,
        };
        this.current.homed = m.homed;
        this.current.state = m.homed
          ? m.state === 'unhomed'
            ? 'idle'
            : m.state
          : m.state === 'idle'
            ? 'unhomed'
            : m.state;
        this.setLink('up', 'hello');
        this.emitStatus();
        this.handshakeComplete();
        return;
      }
      case 'haltAck': {
        this.stats.haltAcks++;
        if (this.halting?.id === m.haltId) this.haltAcknowledged();
        return;
      }
      case 'telemetry': {
        if (!this.helloDone) return; // state from before this session's HELLO proves nothing
        const faults = faultBitsToNames(m.faultBits);
        this.applyFirmwareView(
          { state: m.state, homed: m.homed, faults, joints: m.positions, gripper: m.gripper },
          {
            t: m.t,
            positions: m.positions,
            velocities: m.velocities,
            currents: m.currents,
            temperatures: m.temperatures,
            faults,
          },
        );
        return;
      }
      case 'result':
        this.commands.settle(m.cmdId, m.code, m.detail);
        return;
      case 'nak':
        this.stats.naks++;
        this.log.warn({ msg: 'arm refused a frame', reason: m.reason, type: m.offendingType });
        return;
      default:
        return;
    }
  }
}
