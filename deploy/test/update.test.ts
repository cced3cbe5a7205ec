// deploy/update.sh in a temporary root: one update (the new release beside the old, `current` switched,
// the hub restarted from it and healthy) and one rollback (a release whose hub cannot start: the health
// check fails, `current` goes back, the old release serves again). The restart command stands in for
// systemctl: it stops the running hub and starts the one `current` points at, as the unit would.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  packagedRelease,
  RELEASE_VERSION,
  releaseCopy,
  replaceFile,
  type PackagedRelease,
} from './support/release.ts';

let release: PackagedRelease;
let root: string;
let prefix: string;
let hubPort: number;
let env: Record<string, string>;

beforeAll(async () => {
  release = packagedRelease();
  root = mkdtempSync(join(tmpdir(), 'branch-update-'));
  prefix = join(root, 'opt/branch-kiosk');
  hubPort = await freePort();
  writeFileSync(
    join(root, 'kiosk.config.json'),
    JSON.stringify({ dataDir: join(root, 'data'), hub: { port: hubPort } }),
  );
  // systemctl restart branch-hub, in the temporary root: stop the hub, start current's.
  const restart = join(root, 'restart-hub');
  writeFileSync(
    restart,
    [
      '#!/bin/sh',
      `pidfile=${root}/hub.pid`,
      'if [ -f "$pidfile" ]; then',
      '  pid=$(cat "$pidfile"); kill "$pid" 2>/dev/null || true',
      '  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done',
      'fi',
      `KIOSK_CONFIG=${root}/kiosk.config.json "${process.execPath}" ${prefix}/current/services/hub.mjs >> ${root}/hub.log 2>&1 &`,
      'echo $! > "$pidfile"',
      '',
    ].join('\n'),
  );
  chmodSync(restart, 0o755);
  env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PREFIX: prefix,
    BRANCH_RESTART: restart,
    BRANCH_HEALTH_URLS: `http://127.0.0.1:${hubPort}/readyz`,
    BRANCH_HEALTH_TIMEOUT: '10',
    BRANCH_NODE: process.execPath,
  };
  const installed = spawnSync('sh', [join(release.dir, 'deploy/install.sh')], {
    env: { ...env, DESTDIR: root, PREFIX: '/opt/branch-kiosk' },
    encoding: 'utf8',
  });
  if (installed.status !== 0) throw new Error(installed.stderr);
  spawnSync('sh', [restart]);
}, 300_000);

afterAll(() => {
  const pidfile = join(root, 'hub.pid');
  if (existsSync(pidfile)) spawnSync('kill', [readFileSync(pidfile, 'utf8').trim()]);
});

function update(from: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', [join(prefix, 'current/deploy/update.sh'), from], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const current = (): string => readlinkSync(join(prefix, 'current'));
const hubPid = (): string => readFileSync(join(root, 'hub.pid'), 'utf8').trim();
const ready = async (): Promise<number | undefined> =>
  (await fetch(`http://127.0.0.1:${hubPort}/readyz`).catch(() => null))?.status;

describe('deploy/update.sh', () => {
  it('installs a new release beside the old one, switches current, restarts and checks health', async () => {
    await expect.poll(ready, { timeout: 30_000 }).toBe(200);
    const before = hubPid();
    const incoming = mkdtempSync(join(tmpdir(), 'branch-incoming-'));
    releaseCopy(release, incoming, 'test-2');
    const tarball = join(incoming, 'branch-kiosk-test-2.tar.gz');
    spawnSync('tar', ['-czf', tarball, '-C', incoming, 'branch-kiosk-test-2']);
    const { code, out } = await update(tarball);
    expect(code, out).toBe(0);
    expect(out).toContain('update: release test-2 is healthy');
    expect(current()).toBe('releases/test-2');
    expect(readdirSync(join(prefix, 'releases')).sort()).toEqual([RELEASE_VERSION, 'test-2']);
    // A new hub process, from the new release, answering.
    expect(hubPid()).not.toBe(before);
    expect(await ready()).toBe(200);
    const cmdline = readFileSync(`/proc/${hubPid()}/cmdline`, 'utf8');
    expect(cmdline).toContain(`${prefix}/current/services/hub.mjs`);
  });

  it('rolls back when the new release fails its health check', async () => {
    const incoming = mkdtempSync(join(tmpdir(), 'branch-incoming-'));
    const broken = releaseCopy(release, incoming, 'test-3-broken');
    // A release whose hub dies at start (a missing module, a bad build).
    replaceFile(join(broken, 'services/hub.mjs'), "console.error('hub: cannot start'); process.exit(1);\n");
    const { code, out } = await update(broken);
    expect(code).toBe(1);
    expect(out).toContain(`/readyz did not answer 200 within 10 s`);
    expect(out).toContain('release test-3-broken failed its health check; rolling back to releases/test-2');
    expect(out).toContain('rolled back to releases/test-2 (healthy)');
    expect(current()).toBe('releases/test-2');
    expect(await ready()).toBe(200);
    // The failed release stays beside the others for a look; the log shows it ran and died.
    expect(readdirSync(join(prefix, 'releases')).sort()).toEqual([
      RELEASE_VERSION,
      'test-2',
      'test-3-broken',
    ]);
    expect(readFileSync(join(root, 'hub.log'), 'utf8')).toContain('hub: cannot start');
  });
});
