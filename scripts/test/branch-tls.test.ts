// The branch with hub.tlsSelfSigned: the hub makes its trial pair and serves https only, and the agent,
// trusting that certificate as its hub CA, syncs over https and wss.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hubFetch } from '@branch/cloud-sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSynced, startBranch, type RunningBranch } from '../lib/branch-process.ts';

let branch: RunningBranch;
beforeAll(async () => {
  branch = await startBranch(undefined, {}, 'launcher', { KIOSK_HUB_TLS_SELF_SIGNED: 'true' });
}, 60_000);
afterAll(async () => {
  await branch?.stop();
});

describe('branch with a self-signed hub', () => {
  it('serves the hub over https with its trial pair, and nothing over plain http', async () => {
    const { url } = branch.runtime.hub;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certFile = join(branch.dataDir, 'hub', 'tls', 'hub-cert.pem');
    expect(existsSync(certFile)).toBe(true);
    const ca = readFileSync(certFile);
    const ready = await hubFetch(new URL('/readyz', url), { method: 'GET', headers: {} }, { ca });
    expect(ready.status).toBe(200);
    const console = await hubFetch(new URL('/agent', url), { method: 'GET', headers: {} }, { ca });
    expect(console.status).toBe(200);
    await expect(fetch(url.replace('https:', 'http:'))).rejects.toThrow();
    expect(branch.runtime.pages.agentConsole).toBe(`${url}/agent`);
  });

  it('the agent syncs with it over https and wss, trusting the trial certificate', async () => {
    await expect.poll(() => agentSynced(branch.runtime.agent.url), { timeout: 30_000 }).toBe(true);
    const health = await (await fetch(`${branch.runtime.agent.url}/healthz`)).json();
    expect((health as { sync: { lastError: string | null } }).sync.lastError).toBeNull();
  });
});
