// The simulator process body: a pty pair from socat (or a given port), the firmware of one dialect on the
// simulator's end, byte-level fault injection, and a JSON control channel over HTTP on 127.0.0.1.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { SerialPort } from 'serialport';
import { BinaryFirmware } from '../protocol/binary-firmware.ts';
import { SimArm } from '../protocol/sim-arm.ts';
import { FIXTURES, limitsForJoints } from '../protocol/kinematics.ts';
import type { Logger } from '../logger.ts';
import type { Fault, FirmwareEndpoint, SimulatorState } from './control-types.ts';
import { armView } from './arm-view.ts';
import { FirmwareClock } from './firmware-clock.ts';
import { ByteFaults } from './byte-faults.ts';
import { jointIn, msIn, rateIn } from './fault-ranges.ts';
import { HaltReceipts } from './halt-receipts.ts';
import { createGcodeFirmware } from './gcode-endpoint.ts';
import { createEchoEndpoint } from './echo-endpoint.ts';
import { startControlServer } from './control-server.ts';
import { SocatNotFoundError, SocatPair, ptyPaths, which } from './socat.ts';

export { SocatNotFoundError, which };

export type Dialect = 'binary' | 'gcode';

export interface SimulatorOptions {
  dialect: Dialect;
  /** Create a pty pair with socat; the host opens `hostPath`. */
  pty: boolean;
  /** With pty: where the host's end appears (a socat link=); default a fresh temp dir. */
  hostPath?: string;
  /** Without pty: an existing port to open (the other end of a null-modem or pty pair). */
  port?: string;
  baudRate?: number;
  logger: Logger;
  /** Benchmark baseline: no firmware, every byte is written straight back (a raw pty echo). */
  echo?: boolean;
  /** 5 (default) or 6 joints. */
  joints?: number;
}

const hrNow = (): bigint => process.hrtime.bigint();
const nowMs = (): number => Number(hrNow()) / 1e6;
/** The firmware loop's period. */
const TICK_MS = 5;

export class Simulator {
  readonly arm: SimArm;
  readonly fw: FirmwareEndpoint;
  hostPath = '';
  simPath = '';
  controlUrl = '';
  private socat: SocatPair | null = null;
  private serial: SerialPort | null = null;
  private server: Server | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private tmpDir: string | null = null;
  private stopping = false;
  private unplugged = false;
  private rxNs = 0n;
  private readonly halts = new HaltReceipts();
  private readonly bytes = { rx: 0, tx: 0 };
  private readonly faults = new ByteFaults();
  private readonly inj = { latencyMs: 0, unplugs: 0 };
  private readonly startedNs = hrNow();
  /** Scheduler health: how often the firmware loop ran and its longest gap. */
  private readonly ticks = { count: 0, maxGapMs: 0 };

  /** Wall time less the simulator's own stalls (see firmware-clock.ts); the arm and firmware run on it. */
  private readonly clock = new FirmwareClock(TICK_MS, nowMs);

  constructor(private readonly opts: SimulatorOptions) {
    const now = (): number => this.clock.now();
    this.arm = new SimArm(now, limitsForJoints(opts.joints ?? 5));
    const write = (b: Uint8Array): void => this.writeOut(b);
    const hooks = {
      onHalt: (haltId: number, category: 0 | 1 | 2, first: boolean) =>
        this.halts.record(haltId, category, first, this.rxNs),
      onWatchdog: () => opts.logger.warn({ msg: 'watchdog: no heartbeat for 250 ms, arm halted' }),
      onHello: (hostId: string) => opts.logger.info({ msg: 'host said HELLO', hostId }),
    };
    this.fw = opts.echo
      ? createEchoEndpoint(this.arm, write)
      : opts.dialect === 'binary'
        ? new BinaryFirmware(this.arm, write, now, hooks)
        : createGcodeFirmware(this.arm, write, now, hooks);
  }

