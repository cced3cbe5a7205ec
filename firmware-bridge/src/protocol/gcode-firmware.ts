// The G-code firmware of the simulator (GRBL 1.1 manner): line protocol with ok/error:N, a 15-block
// planner fed from a 128-byte receive buffer, realtime ? ! ~ 0x18, alarms, and a 250 ms watchdog on
// host silence (the host's `?` polls double as its heartbeat). Pure: owner feeds bytes and calls tick().
import type { FirmwareHooks } from './binary-firmware.ts';
import {
  GcodeAlarm,
  GcodeError,
  MAX_LINE_BYTES,
  RT_HOLD,
  RT_RESET,
  RT_RESUME,
  RT_STATUS,
  RX_BUFFER_BYTES,
} from './gcode.ts';
import { executeLine, startMotion, type Block, type Modal } from './gcode-lines.ts';
import { PLANNER_BLOCKS, buildInfoLines, settingLines, statusReportFor } from './gcode-status-report.ts';
import { ResultCode, type ResultCodeValue } from './messages.ts';
import type { SimArm } from './sim-arm.ts';

const WATCHDOG_MS = 250;

const enc = new TextEncoder();

export class GcodeFirmware {
  sessionActive = false;
  watchdogTrips = 0;
  private lastHostByte = -Infinity;
  private line = '';
  private overflow = false;
  private readonly lines: string[] = [];
  private queuedBytes = 0;
  private readonly planner: Block[] = [];
  private current: Block | null = null;
  private interrupted: Block | null = null;
  private alarm = true; // homing lock at power-up
  private hold = false;
  private readonly modal: Modal;
  private haltId = 0;
  private lastResetAt = -Infinity;
  private counters = { lines: 0, ok: 0, errors: 0, alarms: 0, resets: 0, holds: 0, statusReports: 0 };

  constructor(
    readonly arm: SimArm,
    private readonly write: (bytes: Uint8Array) => void,
    private readonly now: () => number,
    private readonly hooks: FirmwareHooks = {},
  ) {
    this.modal = { targets: arm.positions.slice(), feed: this.maxFeed() };
  }

  private maxFeed(): number {
    return Math.max(...this.arm.limits.joints.map((j) => j.maxVelocity)) * 60;
  }

  stats(): Record<string, unknown> {
    return {
      ...this.counters,
      planner: this.planner.length + (this.current ? 1 : 0),
      rxQueued: this.queuedBytes,
      alarm: this.alarm,
      hold: this.hold,
    };
  }

  private send(text: string): void {
    this.write(enc.encode(text + '\r\n'));
  }

  push(bytes: Uint8Array): void {
    const now = this.now();
    this.lastHostByte = now;
    if (!this.sessionActive) {
      this.sessionActive = true;
      this.hooks.onHello?.('gcode host');
    }
    for (const b of bytes) {
      if (b === RT_STATUS) this.statusReport();
      else if (b === RT_HOLD) this.feedHold();
      else if (b === RT_RESUME) this.cycleStart();
      else if (b === RT_RESET) this.softReset();
      else if (b === 0x0a) {
        const l = this.line;
        this.line = '';
        if (this.overflow) {
          this.overflow = false;
          this.counters.errors++;
          this.send(`error:${GcodeError.OVERFLOW}`);
        } else if (this.queuedBytes + l.length + 1 > RX_BUFFER_BYTES) {
          // A host that does not count characters overran the buffer: GRBL would lose bytes here.
          this.counters.errors++;
          this.send(`error:${GcodeError.OVERFLOW}`);
        } else {
          this.lines.push(l);
          this.queuedBytes += l.length + 1;
        }
      } else if (b === 0x0d) continue;
      else if (this.line.length >= MAX_LINE_BYTES) this.overflow = true;
      else this.line += String.fromCharCode(b);
    }
    this.processLines();
  }

  tick(): void {
    const now = this.now();
    this.arm.tick(now);
    if (this.sessionActive && now - this.lastHostByte > WATCHDOG_MS) {
      this.sessionActive = false;
      this.watchdogTrips++;
      this.arm.watchdogTrip();
      this.raiseAlarm(GcodeAlarm.WATCHDOG);
      this.hooks.onWatchdog?.();
    }
    this.runPlanner(now);
    this.processLines();
  }

  // ---- realtime commands ----

  private statusReport(): void {
    this.counters.statusReports++;
    this.send(
      statusReportFor(this.arm, {
        alarm: this.alarm,
        hold: this.hold,
        homing: this.current?.kind === 'home',
        running: this.current !== null || this.planner.length > 0,
        bf: [PLANNER_BLOCKS - this.planner.length, RX_BUFFER_BYTES - this.queuedBytes],
        feed: this.modal.feed,
        t: this.now(),
      }),
    );
  }

  private feedHold(): void {
    const first = !this.hold;
    if (first) {
      this.haltId++;
      this.counters.holds++;
      this.hold = true;
      if (this.current && this.current.kind !== 'dwell') this.interrupted = this.current;
      this.current = null;
      this.arm.halt(2, 'feed hold');
    }
    this.hooks.onHalt?.(this.haltId, 2, first);
  }

