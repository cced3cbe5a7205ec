// The release the deploy tests work on: `npm run package` once per test run (the packager's own output,
// outside the repository, so nothing resolves from the repo's node_modules), shared by the test files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
export const RELEASE_VERSION = 'test-1';

export interface PackagedRelease {
  /** The release folder (branch-kiosk-test-1). */
  dir: string;
  tarball: string;
}

/** Packages the repository (pages built if missing); reused by every test file of this vitest run. */
export function packagedRelease(): PackagedRelease {
  const out = join(tmpdir(), `branch-release-${process.ppid}`);
  const dir = join(out, `branch-kiosk-${RELEASE_VERSION}`);
  const release = { dir, tarball: `${dir}.tar.gz` };
  if (existsSync(join(dir, 'release.json')) && existsSync(release.tarball)) return release;
  removeStaleReleases();
  // Two test files may package at once (integration files run side by side): each builds its own
  // folder and renames it into place; the one that finds the place taken uses the other's release.
  const building = `${out}.building-${process.pid}`;
  const pagesBuilt = existsSync(join(repoRoot, 'kiosk-ui/dist/index.html'));
  const args = ['--import', 'tsx', 'scripts/package.ts', '--out', building, '--version', RELEASE_VERSION];
  const r = spawnSync(process.execPath, [...args, ...(pagesBuilt ? ['--no-build'] : [])], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`npm run package failed: ${r.stdout}${r.stderr}`);
  try {
    renameSync(building, out);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return release;
}

/** Releases of earlier test runs (their vitest process is gone): about 110 MB each. */
function removeStaleReleases(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = /^branch-release-(\d+)(\.building-\d+)?$/.exec(name);
    if (!m || Number(m[1]) === process.ppid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** A copy of the release as another version (hard links: fast; changed files are replaced, not edited). */
export function releaseCopy(release: PackagedRelease, into: string, version: string): string {
  const dir = join(into, `branch-kiosk-${version}`);
  rmSync(dir, { recursive: true, force: true });
  const r = spawnSync('cp', ['-al', release.dir, dir]);
  if (r.status !== 0) cpSync(release.dir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as { version: string };
  replaceFile(join(dir, 'release.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  return dir;
}

/** Writes a new file in place of a (possibly hard-linked) one. */
export function replaceFile(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * Stands in for systemd's notification socket: socat receives the datagrams that `systemd-notify` sends.
 * (socat never answers systemd-notify's barrier, so each message takes the barrier's 5 s timeout.)
 */
export function notifySocket(dir: string): { path: string; received: () => string; stop: () => void } {
  const path = join(dir, 'notify.sock');
  let got = '';
  const socat: ChildProcess = spawn('socat', ['-u', `UNIX-RECV:${path},unlink-early`, '-'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  socat.stdout?.on('data', (d: Buffer) => (got += d.toString()));
  return { path, received: () => got, stop: () => void socat.kill() };
}
