// The simulator executable itself: its ready line, clean stop on SIGTERM, no socat left after SIGKILL,
// the one-line message when socat is missing, and a control channel that refuses bad input.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { SIM_BIN, startSimulatorProcess } from '../src/index.ts';
import { until } from './helpers/rig.ts';

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ['--import', 'tsx', SIM_BIN, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  const firstLine = new Promise<string>((r) => createInterface({ input: child.stdout }).once('line', r));
  return { child, exited, firstLine, stderr: () => stderr };
}

it('prints one ready line, logs JSON on stderr, and exits 0 on SIGTERM', async () => {
  const p = run(['--pty', '--dialect', 'gcode']);
  const ready = JSON.parse(await p.firstLine) as Record<string, string>;
  expect(Object.keys(ready).sort()).toEqual(['control', 'dialect', 'event', 'pid', 'port']);
  expect(ready).toMatchObject({ event: 'ready', dialect: 'gcode' });
  expect(ready.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(existsSync(ready.port!)).toBe(true);
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
  expect(existsSync(ready.port!)).toBe(false);
  for (const line of p.stderr().trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('level');
});

it('leaves no socat behind when killed with SIGKILL', async () => {
  const sim = await startSimulatorProcess({ stderr: 'ignore' });
  expect(existsSync(sim.port)).toBe(true);
  process.kill(sim.pid, 'SIGKILL');
  await sim.exited;
  await until(() => !existsSync(sim.port), 'socat to remove the pty link', 5000);
});

it('says what to install when socat is missing', async () => {
  const p = run(['--pty'], { ...process.env, PATH: '/nonexistent' });
  expect(await p.exited).toBe(2);
  expect(p.stderr().trim()).toBe('socat not found: apt-get install socat');
});

it('refuses bad control requests and unknown faults with a clear error', async () => {
  const sim = await startSimulatorProcess({ stderr: 'ignore' });
  try {
    await expect(sim.control.inject({ kind: 'meteor' } as never)).rejects.toThrow(/unknown fault meteor/);
    await expect(sim.control.inject({ kind: 'stall', joint: 9 })).rejects.toThrow(/joint must be/);
    await expect(sim.control.inject({ kind: 'corruptBytes', rate: 2 })).rejects.toThrow(/rate/);
    const res = await fetch(`${sim.control.url}/inject`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not JSON/);
    expect((await sim.control.state()).arm.state).toBe('unhomed');
  } finally {
    await sim.stop();
  }
});
