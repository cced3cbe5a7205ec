// ArmController over the G-code line dialect (GRBL 1.1 manner). Lines stream under GRBL's
// character-counting rule (never more than 128 unacknowledged bytes in the firmware's receive buffer);
// a move resolves when the `G4 P0` after it is answered (GRBL answers a dwell only once the planner has
// drained). `?` is polled every 20 ms: it is telemetry and, for the firmware's watchdog, the heartbeat.
// HALT: category 0 is the realtime soft reset 0x18, 2 is feed hold `!`, 1 is hold then reset; the byte is
// written at once, ahead of any line, and repeated until the banner or a Hold report acknowledges it.
import { ArmError, type ArmErrorCode, type HaltCategory, type SelfTestResult } from './arm-controller.ts';
import { BaseArmController, now, type DriverOptions } from './base-controller.ts';
import { both, GcodeLineStream } from './gcode-line-stream.ts';
import { ReportWaiters } from './report-waiters.ts';
import {
  errorCodeFor,
  firmwareFromBuildInfo,
  selfTestChecks,
  telemetryFromReport,
  viewFromReport,
} from './gcode-status.ts';
import {
  formatGripper,
  formatMove,
  parseResponse,
  RT_HOLD,
  RT_RESET,
  RT_STATUS,
  type StatusReport,
} from '../protocol/gcode.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';

export interface GcodeDriverOptions extends DriverOptions {
  /** Status poll period, ms (default 20: 50 Hz telemetry). */
  pollMs?: number;
}

/** The HALT in progress: category 1 goes through a hold, then a reset. */
interface GcodeHalt {
  category: HaltCategory;
  phase: 'hold' | 'reset';
  lastSent: number;
}

export class GcodeArmController extends BaseArmController<GcodeHalt> {
  protected readonly handshakeName = 'answer to $I';
  /** The dialect's own options, defaults filled in (the shared ones live in the base). */
  private readonly o: Required<Omit<GcodeDriverOptions, keyof DriverOptions>>;
  private rx = '';
  private readonly lines: GcodeLineStream;
  private helloSentAt = -Infinity;
  private helloInfo: string[] = [];
  private lastRx = -Infinity;
  private lastPoll = -Infinity;
  private report: StatusReport | null = null;
  private alarm = false;
  private awaitingFirstReport = false;
  readonly stats = { haltsSent: 0, haltWrites: 0, lines: 0, errors: 0, alarms: 0, reports: 0 };
  /** Those waiting for the next status report (resume()). */
  private readonly reports = new ReportWaiters();

  constructor(transport: ByteTransport, opts: GcodeDriverOptions = {}) {
    super(transport, opts);
    this.o = {
      pollMs: opts.pollMs ?? 20,
    };
    this.lines = new GcodeLineStream(transport, this.stats);
    transport.onData((b) => this.onBytes(b));
    transport.onOpen(() => {
      this.rx = '';
      this.lines.forgetResets();
      this.helloDone = false;
      this.helloSentAt = -Infinity;
      this.setLink('connecting', 'port open');
      if (this.halting) this.writeHalt();
    });
    transport.onClose((reason) => this.lose(reason));
  }

  // ---- HALT ----

