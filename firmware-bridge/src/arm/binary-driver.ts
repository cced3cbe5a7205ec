// ArmController over the binary framed protocol (COBS + CRC-16 + reliable link).
import { ArmError, type ArmErrorCode, type HaltCategory, type SelfTestResult } from './arm-controller.ts';
import { BaseArmController, type DriverOptions } from './base-controller.ts';
import { encodeFrame, PROTOCOL_VERSION } from '../protocol/frame.ts';
import { LinkQueueFullError, ReliableLink } from '../protocol/link.ts';
import {
  decodeMessage,
  encodeMessage,
  faultBitsToNames,
  MsgType,
  ResultCode,
  type Command,
  type Message,
} from '../protocol/messages.ts';
import type { ByteTransport } from '../transport/serial.ts';
import { parseSelfTest } from '../protocol/kinematics.ts';

export interface BinaryDriverOptions extends DriverOptions {
  heartbeatMs?: number;
  /** Silence after which the link counts as degraded / down, ms. */
  degradedAfterMs?: number;
  downAfterMs?: number;
  /** connect() rejects after this long without a completed HELLO (the driver keeps trying). */
  connectTimeoutMs?: number;
  haltRepeatMs?: number;
  hostId?: string;
}

interface PendingCmd {
  resolve: (detail: string) => void;
  reject: (e: ArmError) => void;
  timer: ReturnType<typeof setTimeout>;
}

const CODE_TO_ERROR: Record<number, ArmErrorCode> = {
  [ResultCode.OUT_OF_LIMITS]: 'out_of_limits',
  [ResultCode.HALTED]: 'halted',
  [ResultCode.FAULT]: 'fault',
  [ResultCode.NOT_HOMED]: 'not_homed',
  [ResultCode.REJECTED]: 'rejected',
};

const now = (): number => performance.now();

export class BinaryArmController extends BaseArmController {
  readonly link: ReliableLink;
  private readonly o: Required<Omit<BinaryDriverOptions, 'logger' | 'limits'>>;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private helloDone = false;
  private helloNonce = 0;
  private lastHello = -Infinity;
  private lastHeartbeat = -Infinity;
  private cmdSeq = 0;
  private readonly pending = new Map<number, PendingCmd>();
  private haltSeq = 0;
  private haltPending: { id: number; bytes: Uint8Array; lastSent: number; waiters: (() => void)[] } | null =
    null;
  private closed = false;
  private everUp = false;
  private upWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private lastDecoderErrors = 0;
  private lastErrorAt = -Infinity;
  /** Counters a benchmark or a technician may read. */
  readonly stats = { haltsSent: 0, haltWrites: 0, haltAcks: 0, naks: 0, reconnects: 0, commandTimeouts: 0 };

