// Child processes in tests: wait for a line on stdout, stop politely then by force.
import type { ChildProcess } from 'node:child_process';

/** Resolves with the first stdout line that satisfies `match`; rejects on exit or timeout (with stderr). */
export function waitForLine(
  child: ChildProcess,
  match: (line: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errors = '';
    const onErr = (chunk: Buffer): void => {
      errors = (errors + chunk.toString()).slice(-4000);
    };
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        if (match(l)) {
          cleanup();
          resolve(l);
          return;
        }
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      cleanup();
      reject(new Error(`child exited (${code ?? signal}) before it was ready: ${errors}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`child not ready after ${timeoutMs} ms: ${errors}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(child: ChildProcess | null, graceMs = 3000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
