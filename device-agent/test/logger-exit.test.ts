// A killed launcher leaves the agent's standard output without a reader. The agent must still exit:
// pino's own stdout destination flushed synchronously on exit, and its writer retried the broken pipe
// forever, so the agent hung in process.exit with queued lines (a leftover agent was found this way).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./support/log-then-exit.ts', import.meta.url));

it('exits when its log output has nobody reading it any more', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the child exited early (${code})`)));
  });
  // The reader goes away, as when the launcher is killed.
  if (!child.stdout) throw new Error('no stdout pipe');
  child.stdout.destroy();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.send('go');
  // Generous: this bounds a hang, it does not measure speed.
  const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref());
  const outcome = await Promise.race([exited, hung]);
  if (outcome === 'hung') child.kill('SIGKILL');
  expect(outcome).toBe(0);
}, 30_000);
