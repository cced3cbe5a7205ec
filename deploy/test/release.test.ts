// `npm run package`: a release folder and tarball that hold everything the kiosk runs (bundled services,
// pages, native modules, deploy/ tree), and whose services run from it alone, speaking systemd's
// readiness and watchdog protocol.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  notifySocket,
  packagedRelease,
  RELEASE_VERSION,
  type PackagedRelease,
} from './support/release.ts';
import { agentSynced } from '../../scripts/lib/branch-process.ts';
import { SERVICE_NODE_ARGS, serviceEnv } from '../../scripts/lib/service-runtime.ts';

let release: PackagedRelease;
beforeAll(() => {
  release = packagedRelease();
}, 300_000);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Every native addon (.node) under a folder. */
function addons(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.node')) out.push(p.slice(dir.length + 1));
    }
  };
  walk(dir);
  return out;
}

function startService(name: 'hub' | 'agent' | 'hub-central', env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_ARGS, join(release.dir, 'services', `${name}.mjs`)],
    {
      cwd: mkdtempSync(join(tmpdir(), 'branch-cwd-')),
      // As the systemd units run them: the services' flags and allocator, nothing else of this shell.
      env: serviceEnv({ PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return child;
}

function config(dir: string, hubPort: number, agentPort: number): string {
  const file = join(dir, 'kiosk.config.json');
  writeFileSync(
    file,
    JSON.stringify({ dataDir: join(dir, 'data'), hub: { port: hubPort }, agent: { port: agentPort } }),
  );
  return file;
}

describe('the release', () => {
  it('holds the bundled services, the pages, the native modules and the deploy tree', () => {
    const manifest = JSON.parse(readFileSync(join(release.dir, 'release.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: RELEASE_VERSION,
      services: [
        'services/hub.mjs',
        'services/agent.mjs',
        'services/hub-backup.mjs',
        'services/hub-central.mjs',
      ],
    });
    for (const f of [
      'services/hub.mjs',
      'services/agent.mjs',
      'pages/index.html',
      'pages/agent.html',
      'pages/tech.html',
      'node_modules/@branch/device-agent/kb-eval/train.jsonl',
      'deploy/install.sh',
      'deploy/update.sh',
      'deploy/systemd/branch-hub.service',
      'deploy/systemd/branch-agent.service',
      'deploy/systemd/branch-kiosk-shell.service',
      'deploy/udev/70-branch-kiosk.rules',
      'deploy/sysusers.d/branch-kiosk.conf',
      'deploy/kiosk/branch-kiosk-shell',
      'deploy/etc/kiosk.config.json',
    ]) {
      expect(existsSync(join(release.dir, f)), f).toBe(true);
    }
    expect(existsSync(join(release.dir, 'deploy/test'))).toBe(false);
    expect(statSync(join(release.dir, 'deploy/install.sh')).mode & 0o111).not.toBe(0);
    // The native modules: SQLite, the card reader, the serial port, GPIO.
    const native = addons(join(release.dir, 'node_modules')).join('\n');
    for (const pkg of ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp', 'epoll']) {
      expect(native).toContain(`${pkg}`);
    }
    // Chinese word segmentation reads jieba's dictionary only, shipped with its licence.
    for (const f of ['dict.txt', 'LICENSE'])
      expect(existsSync(join(release.dir, 'node_modules/@node-rs/jieba', f)), f).toBe(true);
    // The tarball holds the same folder.
    const listing = spawnSync('tar', ['-tzf', release.tarball], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }).stdout;
    expect(listing).toContain(`branch-kiosk-${RELEASE_VERSION}/services/agent.mjs`);
    expect(listing).toContain(`branch-kiosk-${RELEASE_VERSION}/deploy/systemd/branch-agent.service`);
  });

  it('runs the hub from the release alone: READY=1, watchdog pings while it answers, STOPPING=1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'branch-release-hub-'));
    const hubPort = await freePort();
    const notify = notifySocket(dir);
    try {
      await expect.poll(() => existsSync(notify.path)).toBe(true);
      const hub = startService('hub', {
        KIOSK_CONFIG: config(dir, hubPort, 0),
        NOTIFY_SOCKET: notify.path,
        WATCHDOG_USEC: '1000000',
      });
      const exited = new Promise<number | null>((r) => hub.once('exit', r));
      await expect.poll(() => notify.received(), { timeout: 30_000 }).toContain('READY=1');
      const ready = await fetch(`http://127.0.0.1:${hubPort}/readyz`);
      expect(ready.status).toBe(200);
      await expect.poll(() => notify.received(), { timeout: 30_000 }).toContain('WATCHDOG=1');
      hub.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(notify.received()).toContain('STOPPING=1');
      const order = ['READY=1', 'WATCHDOG=1', 'STOPPING=1'].map((m) => notify.received().indexOf(m));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    } finally {
      notify.stop();
    }
  });

  it('runs the agent from the release alone, syncing with the hub and serving the kiosk page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'branch-release-agent-'));
    const [hubPort, agentPort] = [await freePort(), await freePort()];
    const file = config(dir, hubPort, agentPort);
    startService('hub', { KIOSK_CONFIG: file });
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${hubPort}/readyz`).catch(() => null))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    startService('agent', { KIOSK_CONFIG: file });
    const agent = `http://127.0.0.1:${agentPort}`;
    await expect
      .poll(async () => (await fetch(`${agent}/healthz`).catch(() => null))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    // Knowledge pulled from the hub and the realtime socket up: the kiosk credential of the shared secrets.
    await expect.poll(() => agentSynced(agent), { timeout: 30_000 }).toBe(true);
    const page = await fetch(`${agent}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('runs the central office hub from the release on PostgreSQL, with /readyz for a load balancer', async () => {
    const admin = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `branch_central_${process.pid}`;
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await run(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      const port = await freePort();
      const hub = startService('hub-central', {
        HUB_PORT: String(port),
        HUB_STORE: 'postgres',
        HUB_PG_URL: url.toString(),
        HUB_STATIC_DIR: join(release.dir, 'pages'),
      });
      const base = `http://127.0.0.1:${port}`;
      await expect
        .poll(async () => (await fetch(`${base}/readyz`).catch(() => null))?.status, { timeout: 30_000 })
        .toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', store: 'postgres' });
      expect((await fetch(`${base}/agent`)).status).toBe(200);
      const exited = new Promise((r) => hub.once('exit', r));
      hub.kill('SIGTERM');
      await exited;
    } finally {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
