// Issue 14, finding 8: one lockout for everyone let anybody on the service LAN keep technicians out by
// typing wrong PINs. Failures now count per client address: the address that guessed is locked, a
// technician at another address signs in. Each source address below is a distinct client (Linux routes
// all of 127.0.0.0/8 to lo).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent, type RunningAgent } from '../src/index.ts';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';
import { CARD_KEY } from './harness.ts';
import { nodeRequest } from './support/node-request.ts';

const FAST = { N: 1024, r: 8, p: 1 };
const LI = { user: 'li.wei', pin: '135790' };
const CHEN = { user: 'chen.jing', pin: '246801' };

let dir: string;
let agent: RunningAgent;

async function start(dataDir: string, trustedProxies: string[] = []): Promise<RunningAgent> {
  return startAgent({
    port: 0,
    dataDir: join(dir, dataDir),
    kioskId: 'kiosk-lock1',
    hub: { url: 'http://127.0.0.1:9', token: 'unused-token' },
    cardKey: CARD_KEY,
    arm: { dialect: 'binary', path: join(dir, 'no-such-tty') },
    technician: {
      accounts: [
        { id: LI.user, name: 'Li Wei', role: 'technician', pinHash: await hashTechnicianPin(LI.pin, FAST) },
        { id: CHEN.user, name: 'Chen Jing', role: 'lead', pinHash: await hashTechnicianPin(CHEN.pin, FAST) },
      ],
      port: 0,
      trustedProxies,
    },
    voice: { engine: 'browser' },
    logger: { level: 'silent' },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tech-lockout-'));
  agent = await start('data');
});
afterAll(async () => {
  await agent?.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (body: unknown, from: string) =>
  nodeRequest(`${agent.techUrl}/tech/api/login`, { body, localAddress: from });

describe('technician lockout per client address', () => {
  it('locks the guessing address only: the same account signs in from another address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await login({ user: LI.user, pin: '000000' }, '127.0.0.2')).status);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await login(LI, '127.0.0.2');
    expect(locked.status).toBe(429);
    expect(locked.json.retryAfterMs).toBeGreaterThan(0);
    expect((await login(LI, '127.0.0.3')).status).toBe(200);
    expect((await login(CHEN, '127.0.0.3')).status).toBe(200);
  });

  it('counts ten parallel wrong PINs as ten: five are checked (the fifth locks), five are refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login({ user: CHEN.user, pin: `00000${i}` }, '127.0.0.4')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    expect((await login(CHEN, '127.0.0.4')).status).toBe(429);
    expect((await login(CHEN, '127.0.0.5')).status).toBe(200);
  });

  it('answers an unknown name exactly as a wrong PIN, and counts it against the address', async () => {
    const unknown = await login({ user: 'nobody', pin: '000000' }, '127.0.0.6');
    const wrong = await login({ user: LI.user, pin: '000000' }, '127.0.0.7');
    expect(unknown).toEqual({ status: 401, json: { error: 'wrong name or PIN', attemptsLeft: 4 } });
    expect(wrong).toEqual(unknown);
    for (let i = 0; i < 4; i++) await login({ user: `nobody${i}`, pin: '000000' }, '127.0.0.6');
    expect((await login(LI, '127.0.0.6')).status).toBe(429);
  });
});

describe('technician lockout behind a trusted TLS proxy', () => {
  let proxied: RunningAgent;
  beforeAll(async () => {
    proxied = await start('data-proxied', ['127.0.0.8']);
  });
  afterAll(async () => {
    await proxied?.close();
  });
  const via = (body: unknown, from: string, forwardedFor: string) =>
    nodeRequest(`${proxied.techUrl}/tech/api/login`, {
      body,
      localAddress: from,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('counts failures against the client the proxy names, not against the proxy', async () => {
    for (let i = 0; i < 5; i++) await via({ user: LI.user, pin: '000000' }, '127.0.0.8', '10.0.0.1');
    expect((await via(LI, '127.0.0.8', '10.0.0.1')).status).toBe(429);
    expect((await via(LI, '127.0.0.8', '6.6.6.6, 10.0.0.2')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from anyone else, so a guesser cannot shed its lockout', async () => {
    for (let i = 0; i < 5; i++) await via({ user: LI.user, pin: '000000' }, '127.0.0.9', `10.0.1.${i}`);
    expect((await via(LI, '127.0.0.9', '10.0.1.99')).status).toBe(429);
  });
});
