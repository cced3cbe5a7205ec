// Starts the real branch in a box (scripts/branch.ts: hub, simulator on a pty, agent) as a child process
// on ephemeral ports and a temporary data folder, for end-to-end tests and the start-up benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

export interface BranchRuntime {
  launcherPid: number;
  readySeconds: number;
  hub: { url: string; pid: number };
  agent: { url: string; pid: number };
  simulator: { port: string; control: string } | null;
  /** The TURN server's URL when turn.enabled. */
  turn: string | null;
  pages: { kiosk: string; sim: string; agentConsole: string; technician: string };
}

export interface BranchSecretsFile {
  technicianPin: string;
  agentPassword: string;
}

export interface RunningBranch {
  dataDir: string;
  runtime: BranchRuntime;
  secrets: BranchSecretsFile;
  /** Everything the processes printed so far (the tests scan it for a planted PAN). */
  output(): string;
  /** Sends SIGINT as Ctrl-C would and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Fixed ports (0: ephemeral), e.g. to restart the agent where a page already points. */
export interface BranchPorts {
  agent?: number;
  hub?: number;
}

/** How to start it: the launcher itself, or the README's `npm start` (which builds the pages first). */
export type BranchCommand = 'launcher' | 'npm start';

const COMMANDS: Record<BranchCommand, [string, string[]]> = {
  launcher: [process.execPath, ['--import', 'tsx', 'scripts/branch.ts']],
  'npm start': ['npm', ['start', '--silent']],
};

export async function startBranch(
  dataDir = mkdtempSync(join(tmpdir(), 'branch-e2e-')),
  ports: BranchPorts = {},
  command: BranchCommand = 'launcher',
  /** More environment (KIOSK_* overrides). */
  env: Record<string, string> = {},
): Promise<RunningBranch> {
  const [file, args] = COMMANDS[command];
  const child: ChildProcess = spawn(file, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stop() can signal the group as a terminal's Ctrl-C does.
    detached: true,
    env: {
      ...process.env,
      KIOSK_DATA_DIR: dataDir,
      KIOSK_HUB_PORT: String(ports.hub ?? 0),
      KIOSK_AGENT_PORT: String(ports.agent ?? 0),
      KIOSK_CONFIG: '',
      ...env,
    },
  });
  let text = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  await new Promise<void>((res, rej) => {
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (text.includes('kiosk ready in')) res();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => rej(new Error(`branch exited with ${code} before ready:\n${text}`)));
  });
  const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as BranchRuntime;
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as BranchSecretsFile;
  return {
    dataDir,
    runtime,
    secrets,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
}

/**
 * Whether the agent at `agentUrl` has pulled knowledge from its hub and has its realtime socket up (its
 * /healthz). The socket and the pull loop run independently, so either may finish first: poll this.
 */
export async function agentSynced(agentUrl: string): Promise<boolean> {
  const res = await fetch(`${agentUrl}/healthz`);
  const { sync } = (await res.json()) as { sync: { realtime?: string; lastPullAt?: string | null } };
  return sync.realtime === 'connected' && typeof sync.lastPullAt === 'string';
}
