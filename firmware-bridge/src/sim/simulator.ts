// The simulator process body: a pty pair from socat (or a given port), the firmware of one dialect on the
// simulator's end, byte-level fault injection, and a JSON control channel over HTTP on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync, lstatSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { BinaryFirmware } from '../protocol/binary-firmware.ts';
import { SimArm } from '../protocol/sim-arm.ts';
import { FIXTURES, limitsForJoints } from '../protocol/kinematics.ts';
import type { Logger } from '../logger.ts';
import type { Fault, FirmwareEndpoint, HaltRecord, SimulatorState } from './control-types.ts';
import { createGcodeFirmware } from './gcode-endpoint.ts';

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
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class SocatNotFoundError extends Error {}

export class Simulator {
  readonly arm: SimArm;
  readonly fw: FirmwareEndpoint;
  hostPath = '';
  simPath = '';
  controlUrl = '';
  private socat: ChildProcess | null = null;
  private serial: SerialPort | null = null;
  private server: Server | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private tmpDir: string | null = null;
  private stopping = false;
  private unplugged = false;
  private rxNs = 0n;
  private readonly haltLog: HaltRecord[] = [];
  private haltCount = 0;
  private haltFrames = 0;
  private lastHalt: HaltRecord | null = null;
  private readonly bytes = { rx: 0, tx: 0, dropped: 0, corrupted: 0 };
  private readonly inj = { dropRate: 0, corruptRate: 0, latencyMs: 0, unplugs: 0 };
  private readonly startedNs = hrNow();
  /** Scheduler health: how often the firmware loop ran and its longest gap. */
  private readonly ticks = { count: 0, maxGapMs: 0 };

  constructor(private readonly opts: SimulatorOptions) {
    this.arm = new SimArm(nowMs, limitsForJoints(opts.joints ?? 5));
    const write = (b: Uint8Array): void => this.writeOut(b);
    const hooks = {
      onHalt: (haltId: number, category: 0 | 1 | 2, first: boolean) =>
        this.recordHalt(haltId, category, first),
      onWatchdog: () => opts.logger.warn({ msg: 'watchdog: no heartbeat for 250 ms, arm halted' }),
      onHello: (hostId: string) => opts.logger.info({ msg: 'host said HELLO', hostId }),
    };
    this.fw = opts.echo
      ? echoEndpoint(this.arm, write)
      : opts.dialect === 'binary'
        ? new BinaryFirmware(this.arm, write, nowMs, hooks)
        : createGcodeFirmware(this.arm, write, nowMs, hooks);
  }

