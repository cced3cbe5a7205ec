// Starts the standalone hub (bin/hub.ts) in its own process for the benchmarks, so that the hub and
// the load generator each get a core of the 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoopDelay } from './loop-delay.ts';

export const PKG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OPERATOR = 'bench-operator-token-0123456789';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** The hub's event-loop delay since the last call (the first call: since start). */
  loopDelay(): Promise<LoopDelay>;
  stop(): Promise<void>;
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const probe = join(PKG_ROOT, 'bench/hub-loop-probe.ts');
  const args = ['--import', 'tsx', '--import', probe, join(PKG_ROOT, 'bin/hub.ts')];
  const child = spawn(process.execPath, args, {
    cwd: PKG_ROOT,
    env: { ...process.env, HUB_PORT: '0', HUB_OPERATOR_TOKEN: OPERATOR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
  // Every stdout line is read: the start line, then the loop-delay answers (the rest is dropped).
  const waiting: ((d: LoopDelay) => void)[] = [];
  let buf = '';
  let started: ((url: string) => void) | null = null;
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const m = /"event":"hub.started"[^\n]*"url":"([^"]+)"/.exec(text);
      if (m) started?.(m[1] as string);
      if (text.includes('"event":"bench.loop_delay"')) waiting.shift()?.(JSON.parse(text) as LoopDelay);
    }
  });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`hub did not start: ${errors}`)), 30_000);
    started = (u) => {
      clearTimeout(timer);
      ok(u);
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`hub exited (${code}): ${errors}`));
    });
  });
  return {
    url,
    child,
    loopDelay: () =>
      new Promise<LoopDelay>((ok) => {
        waiting.push(ok);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(t);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