  private cycleStart(): void {
    if (!this.hold || this.alarm) return;
    if (this.arm.resume()) return;
    this.hold = false;
    if (this.interrupted) this.planner.unshift(this.interrupted);
    this.interrupted = null;
  }

  private softReset(): void {
    const wasMoving = this.arm.moving && !this.hold;
    // The host repeats the reset byte until it sees the banner: a repeat within 100 ms is the same halt.
    const t = this.now();
    const first = wasMoving || t - this.lastResetAt > 100;
    this.lastResetAt = t;
    if (first) this.haltId++;
    this.counters.resets++;
    this.hooks.onHalt?.(this.haltId, 0, first);
    if (wasMoving) this.arm.halt(0, 'reset');
    else if (this.hold || this.arm.state === 'halted') this.arm.resume();
    this.hold = false;
    this.current = null;
    this.interrupted = null;
    this.planner.length = 0;
    this.lines.length = 0;
    this.queuedBytes = 0;
    this.line = '';
    this.modal.targets = this.arm.positions.slice();
    this.send('');
    this.send("Grbl 1.1h ['$' for help]");
    if (wasMoving) this.raiseAlarm(GcodeAlarm.ABORT_CYCLE);
    else if (!this.arm.homed || this.arm.state === 'fault') this.alarm = true;
  }

  private raiseAlarm(code: number): void {
    this.alarm = true;
    this.counters.alarms++;
    this.planner.length = 0;
    this.lines.length = 0;
    this.queuedBytes = 0;
    this.current = null;
    this.interrupted = null;
    this.send(`ALARM:${code}`);
  }

  // ---- lines ----

  private processLines(): void {
    while (this.lines.length > 0 && this.planner.length < PLANNER_BLOCKS) {
      // `$H` and `$X` wait for the planner to drain, as in GRBL (system commands need Idle).
      const next = this.lines[0]!.trim();
      if (next.startsWith('$') && (this.current || this.planner.length > 0)) return;
      const l = this.lines.shift()!;
      this.queuedBytes -= l.length + 1;
      this.counters.lines++;
      const reply = this.execute(l.trim());
      if (reply === null) continue; // answered later (homing, dwell)
      if (reply === 0) {
        this.counters.ok++;
        this.send('ok');
      } else {
        this.counters.errors++;
        this.send(`error:${reply}`);
      }
    }
  }

  /** 0: ok now; N: error:N now; null: ok comes when the block completes. */
  private execute(l: string): number | null {
    if (l === '') return 0;
    if (l.startsWith('$')) return this.system(l.toUpperCase());
    return executeLine(l, {
      arm: this.arm,
      alarm: this.alarm,
      modal: this.modal,
      maxFeed: this.maxFeed(),
      plan: (block) => this.planner.push(block),
    });
  }

  private system(l: string): number | null {
    switch (l) {
      case '$I':
        for (const line of buildInfoLines(this.arm.n, WATCHDOG_MS)) this.send(line);
        return 0;
      case '$H':
        if (this.arm.state === 'fault') return GcodeError.SYSTEM_GC_LOCK;
        this.alarm = false;
        this.planner.push({ kind: 'home' });
        return null;
      case '$X': {
        const refusal = this.arm.resume();
        if (refusal) return GcodeError.SYSTEM_GC_LOCK;
        this.alarm = false;
        this.hold = false;
        this.modal.targets = this.arm.positions.slice();
        return 0;
      }
      case '$$':
        for (const line of settingLines(this.arm)) this.send(line);
        return 0;
      default:
        return GcodeError.UNSUPPORTED_COMMAND;
    }
  }

  // ---- planner ----

  private runPlanner(now: number): void {
    if (this.hold || this.alarm) return;
    const cur = this.current;
    if (cur) {
      if (cur.kind === 'dwell' && cur.until !== undefined && now >= cur.until) {
        this.current = null;
        this.counters.ok++;
        this.send('ok');
      } else return;
    }
    const next = this.planner.shift();
    if (!next) return;
    this.current = next;
    if (next.kind === 'dwell') {
      next.until = now + next.ms;
      // zero dwell completes on this tick: the planner before it is empty
      if (next.ms === 0) this.runPlanner(now);
      return;
    }
    const refusal = startMotion(this.arm, next, (code) => this.blockDone(next, code));
    if (refusal) this.blockDone(next, refusal.code);
  }

  private blockDone(block: Block, code: ResultCodeValue): void {
    if (this.current !== block) return; // already dropped by a hold or reset
    this.current = null;
    if (code === ResultCode.OK) {
      if (block.kind === 'home') {
        this.modal.targets = this.arm.positions.slice();
        this.counters.ok++;
        this.send('ok');
      }
      return;
    }
    if (code === ResultCode.HALTED) return;
    if (code === ResultCode.FAULT) this.raiseAlarm(GcodeAlarm.MOTOR_FAULT);
    else if (code === ResultCode.NOT_HOMED) this.raiseAlarm(GcodeAlarm.SOFT_LIMIT);
    else this.raiseAlarm(GcodeAlarm.HARD_LIMIT);
  }
}