  async start(): Promise<void> {
    await this.startControl();
    if (this.opts.pty) {
      if (!which('socat')) throw new SocatNotFoundError('socat not found: apt-get install socat');
      if (this.opts.hostPath) {
        mkdirSync(dirname(this.opts.hostPath), { recursive: true });
        this.hostPath = this.opts.hostPath;
        this.simPath = `${this.opts.hostPath}.sim`;
      } else {
        this.tmpDir = mkdtempSync(join(tmpdir(), 'fb-sim-'));
        this.hostPath = join(this.tmpDir, 'arm');
        this.simPath = join(this.tmpDir, 'arm.sim');
      }
      await this.startSocat();
    } else {
      if (!this.opts.port) throw new Error('either --pty or --port PATH');
      this.hostPath = this.opts.port;
      this.simPath = this.opts.port;
    }
    await this.openSerial();
    let last = performance.now();
    this.ticker = setInterval(() => {
      const t = performance.now();
      this.ticks.count++;
      this.ticks.maxGapMs = Math.max(this.ticks.maxGapMs, t - last);
      last = t;
      this.fw.tick();
    }, 5);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.ticker) clearInterval(this.ticker);
    await this.closeSerial();
    await this.stopSocat();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server?.closeAllConnections?.();
    if (this.tmpDir) rmSync(this.tmpDir, { recursive: true, force: true });
  }

  // ---- pty and port ----

  private async startSocat(): Promise<void> {
    for (const p of [this.hostPath, this.simPath]) removeStaleLink(p);
    // socat runs under a small sh that kills it when our stdin pipe closes, so that a simulator killed with
    // SIGKILL leaves no socat behind.
    const child = spawn(
      'sh',
      [
        '-c',
        'exec 3<&0; socat "$@" </dev/null & p=$!; (cat <&3 >/dev/null; kill $p 2>/dev/null) & exec 3<&-; trap "kill $p 2>/dev/null" TERM INT; wait $p',
        'sh',
        `pty,raw,echo=0,link=${this.hostPath}`,
        `pty,raw,echo=0,link=${this.simPath}`,
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    this.socat = child;
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (this.socat !== child) return;
      this.socat = null;
      if (this.stopping || this.unplugged) return;
      this.opts.logger.warn({ msg: 'socat exited; restarting it', code, signal, stderr: err.slice(-500) });
      void this.replug();
    });
    const t0 = Date.now();
    while (!(existsSync(this.hostPath) && existsSync(this.simPath))) {
      if (child.exitCode !== null || Date.now() - t0 > 5000)
        throw new Error(`socat did not create the pty pair: ${err.trim() || 'timeout'}`);
      await sleep(2);
    }
  }

  private async stopSocat(): Promise<void> {
    const c = this.socat;
    this.socat = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.stdin?.end();
      c.kill('SIGTERM');
      setTimeout(() => {
        if (c.exitCode === null) c.kill('SIGKILL');
      }, 500).unref();
    });
    for (const p of [this.hostPath, this.simPath]) removeStaleLink(p);
  }

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
      if (this.opts.pty) await this.startSocat();
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
    if (this.opts.pty) await this.stopSocat();
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
    const data = this.mangle(chunk);
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
    const data = this.mangle(joined);
    const send = (): void => {
      const p = this.serial;
      if (!p?.isOpen) return;
      this.bytes.tx += data.length;
      p.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    };
    if (this.inj.latencyMs > 0) setTimeout(send, this.inj.latencyMs);
    else send();
  }

  private mangle(b: Uint8Array): Uint8Array {
    const { dropRate, corruptRate } = this.inj;
    if (dropRate <= 0 && corruptRate <= 0) return b;
    const out = new Uint8Array(b.length);
    let n = 0;
    for (let i = 0; i < b.length; i++) {
      if (dropRate > 0 && Math.random() < dropRate) {
        this.bytes.dropped++;
        continue;
      }
      let v = b[i]!;
      if (corruptRate > 0 && Math.random() < corruptRate) {
        v ^= 1 + Math.floor(Math.random() * 255);
        this.bytes.corrupted++;
      }
      out[n++] = v;
    }
    return out.subarray(0, n);
  }

  private recordHalt(haltId: number, category: 0 | 1 | 2, first: boolean): void {
    this.haltFrames++;
    const rec: HaltRecord = { haltId, category, rxNs: this.rxNs.toString(), first };
    if (first) this.haltCount++;
    this.lastHalt = rec;
    this.haltLog.push(rec);
    if (this.haltLog.length > 2000) this.haltLog.splice(0, this.haltLog.length - 2000);
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
      arm: {
        state: a.state,
        homed: a.homed,
        joints: a.positions.slice(),
        velocities: a.velocities.slice(),
        currents: a.currents.slice(),
        temperatures: a.temperatures.slice(),
        gripper: a.gripper,
        faults: [...a.faults],
        tool: a.toolPoint(),
        moving: a.moving,
      },
      fixtures: structuredClone(a.fixtures),
      halts: {
        count: this.haltCount,
        frames: this.haltFrames,
        lastHaltId: this.lastHalt?.haltId ?? null,
        lastHaltNs: this.lastHalt?.rxNs ?? null,
        armHalts: a.halts,
      },
      watchdogTrips: this.fw.watchdogTrips,
      ticks: { ...this.ticks },
      session: this.fw.sessionActive,
      link: this.fw.stats(),
      bytes: { ...this.bytes },
      injections: {
        stalled: [...a.inject.stalled],
        overtemp: [...a.inject.overtemp],
        dropRate: this.inj.dropRate,
        corruptRate: this.inj.corruptRate,
        latencyMs: this.inj.latencyMs,
        unplugged: this.unplugged,
        unplugs: this.inj.unplugs,
      },
    };
  }

  inject(f: Fault): void {
    const a = this.arm;
    const joint = (j: number): number => {
      if (!Number.isInteger(j) || j < 0 || j >= a.n) throw new Error(`joint must be 0..${a.n - 1}`);
      return j;
    };
    const rate = (r: number): number => {
      if (!(r >= 0 && r <= 1)) throw new Error('rate must be 0..1');
      return r;
    };
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
        this.inj.dropRate = rate(f.rate);
        break;
      case 'corruptBytes':
        this.inj.corruptRate = rate(f.rate);
        break;
      case 'latency':
        if (!(f.ms >= 0 && f.ms <= 10_000)) throw new Error('ms must be 0..10000');
        this.inj.latencyMs = f.ms;
        break;
      case 'unplug':
        if (!(f.ms >= 0 && f.ms <= 60_000)) throw new Error('ms must be 0..60000');
        void this.unplug(f.ms);
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
    this.inj.dropRate = 0;
    this.inj.corruptRate = 0;
    this.inj.latencyMs = 0;
  }

  private async startControl(): Promise<void> {
    const server = createServer((req, res) => {
      void this.handle(req, res).catch((e: Error) => json(res, 400, { error: e.message }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    this.server = server;
    const addr = server.address();
    if (!addr || typeof addr === 'string') throw new Error('control server has no port');
    this.controlUrl = `http://127.0.0.1:${addr.port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /state':
        return json(res, 200, this.state());
      case 'GET /halts':
        return json(res, 200, { halts: this.haltLog, nowNs: hrNow().toString() });
      case 'GET /fixtures':
        return json(res, 200, { fixtures: this.arm.fixtures });
      case 'GET /healthz':
        return json(res, 200, { ok: true });
      case 'POST /inject': {
        const body = (await readJson(req)) as Fault;
        this.inject(body);
        return json(res, 200, { ok: true });
      }
      case 'POST /clear':
        this.clearFaults();
        return json(res, 200, { ok: true });
      default:
        return json(res, 404, { error: `no route ${route}` });
    }
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s) });
  res.end(s);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 16 * 1024) throw new Error('body too large');
    chunks.push(c);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('body is not JSON');
  }
}

function removeStaleLink(p: string): void {
  try {
    if (lstatSync(p).isSymbolicLink()) unlinkSync(p);
  } catch {
    /* absent */
  }
}

export function which(cmd: string): boolean {
  const paths = (process.env.PATH ?? '/usr/bin:/bin').split(':');
  return paths.some((d) => d && existsSync(join(d, cmd)));
}

function echoEndpoint(arm: SimArm, write: (b: Uint8Array) => void): FirmwareEndpoint {
  return {
    arm,
    sessionActive: false,
    watchdogTrips: 0,
    push: (b) => write(b),
    tick: () => {},
    stats: () => ({ echo: true }),
  };
}
