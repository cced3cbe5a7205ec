// ArmController over the G-code line dialect (GRBL 1.1 manner). Lines stream under GRBL's
// character-counting rule (never more than 128 unacknowledged bytes in the firmware's receive buffer);
// a move resolves when the `G4 P0` after it is answered (GRBL answers a dwell only once the planner has
// drained). `?` is polled every 20 ms: it is telemetry and, for the firmware's watchdog, the heartbeat.
// HALT: category 0 is the realtime soft reset 0x18, 2 is feed hold `!`, 1 is hold then reset; the byte is
// written at once, ahead of any line, and repeated until the banner or a Hold report acknowledges it.
import { ArmError, type ArmErrorCode, type HaltCategory, type SelfTestResult } from './arm-controller.ts';
import { BaseArmController, type DriverOptions } from './base-controller.ts';
import {
  formatGripper,
  formatMove,
  GcodeError,
  parseResponse,
  RT_HOLD,
  RT_RESET,
  RT_STATUS,
  RX_BUFFER_BYTES,
  type StatusReport,
} from '../protocol/gcode.ts';
import type { ByteTransport } from '../transport/serial.ts';

export interface GcodeDriverOptions extends DriverOptions {
  connectTimeoutMs?: number;
  /** Status poll period, ms (default 20: 50 Hz telemetry). */
  pollMs?: number;
  haltRepeatMs?: number;
  degradedAfterMs?: number;
  downAfterMs?: number;
}

interface Line {
  text: string;
  bytes: number;
  resolve: () => void;
  reject: (e: ArmError) => void;
  /** Set once written: counted in the firmware's buffer until answered. */
  sent: boolean;
}

const now = (): number => performance.now();

/** Waits for two line answers; rejects with the first failure, and leaves no rejection unhandled. */
async function both(a: Promise<void>, b: Promise<void>): Promise<void> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
}
const enc = new TextEncoder();

function errorCode(n: number): ArmErrorCode {
  if (n === GcodeError.TRAVEL_EXCEEDED) return 'out_of_limits';
  if (n === GcodeError.SYSTEM_GC_LOCK) return 'halted';
  return 'rejected';
}

export class GcodeArmController extends BaseArmController {
  private readonly o: Required<Omit<GcodeDriverOptions, 'logger' | 'limits'>>;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private rx = '';
  private readonly queue: Line[] = [];
  private readonly inflight: Line[] = [];
  private inflightBytes = 0;
  private helloDone = false;
  private helloSentAt = -Infinity;
  private helloInfo: string[] = [];
  private lastRx = -Infinity;
  private lastPoll = -Infinity;
  private report: StatusReport | null = null;
  private closed = false;
  private upWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private halting: {
    category: HaltCategory;
    phase: 'hold' | 'reset';
    lastSent: number;
    waiters: (() => void)[];
  } | null = null;
  private alarm = false;
  /** Soft resets written and not yet answered by a banner: lines sent meanwhile would be flushed. */
  private resetsPending = 0;
  private lastResetWrite = -Infinity;
  private awaitingFirstReport = false;
  readonly stats = { haltsSent: 0, haltWrites: 0, lines: 0, errors: 0, alarms: 0, reports: 0 };