  halt(category: HaltCategory): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    const p = this.startHalt({ category, phase: category === 0 ? 'reset' : 'hold', lastSent: 0 });
    this.stats.haltsSent++;
    this.writeHalt();
    // Whatever was queued or in flight will not complete now.
    this.lines.failAll('halted', `halted (category ${category})`, true);
    return p;
  }

  protected writeHalt(): void {
    const h = this.halting;
    if (!h) return;
    h.lastSent = now();
    const byte = h.phase === 'reset' ? RT_RESET : RT_HOLD;
    if (this.transport.writeUrgent(new Uint8Array([byte, RT_STATUS]))) {
      this.stats.haltWrites++;
      if (byte === RT_RESET) this.lines.resetWritten(h.lastSent);
    }
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
    // Flush a held motion: a reset after the hold has completed keeps the position (GRBL).
    if (this.report?.state === 'Hold') await this.halt(0);
    await this.sendLine('$X', 3000);
    this.alarm = false;
    // Until a report taken after $X arrives, the driver's view is still the alarm: a command right after
    // resume() would be refused on it.
    const report = this.reports.next(1000);
    this.transport.write(new Uint8Array([RT_STATUS]));
    await report;
  }

  async selfTest(): Promise<SelfTestResult> {
    this.requireReady(false);
    const checks = selfTestChecks(this.current, this.report);
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
    if (this.closed) throw this.closedError();
    this.requireLink();
    if (motion && this.halting) throw new ArmError('halted', 'a halt is in progress');
    if (motion && (this.current.state === 'halted' || this.current.state === 'fault'))
      throw new ArmError(this.current.state === 'fault' ? 'fault' : 'halted', `arm is ${this.current.state}`);
  }

  private sendLine(text: string, timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    if (!this.helloDone && text !== '$I')
      return Promise.reject(new ArmError('link_down', 'arm link is down'));
    return this.lines.send(text, timeoutMs);
  }

  protected failAll(code: ArmErrorCode, why: string): void {
    this.lines.failAll(code, why);
    if (code === 'link_down') this.reports.fail(new ArmError(code, why));
  }

  // ---- link upkeep ----

  protected forgetSession(): void {
    this.report = null;
  }

  protected tick(t: number): void {
    if (!this.helloDone) {
      if (t - this.helloSentAt >= 300) {
        this.helloSentAt = t;
        this.helloInfo = [];
        this.lines.forgetInflight();
        void this.sendHello();
      }
      return;
    }
    if (this.lines.resetPending) this.lines.pump();
    if (t - this.lastPoll >= this.o.pollMs) {
      this.lastPoll = t;
      this.transport.write(new Uint8Array([RT_STATUS]));
    }
    const silence = t - this.lastRx;
    if (silence > this.silence.downAfterMs) {
      this.lose(`no status from the arm for ${Math.round(silence)} ms`);
      return;
    }
    if (!this.awaitingFirstReport) this.setLink(silence > this.silence.degradedAfterMs ? 'degraded' : 'up');
  }

  private async sendHello(): Promise<void> {
    const attempt = this.helloSentAt;
    try {
      this.lines.rejectQueued(new ArmError('link_down', 'reconnecting'));
      await this.sendLine('$I', 1000);
    } catch {
      return;
    }
    if (attempt !== this.helloSentAt || this.helloDone) return;
    const info = firmwareFromBuildInfo(this.helloInfo);
    this.current.firmware = info.firmware;
    const mismatch = this.adoptJointCount(info.joints ?? this.armLimits.joints.length);
    if (mismatch) {
      this.refuseFirmware(mismatch);
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
        if (r.kind === 'error') {
          this.stats.errors++;
          const code = r.code;
          this.lines.answer((text) => new ArmError(errorCodeFor(code), `'${text}' refused: error:${code}`));
        } else this.lines.answer(null);
        return;
      }
      case 'alarm':
        this.stats.alarms++;
        this.alarm = true;
        // GRBL flushes its buffers on an alarm: nothing in flight will be answered.
        this.failAll(r.code === 3 || r.code === 10 ? 'halted' : 'fault', `arm alarm ALARM:${r.code}`);
        return;
      case 'banner':
        // Soft reset done: the firmware's buffers are empty.
        this.lines.flushed();
        if (this.halting?.phase === 'reset') this.haltAcknowledged();
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
      this.handshakeComplete();
      return;
    }
    this.applyStatus(r);
    this.reports.reported();
  }

  private applyStatus(r: StatusReport): void {
    this.applyFirmwareView(
      viewFromReport(r, this.current, this.armLimits.joints.length),
      telemetryFromReport(r, now()),
    );
  }
}
