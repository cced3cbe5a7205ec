// Starts the real branch in a box (scripts/branch.ts: hub, simulator on a pty, agent) as a child process
// on ephemeral ports and a temporary data folder, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');

export interface BranchRuntime {
  readySeconds: number;
  hub: { url: string; pid: number };
  agent: { url: string; pid: number };
  simulator: { port: string; control: string } | null;
  pages: { kiosk: string; sim: string; agentConsole: string };
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

export async function startBranch(
  dataDir = mkdtempSync(join(tmpdir(), 'branch-e2e-')),
  ports: BranchPorts = {},
): Promise<RunningBranch> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/branch.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KIOSK_DATA_DIR: dataDir,
      KIOSK_HUB_PORT: String(ports.hub ?? 0),
      KIOSK_AGENT_PORT: String(ports.agent ?? 0),
      KIOSK_CONFIG: '',
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
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
