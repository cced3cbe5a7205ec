// `npm start` on a machine or config it cannot run with: one clear line naming what is wrong, exit 1,
// no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

function runBranch(env: Record<string, string>): { code: number | null; out: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'branch-err-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/branch.ts'], {
    cwd: root,
    env: {
      ...process.env,
      KIOSK_CONFIG: '',
      KIOSK_DATA_DIR: dataDir,
      KIOSK_HUB_PORT: '0',
      KIOSK_AGENT_PORT: '0',
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

function expectOneClearLine(out: string, pattern: RegExp): void {
  expect(out).toMatch(pattern);
  expect(out).not.toMatch(/^\s+at /m);
}

describe('branch launcher refuses what it cannot run', () => {
  let server: Server;
  let takenPort = 0;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    takenPort = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('names a port that is already taken', () => {
    const { code, out } = runBranch({ KIOSK_AGENT_PORT: String(takenPort) });
    expect(code).toBe(1);
    expectOneClearLine(
      out,
      new RegExp(`port ${takenPort} on 127\\.0\\.0\\.1 \\(agent\\.port\\) is already in use`),
    );
  });

  it('names a data folder it cannot write', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'branch-err-')), 'plain-file');
    writeFileSync(file, 'not a folder');
    const { code, out } = runBranch({ KIOSK_DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expectOneClearLine(out, /data folder .*plain-file\/data \(dataDir\) is not writable/);
  });

  it('names the malformed config file and the bad key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'branch-err-'));
    writeFileSync(join(dir, 'broken.json'), '{ "hub": ');
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ agent: { prot: 1 } }));
    const broken = runBranch({ KIOSK_CONFIG: join(dir, 'broken.json') });
    expect(broken.code).toBe(1);
    expectOneClearLine(broken.out, /broken\.json: not valid JSON/);
    const typo = runBranch({ KIOSK_CONFIG: join(dir, 'typo.json') });
    expect(typo.code).toBe(1);
    expectOneClearLine(typo.out, /config key agent prot/);
  });

  it('says how to install socat when it is missing', () => {
    // A PATH that holds node and nothing else.
    const bin = mkdtempSync(join(tmpdir(), 'branch-bin-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const { code, out } = runBranch({ PATH: bin });
    expect(code).toBe(1);
    expectOneClearLine(out, /socat not found: install it with `apt-get install socat`/);
  });
});
