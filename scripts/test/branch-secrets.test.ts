// Issue 14, finding 13: the launcher handed each service its options (passwords, the kiosk credential,
// the card key) in an environment variable, readable in /proc/PID/environ and inherited by every child,
// and printed the agent password and the technician PIN in its banner. Now the options travel over the
// IPC channel and the banner says where the secrets are kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBranch, type RunningBranch } from '../lib/branch-process.ts';

let branch: RunningBranch;
beforeAll(async () => {
  branch = await startBranch();
}, 120_000);
afterAll(async () => {
  await branch?.stop();
});

const secretValues = () => Object.values(branch.secrets).map(String);

describe('the launcher keeps its secrets out of sight', () => {
  it('prints where the password and PIN are kept, and no secret', () => {
    const out = branch.output();
    const file = join(branch.dataDir, 'secrets.json');
    expect(out).toContain(`agentPassword in ${file}`);
    expect(out).toContain(`technicianPin in ${file}`);
    for (const value of secretValues()) expect(out).not.toContain(value);
  });

  it("puts no secret in the services' environment", () => {
    for (const pid of [branch.runtime.hub.pid, branch.runtime.agent.pid]) {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      expect(environ).not.toContain('BRANCH_SERVICE_OPTIONS');
      for (const value of secretValues()) expect(environ).not.toContain(value);
    }
  });
});
