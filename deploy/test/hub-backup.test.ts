// The hub's backups (README, "Deployment"). Single box: an online SQLite backup while the hub runs, a
// restore refused while it runs, and a restore with it stopped that brings back exactly the backed-up
// state: a kiosk enrolled before the backup is there, one enrolled after it is not. Central office: the
// same with pg_dump and pg_restore into a new database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub as startHubHere } from '@branch/cloud-sync';
import pg from 'pg';
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

const operatorTokenOf = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'data', 'secrets.json'), 'utf8')) as { operatorToken: string })
    .operatorToken;

async function enroll(
  dir: string,
  url: string,
  kioskId: string,
  operatorToken = operatorTokenOf(dir),
): Promise<number> {
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

  it('backs up a PostgreSQL hub with pg_dump and restores it with pg_restore into a new database', async () => {
    const admin = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const sql = async (text: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(text).finally(() => c.end());
    };
    const [live, restored] = [`hub_live_${process.pid}`, `hub_restored_${process.pid}`];
    const urlOf = (db: string) => Object.assign(new URL(admin), { pathname: `/${db}` }).toString();
    const token = 'operator-token-for-the-pg-backup-test';
    const dir = mkdtempSync(join(tmpdir(), 'branch-pg-backup-'));
    await sql(`CREATE DATABASE ${live}`);
    await sql(`CREATE DATABASE ${restored}`);
    try {
      const open = (db: string) =>
        startHubHere({
          host: '127.0.0.1',
          port: 0,
          dataDir: dir,
          store: { kind: 'postgres', url: urlOf(db) },
          operatorToken: token,
        });
      const hub = await open(live);
      expect(await enroll(dir, hub.url, 'kiosk-before', token)).toBe(201);
      const dump = join(dir, 'hub.dump');
      const dumped = spawnSync('pg_dump', ['--format=custom', `--file=${dump}`, urlOf(live)], {
        encoding: 'utf8',
      });
      expect(dumped.status, dumped.stderr).toBe(0);
      expect(await enroll(dir, hub.url, 'kiosk-after', token)).toBe(201);
      await hub.close();
      const back = spawnSync('pg_restore', ['--no-owner', `--dbname=${urlOf(restored)}`, dump], {
        encoding: 'utf8',
      });
      expect(back.status, back.stderr).toBe(0);
      const again = await open(restored);
      try {
        expect(await enroll(dir, again.url, 'kiosk-before', token)).toBe(409);
        expect(await enroll(dir, again.url, 'kiosk-after', token)).toBe(201);
      } finally {
        await again.close();
      }
    } finally {
      await sql(`DROP DATABASE IF EXISTS ${live} WITH (FORCE)`);
      await sql(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
    }
  });
});
