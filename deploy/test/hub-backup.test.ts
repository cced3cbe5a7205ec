// The single-box hub's backup and restore (README, "Deployment"): an online backup while the hub runs,
// a restore refused while it runs, and a restore with it stopped that brings back exactly the backed-up
// state: a kiosk enrolled before the backup is there, one enrolled after it is not.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, repoRoot as root } from './support/release.ts';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function setup(): Promise<{ dir: string; env: Record<string, string>; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'branch-backup-'));
  const port = await freePort();
  const config = join(dir, 'kiosk.config.json');
  writeFileSync(config, JSON.stringify({ dataDir: join(dir, 'data'), hub: { port } }));
  return {
    dir,
    env: { ...process.env, KIOSK_CONFIG: config } as Record<string, string>,
    url: `http://127.0.0.1:${port}`,
  };
}

async function startHub(env: Record<string, string>, url: string): Promise<ChildProcess> {
  // Started on its own (no IPC channel), as systemd starts it.
  const hub = spawn(process.execPath, ['--import', 'tsx', 'scripts/services/hub.ts'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });
  running.push(hub);
  await expect
    .poll(async () => (await fetch(`${url}/readyz`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
  return hub;
}

async function stopHub(hub: ChildProcess): Promise<void> {
  const exited = new Promise((r) => hub.once('exit', r));
  hub.kill('SIGTERM');
  await exited;
}

function tool(env: Record<string, string>, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/tools/hub-backup.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function enroll(dir: string, url: string, kioskId: string): Promise<number> {
  const { operatorToken } = JSON.parse(readFileSync(join(dir, 'data', 'secrets.json'), 'utf8')) as {
    operatorToken: string;
  };
  const res = await fetch(`${url}/api/admin/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kioskId }),
  });
  await res.body?.cancel();
  return res.status;
}

describe('single-box hub backup and restore', () => {
  it('backs up online, refuses a restore under a running hub, restores the backed-up state', async () => {
    const { dir, env, url } = await setup();
    let hub = await startHub(env, url);
    expect(await enroll(dir, url, 'kiosk-before')).toBe(201);

    const backup = join(dir, 'hub-backup.sqlite');
    const made = tool(env, 'backup', backup);
    expect(made.code, made.out).toBe(0);
    expect(made.out).toMatch(/hub-backup: .*hub\.sqlite -> .*hub-backup\.sqlite \(\d+ pages/);
    expect(existsSync(`${backup}.partial`)).toBe(false);

    expect(await enroll(dir, url, 'kiosk-after')).toBe(201);
    const refused = tool(env, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('is in use: stop the hub first');
    // The hub was not disturbed.
    expect(await enroll(dir, url, 'kiosk-during')).toBe(201);

    await stopHub(hub);
    const restored = tool(env, 'restore', backup);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/the old database is .*hub\.sqlite\.replaced-/);
    expect(readdirSync(join(dir, 'data', 'hub')).some((f) => f.startsWith('hub.sqlite.replaced-'))).toBe(
      true,
    );

    hub = await startHub(env, url);
    expect(await enroll(dir, url, 'kiosk-before')).toBe(409);
    expect(await enroll(dir, url, 'kiosk-after')).toBe(201);
    expect(await enroll(dir, url, 'kiosk-during')).toBe(201);
    await stopHub(hub);
  });

  it('refuses a file that is not a hub backup, naming it', async () => {
    const { dir, env } = await setup();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const r = tool(env, 'restore', junk);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/junk\.sqlite: not a usable hub backup/);
  });
});
