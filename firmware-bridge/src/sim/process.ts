// startSimulatorProcess: spawns bin/sim.ts with tsx as a child process and waits for its ready line;
// SimulatorControl: a small typed client for the simulator's control channel.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Fault, HaltRecord, SimulatorState } from './control-types.ts';

export const SIM_BIN = fileURLToPath(new URL('../../bin/sim.ts', import.meta.url));

export interface StartSimulatorOptions {
  dialect?: 'binary' | 'gcode';
  /** Where the host end should appear (stable across restarts); default a fresh temp path. */
  link?: string;
  /** Instead of a pty pair, open this port. */
  port?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the simulator's stderr (JSON log lines) goes: 'inherit', 'ignore', or a callback per line. */
  stderr?: 'inherit' | 'ignore' | ((line: string) => void);
  /** Each JSON log line of the simulator (same as a `stderr` callback). */
  onLog?: (line: string) => void;
  readyTimeoutMs?: number;
  /** Benchmark baseline: a raw echo on the same kind of pty instead of firmware. */
  echo?: boolean;
  /** Joints of the simulated arm: 5 (default) or 6. */
  joints?: number;
}

export interface SimulatorProcess {
  port: string;
  control: SimulatorControl;
  pid: number;
  dialect: 'binary' | 'gcode';
  /** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
  stop(): Promise<void>;
  /** Resolves when the process exits by itself or is stopped. */
  exited: Promise<number | null>;
}

export class SimulatorControl {
  constructor(readonly url: string) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`simulator ${method} ${path}: ${data.error ?? res.status}`);
    return data;
  }

  state(): Promise<SimulatorState> {
    return this.call('GET', '/state');
  }
  async inject(fault: Fault): Promise<void> {
    await this.call('POST', '/inject', fault);
  }
  async clearFaults(): Promise<void> {
    await this.call('POST', '/clear');
  }
  async haltLog(): Promise<HaltRecord[]> {
    return (await this.call<{ halts: HaltRecord[] }>('GET', '/halts')).halts;
  }
  async fixtures(): Promise<SimulatorState['fixtures']> {
    return (await this.call<{ fixtures: SimulatorState['fixtures'] }>('GET', '/fixtures')).fixtures;
  }
  /** Polls state() until `pred` holds; rejects after timeoutMs. */
  async waitFor(
    pred: (s: SimulatorState) => boolean,
    timeoutMs = 5000,
    everyMs = 10,
  ): Promise<SimulatorState> {
    const t0 = Date.now();
    for (;;) {
      const s = await this.state();
      if (pred(s)) return s;
      if (Date.now() - t0 > timeoutMs)
        throw new Error(`simulator state condition not met in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export function startSimulatorProcess(options: StartSimulatorOptions = {}): Promise<SimulatorProcess> {
  const dialect = options.dialect ?? 'binary';
  const args = ['--import', 'tsx', SIM_BIN, '--dialect', dialect, '--exit-with-stdin'];
  if (options.echo) args.push('--echo');
  if (options.joints !== undefined) args.push('--joints', String(options.joints));
  if (options.port) args.push('--port', options.port);
  else args.push('--pty', ...(options.link ? ['--link', options.link] : []));
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let stderrTail = '';
  if (child.stderr) {
    const rl = createInterface({ input: child.stderr });
    rl.on('line', (line) => {
      stderrTail = (stderrTail + line + '\n').slice(-2000);
      if (typeof options.stderr === 'function') options.stderr(line);
      options.onLog?.(line);
    });
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    child.stdin?.end();
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`simulator not ready within ${options.readyTimeoutMs ?? 15_000} ms: ${stderrTail}`));
    }, options.readyTimeoutMs ?? 15_000);
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      clearTimeout(timer);
      try {
        const ready = JSON.parse(line) as { event: string; port: string; control: string };
        if (ready.event !== 'ready') throw new Error(`unexpected first line: ${line}`);
        resolve({
          port: ready.port,
          control: new SimulatorControl(ready.control),
          pid: child.pid!,
          dialect,
          stop,
          exited,
        });
      } catch (e) {
        void stop();
        reject(e as Error);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code} before ready: ${stderrTail.trim()}`));
    });
  });
}
