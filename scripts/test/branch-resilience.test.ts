// The launcher under failure: a dead hub is restarted while the kiosk keeps serving, and a killed
// launcher leaves no service behind.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBranch, type RunningBranch } from '../lib/branch-process.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let branch: RunningBranch | undefined;
afterEach(async () => {
  await branch?.stop();
  branch = undefined;
});

describe('branch launcher resilience', () => {
  it('restarts a dead hub on the same port while the agent keeps running', async () => {
    branch = await startBranch();
    const b = branch;
    process.kill(b.runtime.hub.pid, 'SIGKILL');
    await until('the restart message', () => b.output().includes('hub restarted'));
    expect(alive(b.runtime.agent.pid)).toBe(true);
    const health = await fetch(`${b.runtime.hub.url}/healthz`);
    expect(health.status).toBe(200);
    const agentHealth = await fetch(`${b.runtime.agent.url}/healthz`);
    expect(agentHealth.status).toBe(200);
    expect(await branch.stop()).toBe(0);
  });

  it('stops restarting a hub whose hub.sqlite is damaged, with one clear line, and keeps the kiosk up', async () => {
    branch = await startBranch();
    const b = branch;
    process.kill(b.runtime.hub.pid, 'SIGKILL');
    // Before the first restart (1 s backoff) the database becomes garbage.
    const db = join(b.dataDir, 'hub', 'hub.sqlite');
    for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    writeFileSync(db, Buffer.alloc(8192, 0x5a));
    await until('the launcher to give up', () => b.output().includes('hub stopped for good'));
    const out = b.output();
    expect(out.match(/hub stopped for good/g)).toHaveLength(1);
    expect(out).toMatch(/hub\.sqlite is damaged/);
    expect(out).not.toMatch(/hub restart failed/);
    expect(out).not.toMatch(/hub restarted/);
    expect((await fetch(`${b.runtime.agent.url}/healthz`)).status).toBeLessThan(600);
    expect(alive(b.runtime.agent.pid)).toBe(true);
  });

  it('leaves no service running when the launcher itself is killed', async () => {
    const killed = await startBranch();
    const pids = [killed.runtime.hub.pid, killed.runtime.agent.pid];
    const sim = await (await fetch(`${killed.runtime.simulator?.control}/state`)).json();
    pids.push((sim as { pid: number }).pid);
    process.kill(killed.runtime.launcherPid, 'SIGKILL');
    await until('every service to stop', () => pids.every((pid) => !alive(pid)));
  });
});
