// Start-up: clear errors for a port in use, an unwritable dataDir, bad options and inaccessible GPIO
// in hardware mode (never a fall-back to simulation); pages served from staticDir; health and metrics.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent, type AgentOptions } from '../src/index.ts';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';
import { CARD_KEY } from './harness.ts';

let dir: string;
let base: AgentOptions;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agent-start-'));
  base = {
    port: 0,
    dataDir: join(dir, 'data'),
    kioskId: 'kiosk-s1',
    // Nothing listens here: the agent starts regardless and keeps retrying in the background.
    hub: { url: 'http://127.0.0.1:9', token: 'unused-token' },
    cardKey: CARD_KEY,
    arm: { dialect: 'binary', path: join(dir, 'no-such-tty') },
    technician: { pinHash: await hashTechnicianPin('1234', { N: 1024, r: 8, p: 1 }), port: 0 },
    logger: { level: 'silent' },
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startAgent errors', () => {
  it('names the port when it is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startAgent({ ...base, port })).rejects.toThrow(
        new RegExp(`port ${port} is already in use`),
      );
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('names an unwritable dataDir', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    await expect(startAgent({ ...base, dataDir: join(file, 'data') })).rejects.toThrow(
      /dataDir .*a-file\/data is not writable/,
    );
  });

  it('rejects invalid options naming the field', async () => {
    await expect(startAgent({ ...base, cardKey: 'not-hex' })).rejects.toThrow(/cardKey/);
    await expect(startAgent({ ...base, mode: 'simulation', gpio: { kind: 'onoff' } })).rejects.toThrow(
      /virtual/,
    );
  });

  it('fails in hardware mode when GPIO is not accessible instead of falling back to simulation', async () => {
    const hw: AgentOptions = {
      ...base,
      mode: 'hardware',
      gpio: { kind: 'onoff' },
      cardReader: { kind: 'hid', vendorId: 0x0801, productId: 0x0001 },
    };
    await expect(startAgent(hw)).rejects.toThrow(/GPIO/);
  });
});

describe('a running agent without hub or arm', () => {
  it('serves pages, health and metrics, and reports the link down', async () => {
    const staticDir = join(dir, 'dist');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<title>kiosk</title>');
    writeFileSync(join(staticDir, 'sim.html'), '<title>sim panel</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const agent = await startAgent({ ...base, staticDir });
    try {
      expect(await (await fetch(`${agent.url}/`)).text()).toContain('kiosk');
      expect(await (await fetch(`${agent.url}/sim`)).text()).toContain('sim panel');
      const js = await fetch(`${agent.url}/assets/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${agent.url}/assets/missing.js`)).status).toBe(404);

      const health = (await (await fetch(`${agent.url}/healthz`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({
        ok: true,
        kioskId: 'kiosk-s1',
        availability: { available: false, reason: 'link_down' },
      });
      const metrics = await (await fetch(`${agent.url}/metrics`)).text();
      expect(metrics).toMatch(/^agent_available 0$/m);
      expect(metrics).toMatch(/^agent_safety_state\{state="READY"\} 1$/m);
      expect(agent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await agent.close();
    }
  });
});