  constructor(
    private readonly transport: ByteTransport,
    opts: GcodeDriverOptions = {},
  ) {
    super(opts);
    this.o = {
      connectTimeoutMs: opts.connectTimeoutMs ?? 5000,
      pollMs: opts.pollMs ?? 20,
      haltRepeatMs: opts.haltRepeatMs ?? 10,
      degradedAfterMs: opts.degradedAfterMs ?? 150,
      downAfterMs: opts.downAfterMs ?? 1000,
    };
    transport.onData((b) => this.onBytes(b));
    transport.onOpen(() => {
      this.rx = '';
      this.resetsPending = 0;
      this.helloDone = false;
      this.helloSentAt = -Infinity;
      this.setLink('connecting', 'port open');
      if (this.halting) this.writeHalt();
    });
    transport.onClose((reason) => this.lose(reason));
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
          reject(
            new ArmError('timeout', `no answer to $I from the arm within ${this.o.connectTimeoutMs} ms`),
          );
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
    this.failAll('closed', 'controller closed');
    for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('closed', 'controller closed'));
    for (const w of this.halting?.waiters ?? []) w();
    this.halting = null;
    await this.transport.stop();
    this.setLink('down', 'closed');
  }

  // ---- HALT ----

  halt(category: HaltCategory): Promise<void> {
    if (this.closed) return Promise.reject(new ArmError('closed', 'controller is closed'));
    const waiters = this.halting?.waiters ?? [];
    const p = new Promise<void>((resolve) => waiters.push(resolve));
    this.halting = { category, phase: category === 0 ? 'reset' : 'hold', lastSent: 0, waiters };
    this.stats.haltsSent++;
    this.writeHalt();
    // Whatever was queued or in flight will not complete now.
    this.failAll('halted', `halted (category ${category})`, true);
    return p;
  }

  private writeHalt(): void {
    const h = this.halting;
    if (!h) return;
    h.lastSent = now();
    const byte = h.phase === 'reset' ? RT_RESET : RT_HOLD;
    if (this.transport.writeUrgent(new Uint8Array([byte, RT_STATUS]))) {
      this.stats.haltWrites++;
      if (byte === RT_RESET) {
        this.resetsPending++;
        this.lastResetWrite = h.lastSent;
      }
    }
  }

  private haltAcknowledged(): void {
    const h = this.halting;
    if (!h) return;
    this.halting = null;
    for (const w of h.waiters) w();
  }

  // ---- commands ----

  async home(): Promise<void> {
    this.requireReady(false);
    await this.sendLine('$H', 30_000);
    this.current.homed = true;
    if (this.current.state === 'moving' || this.current.state === 'unhomed') this.current.state = 'idle';
  }

  async gripper(opening: number): Promise<void> {
    const g = this.armLimits.gripper;
    if (!(opening >= g.min && opening <= g.max))
      throw new ArmError('out_of_limits', `gripper ${opening} outside [${g.min}, ${g.max}]`);
    this.requireReady(true);
    const a = this.sendLine(formatGripper(opening), 5000);
    await both(a, this.sendLine('G4 P0', 5000));
  }

  async resume(): Promise<void> {
    this.requireReady(false);
    const r = this.report;
    if (r?.state === 'Hold') {
      // Flush the held motion: a reset after the hold has completed keeps the position (GRBL).
      await this.halt(0);
    }
    await this.sendLine('$X', 3000);
    this.alarm = false;
  }

  async selfTest(): Promise<SelfTestResult> {
    this.requireReady(false);
    const r = this.report;
    const checks = [
      { name: 'link', ok: this.current.link === 'up', detail: `link ${this.current.link}` },
      {
        name: 'homed',
        ok: this.current.homed,
        detail: this.current.homed ? 'arm is homed' : 'arm is not homed',
      },
      {
        name: 'faults',
        ok: this.current.faults.length === 0,
        detail: this.current.faults.join(',') || 'none',
      },
      ...(r?.temperatures ?? []).map((t, i) => ({
        name: `temperature:${i}`,
        ok: t < 70,
        detail: `${t.toFixed(1)} C`,
      })),
    ];
    // A round trip through the line protocol proves the firmware is taking commands.
    await this.sendLine('G4 P0', 3000);
    return { ok: checks.every((c) => c.ok), checks };
  }

  protected async sendMove(targets: number[], speedScale: number, timeoutMs: number): Promise<void> {
    this.requireReady(true);
    const maxVel = Math.max(...this.armLimits.joints.map((j) => j.maxVelocity));
    const move = this.sendLine(formatMove(targets, speedScale * maxVel * 60), timeoutMs);
    const sync = this.sendLine('G4 P0', timeoutMs);
    await both(move, sync);
    this.current.joints = targets.slice();
    if (this.current.state === 'moving') this.current.state = 'idle';
  }

  private requireReady(motion: boolean): void {
    if (this.closed) throw new ArmError('closed', 'controller is closed');
    this.requireLink();
    if (motion && this.halting) throw new ArmError('halted', 'a halt is in progress');
    if (motion && (this.current.state === 'halted' || this.current.state === 'fault'))
      throw new ArmError(this.current.state === 'fault' ? 'fault' : 'halted', `arm is ${this.current.state}`);
  }

  private sendLine(text: string, timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new ArmError('closed', 'controller is closed'));
    if (!this.helloDone && text !== '$I')
      return Promise.reject(new ArmError('link_down', 'arm link is down'));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(line);
        if (i >= 0) this.queue.splice(i, 1);
        line.reject(new ArmError('timeout', `'${text}' not answered within ${Math.round(timeoutMs)} ms`));
      }, timeoutMs);
      let settled = false;
      const line: Line = {
        text,
        bytes: text.length + 1,
        sent: false,
        resolve: () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(e);
        },
      };
      this.queue.push(line);
      this.pump();
    });
  }

  /** Character counting: send while the firmware's 128-byte receive buffer has room. */
  private pump(): void {
    if (this.resetsPending > 0 && now() - this.lastResetWrite > 500) this.resetsPending = 0; // a reset byte was lost
    while (this.queue.length > 0 && this.transport.isOpen && this.resetsPending === 0) {
      const l = this.queue[0]!;
      if (this.inflightBytes + l.bytes > RX_BUFFER_BYTES) return;
      this.queue.shift();
      l.sent = true;
      this.inflight.push(l);
      this.inflightBytes += l.bytes;
      this.stats.lines++;
      this.transport.write(enc.encode(l.text + '\n'));
    }
  }

  /**
   * Rejects every queued and in-flight line. With `keepInflight` the in-flight lines stay counted (their
   * promises settled): the firmware still holds them and will answer or flush them (reset banner).
   */
  private failAll(code: ArmErrorCode, why: string, keepInflight = false): void {
    const lines = [...this.inflight, ...this.queue];
    this.queue.length = 0;
    if (!keepInflight) {
      this.inflight.length = 0;
      this.inflightBytes = 0;
    }
    for (const l of lines) l.reject(new ArmError(code, why));
  }

  // ---- link upkeep ----

  private lose(reason: string): void {
    this.helloDone = false;
    this.report = null;
    this.failAll('link_down', `arm link lost: ${reason}`);
    this.setLink(this.transport.isOpen ? 'connecting' : 'down', reason);
  }

  private tick(): void {
    const t = now();
    if (!this.transport.isOpen) return;
    const h = this.halting;
    if (h && t - h.lastSent >= this.o.haltRepeatMs) this.writeHalt();
    if (!this.helloDone) {
      if (t - this.helloSentAt >= 300) {
        this.helloSentAt = t;
        this.helloInfo = [];
        this.inflight.length = 0;
        this.inflightBytes = 0;
        void this.sendHello();
      }
      return;
    }
    if (this.resetsPending > 0) this.pump();
    if (t - this.lastPoll >= this.o.pollMs) {
      this.lastPoll = t;
      this.transport.write(new Uint8Array([RT_STATUS]));
    }
    const silence = t - this.lastRx;
    if (silence > this.o.downAfterMs) {
      this.lose(`no status from the arm for ${Math.round(silence)} ms`);
      return;
    }
    if (!this.awaitingFirstReport) this.setLink(silence > this.o.degradedAfterMs ? 'degraded' : 'up');
  }

  private async sendHello(): Promise<void> {
    const attempt = this.helloSentAt;
    try {
      for (const l of this.queue.splice(0)) l.reject(new ArmError('link_down', 'reconnecting'));
      await this.sendLine('$I', 1000);
    } catch {
      return;
    }
    if (attempt !== this.helloSentAt || this.helloDone) return;
    const ver = this.helloInfo.find((s) => s.startsWith('VER:')) ?? 'VER:unknown';
    const cap = this.helloInfo.find((s) => s.startsWith('CAP:'))?.slice(4) ?? '';
    this.current.firmware = {
      firmwareId: ver.split(':').slice(2).join(':') || ver.slice(4),
      protocolVersion: 1,
      capabilities: cap ? cap.split(',') : [],
    };
    const joints = Number(/joints:(\d+)/.exec(cap)?.[1] ?? this.armLimits.joints.length);
    const mismatch = this.adoptJointCount(joints);
    if (mismatch) {
      this.log.error({ msg: 'incompatible arm firmware', detail: mismatch });
      for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('rejected', mismatch));
      void this.close();
      return;
    }
    this.helloDone = true;
    this.lastRx = now();
    this.lastPoll = now();
    this.awaitingFirstReport = true;
    this.transport.write(new Uint8Array([RT_STATUS])); // connect() resolves with a real status
  }

  // ---- inbound ----

  private onBytes(b: Uint8Array): void {
    for (const c of b) {
      if (c === 0x0a) {
        const line = this.rx.replace(/\r$/, '');
        this.rx = '';
        if (line) this.onLine(line);
      } else if (this.rx.length < 512) this.rx += String.fromCharCode(c);
    }
  }

  private onLine(line: string): void {
    this.lastRx = now();
    const r = parseResponse(line);
    switch (r.kind) {
      case 'ok':
      case 'error': {
        const l = this.inflight.shift();
        if (l) this.inflightBytes -= l.bytes;
        if (r.kind === 'error') this.stats.errors++;
        if (l) {
          if (r.kind === 'ok') l.resolve();
          else l.reject(new ArmError(errorCode(r.code), `'${l.text}' refused: error:${r.code}`));
        }
        this.pump();
        return;
      }
      case 'alarm':
        this.stats.alarms++;
        this.alarm = true;
        // GRBL flushes its buffers on an alarm: nothing in flight will be answered.
        this.inflightBytes = 0;
        this.failAll(r.code === 3 || r.code === 10 ? 'halted' : 'fault', `arm alarm ALARM:${r.code}`);
        return;
      case 'banner':
        // Soft reset done: the firmware's buffers are empty.
        for (const l of this.inflight.splice(0)) l.reject(new ArmError('halted', 'arm was reset'));
        this.inflightBytes = 0;
        this.resetsPending = Math.max(0, this.resetsPending - 1);
        if (this.halting?.phase === 'reset') this.haltAcknowledged();
        this.pump();
        return;
      case 'message':
        this.helloInfo.push(r.text);
        return;
      case 'status':
        this.onStatus(r.report);
        return;
      default:
        this.log.warn({ msg: 'unexpected line from the arm', line: r.text.slice(0, 100) });
    }
  }

  private onStatus(r: StatusReport): void {
    this.stats.reports++;
    this.report = r;
    const h = this.halting;
    if (h?.phase === 'hold' && r.state === 'Hold' && r.sub === 0) {
      if (h.category === 2) this.haltAcknowledged();
      else {
        h.phase = 'reset';
        this.writeHalt();
      }
    }
    if (!this.helloDone) return;
    if (this.awaitingFirstReport) {
      this.awaitingFirstReport = false;
      this.applyStatus(r);
      this.setLink('up', 'hello');
      for (const w of this.upWaiters.splice(0)) w.resolve();
      return;
    }
    this.applyStatus(r);
  }

  private applyStatus(r: StatusReport): void {
    const faults = r.faults;
    const homed = r.homed ?? this.current.homed;
    let state = this.current.state;
    if (r.state === 'Alarm')
      state = faults.some((f) => f !== 'watchdog') ? 'fault' : homed ? 'halted' : 'unhomed';
    else if (r.state === 'Hold') state = 'halted';
    else if (r.state === 'Run' || r.state === 'Home' || r.state === 'Jog') state = 'moving';
    else if (r.state === 'Idle') state = homed ? 'idle' : 'unhomed';
    const st = this.current;
    const changed = st.state !== state || st.homed !== homed || st.faults.join() !== faults.join();
    st.state = state;
    st.homed = homed;
    if (r.mpos.length === this.armLimits.joints.length) st.joints = r.mpos;
    if (r.gripper !== null) st.gripper = r.gripper;
    st.faults = faults;
    this.emit({
      type: 'telemetry',
      telemetry: {
        t: r.t ?? Math.round(now()),
        positions: r.mpos,
        velocities: r.velocities,
        currents: r.currents,
        temperatures: r.temperatures,
        faults,
      },
    });
    if (changed) this.emitStatus();
  }
}
