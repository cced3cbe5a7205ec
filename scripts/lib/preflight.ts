// Checks that the machine can run the branch before anything starts, so that a missing tool, a taken port
// or an unwritable folder is one clear line instead of a stack trace from deep inside a service.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

export function requireCommand(command: string, args: string[], debianPackage: string): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (missing) {
    throw new PreflightError(`${command} not found: install it with \`apt-get install ${debianPackage}\``);
  }
}

export function requireWritableDir(dir: string, key: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new PreflightError(`data folder ${dir} (${key}) is not writable (${code})`);
  }
}

/** Resolves when host:port can be bound; port 0 always can. */
export async function requireFreePort(host: string, port: number, key: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${err.code ?? err.message})`;
      reject(new PreflightError(`port ${port} on ${host} (${key}) ${why}`));
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}