  async start(): Promise<void> {
    await this.startControl();
    if (this.opts.pty) {
      if (!which('socat')) throw new SocatNotFoundError('socat not found: apt-get install socat');
      ({
        hostPath: this.hostPath,
        simPath: this.simPath,
        tmpDir: this.tmpDir,
      } = ptyPaths(this.opts.hostPath));
      this.socat = new SocatPair(this.hostPath, this.simPath, (exit) => {
        if (this.stopping || this.unplugged) return;
        this.opts.logger.warn({ msg: 'socat exited; restarting it', ...exit });
        void this.replug();
      });
      await this.socat.start();
    } else {
      if (!this.opts.port) throw new Error('either --pty or --port PATH');
      this.hostPath = this.opts.port;
      this.simPath = this.opts.port;
    }
    await this.openSerial();
    this.ticker = setInterval(() => {
      this.ticks.count++;
      this.ticks.maxGapMs = Math.max(this.ticks.maxGapMs, this.clock.tick());
      this.fw.tick();
    }, TICK_MS);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.ticker) clearInterval(this.ticker);
    await this.closeSerial();
    await this.socat?.stop();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server?.closeAllConnections?.();
    if (this.tmpDir) rmSync(this.tmpDir, { recursive: true, force: true });
  }

  // ---- pty and port ----

  private async openSerial(): Promise<void> {
    const port = new SerialPort({
      path: this.simPath,
      baudRate: this.opts.baudRate ?? 115200,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.serial = port;
    port.on('data', (chunk: Buffer) => this.onBytes(chunk));
    port.on('error', (e) => this.opts.logger.warn({ msg: 'simulator port error', err: e.message }));
    port.on('close', () => {
      if (this.serial === port) this.serial = null;
    });
  }

  private async closeSerial(): Promise<void> {
    const p = this.serial;
    this.serial = null;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  }

  private async replug(): Promise<void> {
    await this.closeSerial();
    try {
      if (this.socat) await this.socat.start();
      await this.openSerial();
    } catch (e) {
      this.opts.logger.error({ msg: 'replug failed', err: (e as Error).message });
    }
  }

  async unplug(ms: number): Promise<void> {
    if (this.unplugged) return;
    this.unplugged = true;
    this.inj.unplugs++;
    this.opts.logger.info({ msg: 'unplug', ms });
    await this.closeSerial();
    await this.socat?.stop();
    setTimeout(() => {
      this.unplugged = false;
      if (this.stopping) return;
      void this.replug().then(() => this.opts.logger.info({ msg: 'replugged' }));
    }, ms);
  }

  // ---- bytes with faults ----

  private onBytes(chunk: Buffer): void {
    const rxNs = hrNow();
    this.bytes.rx += chunk.length;
    const data = this.faults.mangle(chunk);
    if (this.inj.latencyMs > 0) {
      setTimeout(() => {
        this.rxNs = hrNow();
        this.fw.push(data);
      }, this.inj.latencyMs);
    } else {
      this.rxNs = rxNs;
      this.fw.push(data);
    }
  }

  private outQueue: Uint8Array[] = [];

  /** Frames written in one turn of the event loop leave in one write(2) (telemetry + result, say). */
  private writeOut(b: Uint8Array): void {
    if (this.unplugged) return;
    this.outQueue.push(b.slice());
    if (this.outQueue.length === 1) queueMicrotask(() => this.flushOut());
  }

  private flushOut(): void {
    const parts = this.outQueue;
    this.outQueue = [];
    if (parts.length === 0 || this.unplugged) return;
    const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const data = this.faults.mangle(joined);
    const send = (): void => {
      const p = this.serial;
      if (!p?.isOpen) return;
      this.bytes.tx += data.length;
      p.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    };
    if (this.inj.latencyMs > 0) setTimeout(send, this.inj.latencyMs);
    else send();
  }

  // ---- control channel ----

  state(): SimulatorState {
    const a = this.arm;
    return {
      dialect: this.opts.dialect,
      port: this.hostPath,
      pid: process.pid,
      uptimeMs: Number(hrNow() - this.startedNs) / 1e6,
      nowNs: hrNow().toString(),
      arm: armView(a),
      fixtures: structuredClone(a.fixtures),
      halts: this.halts.summary(a.halts),
      watchdogTrips: this.fw.watchdogTrips,
      ticks: { ...this.ticks },
      session: this.fw.sessionActive,
      link: this.fw.stats(),
      bytes: { ...this.bytes, ...this.faults.counts },
      injections: {
        stalled: [...a.inject.stalled],
        overtemp: [...a.inject.overtemp],
        dropRate: this.faults.dropRate,
        corruptRate: this.faults.corruptRate,
        latencyMs: this.inj.latencyMs,
        unplugged: this.unplugged,
        unplugs: this.inj.unplugs,
      },
    };
  }

  inject(f: Fault): void {
    const a = this.arm;
    const joint = (j: number): number => jointIn(j, a.n);
    switch (f.kind) {
      case 'stall':
        a.inject.stalled.add(joint(f.joint));
        break;
      case 'overtemp':
        a.inject.overtemp.add(joint(f.joint));
        break;
      case 'encoderGlitch':
        a.encoderGlitch.add(joint(f.joint));
        break;
      case 'dropBytes':
        this.faults.dropRate = rateIn(f.rate);
        break;
      case 'corruptBytes':
        this.faults.corruptRate = rateIn(f.rate);
        break;
      case 'latency':
        this.inj.latencyMs = msIn(f.ms, 10_000);
        break;
      case 'unplug':
        void this.unplug(msIn(f.ms, 60_000));
        break;
      case 'fixture':
        if (!FIXTURES[f.name]) throw new Error(`unknown fixture ${f.name}`);
        a.setFixtureState(f.name, String(f.state));
        break;
      default:
        throw new Error(`unknown fault ${(f as { kind: string }).kind}`);
    }
    this.opts.logger.info({ msg: 'fault injected', fault: f });
  }

  clearFaults(): void {
    this.arm.inject.stalled.clear();
    this.arm.inject.overtemp.clear();
    this.arm.encoderGlitch.clear();
    this.faults.dropRate = 0;
    this.faults.corruptRate = 0;
    this.inj.latencyMs = 0;
  }

  private async startControl(): Promise<void> {
    const { server, url } = await startControlServer({
      state: () => this.state(),
      halts: () => ({ halts: this.halts.log, nowNs: hrNow().toString() }),
      fixtures: () => this.arm.fixtures,
      inject: (f) => this.inject(f),
      clearFaults: () => this.clearFaults(),
    });
    this.server = server;
    this.controlUrl = url;
  }
}
