// The simulator's pty pair: socat creating two linked ptys (the host's end and the simulator's), started,
// awaited until both links exist, and stopped; where its two ends appear; and the PATH lookup that tells a
// missing socat apart.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class SocatNotFoundError extends Error {}

export class SocatPair {
  private child: ChildProcess | null = null;

  /** `onExit` hears of a socat that exited without stop() (not when stop() ended it). */
  constructor(
    readonly hostPath: string,
    readonly simPath: string,
    private readonly onExit: (info: { code: number | null; signal: string | null; stderr: string }) => void,
  ) {}

  async start(): Promise<void> {
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
    this.child = child;
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      this.onExit({ code, signal, stderr: err.slice(-500) });
    });
    const t0 = Date.now();
    while (!(existsSync(this.hostPath) && existsSync(this.simPath))) {
      if (child.exitCode !== null || Date.now() - t0 > 5000)
        throw new Error(`socat did not create the pty pair: ${err.trim() || 'timeout'}`);
      await sleep(2);
    }
  }

  async stop(): Promise<void> {
    const c = this.child;
    this.child = null;
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

/** Where the pty pair's two ends appear: beside `hostPath` when given, else in a fresh temp folder. */
export function ptyPaths(hostPath?: string): { hostPath: string; simPath: string; tmpDir: string | null } {
  if (hostPath) {
    mkdirSync(dirname(hostPath), { recursive: true });
    return { hostPath, simPath: `${hostPath}.sim`, tmpDir: null };
  }
  const tmpDir = mkdtempSync(join(tmpdir(), 'fb-sim-'));
  return { hostPath: join(tmpDir, 'arm'), simPath: join(tmpDir, 'arm.sim'), tmpDir };
}