  constructor(
    private readonly transport: ByteTransport,
    opts: BinaryDriverOptions = {},
  ) {
    super(opts);
    this.o = {
      heartbeatMs: opts.heartbeatMs ?? 50,
      degradedAfterMs: opts.degradedAfterMs ?? 150,
      downAfterMs: opts.downAfterMs ?? 1000,
      connectTimeoutMs: opts.connectTimeoutMs ?? 5000,
      haltRepeatMs: opts.haltRepeatMs ?? 10,
      hostId: opts.hostId ?? 'device-agent',
    };
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
      if (this.haltPending) this.writeHalt();
    });
    transport.onClose((reason) => {
      this.stats.reconnects++;
      this.lose(reason);
    });
  }

  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new ArmError('closed', 'controller is closed'));
    if (this.helloDone && this.transport.isOpen) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => {
      const w = { resolve, reject };
      this.upWaiters.push(w);
      setTimeout(() => {
        const i = this.upWaiters.indexOf(w);
        if (i >= 0) {
          this.upWaiters.splice(i, 1);
          reject(new ArmError('timeout', `no HELLO from the arm within ${this.o.connectTimeoutMs} ms`));
        }
      }, this.o.connectTimeoutMs);
    });
    if (!this.ticker) {
      this.setLink('connecting', 'connect');
      this.ticker = setInterval(() => this.tick(), 5);
      this.transport.start();
    }
    return p;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.failPending('closed', 'controller closed');
    for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('closed', 'controller closed'));
    for (const w of this.haltPending?.waiters ?? []) w();
    this.haltPending = null;
    await this.transport.stop();
    this.setLink('down', 'closed');
  }

  // ---- HALT: bypasses queue and window, repeated until acknowledged ----

  halt(category: HaltCategory): Promise<void> {
    if (this.closed) return Promise.reject(new ArmError('closed', 'controller is closed'));
    this.haltSeq = (this.haltSeq + 1) & 0xffff;
    const { type, body } = encodeMessage({ type: 'halt', haltId: this.haltSeq, category });
    const bytes = encodeFrame({ seq: 0, ack: 0, type, body });
    const waiters = this.haltPending?.waiters ?? [];
    const p = new Promise<void>((resolve) => waiters.push(resolve));
    this.haltPending = { id: this.haltSeq, bytes, lastSent: 0, waiters };
    this.stats.haltsSent++;
    this.writeHalt();
    return p;
  }

  private writeHalt(): void {
    const h = this.haltPending;
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
    if (this.closed) return Promise.reject(new ArmError('closed', 'controller is closed'));
    try {
      this.requireLink();
    } catch (e) {
      return Promise.reject(e as Error);
    }
    this.cmdSeq = (this.cmdSeq + 1) & 0xffff;
    const cmdId = this.cmdSeq;
    const { type, body } = encodeMessage({ type: 'cmd', cmdId, command });
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(cmdId)) {
          this.stats.commandTimeouts++;
          reject(new ArmError('timeout', `${command.op} not answered within ${Math.round(timeoutMs)} ms`));
        }
      }, timeoutMs);
      this.pending.set(cmdId, { resolve, reject, timer });
      try {
        this.link.sendReliable(type, body, now());
      } catch (e) {
        clearTimeout(timer);
        this.pending.delete(cmdId);
        reject(
          e instanceof LinkQueueFullError
            ? new ArmError('rejected', e.message)
            : new ArmError('link_down', String(e)),
        );
      }
    });
  }

  private failPending(code: ArmErrorCode, why: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new ArmError(code, why));
    }
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

  private lose(reason: string): void {
    this.helloDone = false;
    this.link.reset();
    this.failPending('link_down', `arm link lost: ${reason}`);
    this.setLink(this.transport.isOpen ? 'connecting' : 'down', reason);
  }

  private tick(): void {
    const t = now();
    if (!this.transport.isOpen) return;
    const h = this.haltPending;
    if (h && t - h.lastSent >= this.o.haltRepeatMs) this.writeHalt();
    if (!this.helloDone) {
      if (t - this.lastHello >= 50) this.sendHello();
      return;
    }
    this.link.tick(t);
    if (t - this.lastHeartbeat >= this.o.heartbeatMs) {
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
    if (silence > this.o.downAfterMs) {
      this.lose(`no frames from the arm for ${Math.round(silence)} ms`);
      return;
    }
    const noisy = t - this.lastErrorAt < 500 || t - this.link.lastRetransmit < 500;
    this.setLink(silence > this.o.degradedAfterMs || noisy ? 'degraded' : 'up');
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
          this.log.error({ msg: 'incompatible arm firmware', detail: mismatch });
          for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('rejected', mismatch));
          void this.close();
          return;
        }
        // The firmware reset its sequence state before answering; anything sequenced that reached us
        // earlier (a retransmission from the previous session) must not shift ours.
        this.link.reset();
        this.helloDone = true;
        this.lastHeartbeat = -Infinity;
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
        this.everUp = true;
        this.setLink('up', 'hello');
        this.emitStatus();
        for (const w of this.upWaiters.splice(0)) w.resolve();
        return;
      }
      case 'haltAck': {
        this.stats.haltAcks++;
        const h = this.haltPending;
        if (h && m.haltId === h.id) {
          this.haltPending = null;
          for (const w of h.waiters) w();
        }
        return;
      }
      case 'telemetry': {
        if (!this.helloDone) return; // state from before this session's HELLO proves nothing
        const faults = faultBitsToNames(m.faultBits);
        const st = this.current;
        const changed = st.state !== m.state || st.homed !== m.homed || st.faults.join() !== faults.join();
        st.state = m.state;
        st.homed = m.homed;
        st.joints = m.positions;
        st.gripper = m.gripper;
        st.faults = faults;
        this.emit({
          type: 'telemetry',
          telemetry: {
            t: m.t,
            positions: m.positions,
            velocities: m.velocities,
            currents: m.currents,
            temperatures: m.temperatures,
            faults,
          },
        });
        if (changed) this.emitStatus();
        return;
      }
      case 'result': {
        const p = this.pending.get(m.cmdId);
        if (!p) return;
        this.pending.delete(m.cmdId);
        clearTimeout(p.timer);
        if (m.code === ResultCode.OK) p.resolve(m.detail);
        else p.reject(new ArmError(CODE_TO_ERROR[m.code] ?? 'rejected', m.detail));
        return;
      }
      case 'nak':
        this.stats.naks++;
        this.log.warn({ msg: 'arm refused a frame', reason: m.reason, type: m.offendingType });
        return;
      default:
        return;
    }
  }
}
