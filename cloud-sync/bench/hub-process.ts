// Starts the standalone hub (bin/hub.ts) in its own process for the benchmarks, so that the hub and
// the load generator each get a core of the 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OPERATOR = 'bench-operator-token-0123456789';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PKG_ROOT, 'bin/hub.ts')], {
    cwd: PKG_ROOT,
    env: { ...process.env, HUB_PORT: '0', HUB_OPERATOR_TOKEN: OPERATOR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
  const url = await new Promise<string>((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error(`hub did not start: ${errors}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /"event":"hub.started"[^\n]*"url":"([^"]+)"/.exec(buf);
      if (m) {
        clearTimeout(timer);
        ok(m[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`hub exited (${code}): ${errors}`));
    });
  });
  child.stdout?.resume();
  return {
    url,
    child,
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
