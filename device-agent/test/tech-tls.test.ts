// Issue 14, finding 8: the technician listener on the service LAN had no TLS. With a certificate and key
// it serves HTTPS and wss; a non-loopback address without TLS is refused unless allowPlaintext says a
// TLS-terminating proxy fronts it; half a TLS configuration or an unreadable file is refused at start.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startAgent, type AgentOptions, type RunningAgent } from '../src/index.ts';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';
import { techWsProtocols } from '../src/ws/tech-ws-auth.ts';
import { CARD_KEY } from './harness.ts';
import { nodeRequest, selfSignedCert } from './support/node-request.ts';
import { closeSocket, opened } from './support/socket-lifecycle.ts';

const PIN = '2468';
let tls: ReturnType<typeof selfSignedCert>;
let base: AgentOptions;
let technician: NonNullable<AgentOptions['technician']>;

beforeAll(async () => {
  tls = selfSignedCert();
  technician = { pinHash: await hashTechnicianPin(PIN, { N: 1024, r: 8, p: 1 }), port: 0 };
  base = {
    port: 0,
    dataDir: join(tls.dir, 'data'),
    kioskId: 'kiosk-tls1',
    // Nothing listens here: the agent starts regardless and keeps retrying in the background.
    hub: { url: 'http://127.0.0.1:9', token: 'unused-token' },
    cardKey: CARD_KEY,
    arm: { dialect: 'binary', path: join(tls.dir, 'no-such-tty') },
    technician,
    voice: { engine: 'browser' },
    logger: { level: 'silent' },
  };
});
afterAll(() => rmSync(tls.dir, { recursive: true, force: true }));

describe('technician listener over TLS', () => {
  let agent: RunningAgent;
  beforeAll(async () => {
    agent = await startAgent({
      ...base,
      technician: { ...technician, tlsCertFile: tls.certFile, tlsKeyFile: tls.keyFile },
    });
  });
  afterAll(async () => {
    await agent?.close();
  });

  it('serves the technician API over https, and its WebSocket over wss', async () => {
    expect(agent.techUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const login = await nodeRequest(`${agent.techUrl}/tech/api/login`, { body: { pin: PIN }, ca: tls.cert });
    expect(login.status).toBe(200);
    const token = login.json.token as string;
    const me = await nodeRequest(`${agent.techUrl}/tech/api/me`, {
      headers: { authorization: `Bearer ${token}` },
      ca: tls.cert,
    });
    expect(me.json.technician).toMatchObject({ id: 'trial' });
    const ws = new WebSocket(`${agent.techUrl.replace('https', 'wss')}/tech/ws`, techWsProtocols(token), {
      ca: tls.cert,
    });
    await opened(ws);
    expect(ws.protocol).toBe('branch-tech.v1');
    await closeSocket(ws);
  });

  it('answers no plain http, and a client that does not trust the certificate gets nothing', async () => {
    const plain = agent.techUrl.replace('https', 'http');
    await expect(nodeRequest(`${plain}/tech/api/login`, { body: { pin: PIN } })).rejects.toThrow();
    await expect(nodeRequest(`${agent.techUrl}/tech/api/login`, { body: { pin: PIN } })).rejects.toThrow(
      /self[- ]signed/i,
    );
  });

  it('leaves the kiosk API on plain http (loopback)', () => {
    expect(agent.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});

describe('technician listener start-up refusals', () => {
  it('refuses half a TLS configuration', async () => {
    await expect(
      startAgent({ ...base, technician: { ...technician, tlsCertFile: tls.certFile } }),
    ).rejects.toThrow(/tlsCertFile and tlsKeyFile go together/);
    await expect(
      startAgent({ ...base, technician: { ...technician, tlsKeyFile: tls.keyFile } }),
    ).rejects.toThrow(/tlsCertFile and tlsKeyFile go together/);
  });

  it('names a certificate or key file it cannot read, or a pair that does not fit', async () => {
    const missing = join(tls.dir, 'no-such-key.pem');
    await expect(
      startAgent({ ...base, technician: { ...technician, tlsCertFile: tls.certFile, tlsKeyFile: missing } }),
    ).rejects.toThrow(new RegExp(`technician.tlsKeyFile ${missing} cannot be read \\(ENOENT\\)`));
    const garbage = join(tls.dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    await expect(
      startAgent({ ...base, technician: { ...technician, tlsCertFile: garbage, tlsKeyFile: tls.keyFile } }),
    ).rejects.toThrow(/are not a usable certificate and key/);
  });

  it('refuses plain http on a non-loopback address unless allowPlaintext is set', async () => {
    await expect(startAgent({ ...base, technician: { ...technician, host: '0.0.0.0' } })).rejects.toThrow(
      /technician\.host 0\.0\.0\.0 is not loopback: set tlsCertFile and tlsKeyFile/,
    );
    const behindProxy = await startAgent({
      ...base,
      technician: { ...technician, host: '0.0.0.0', allowPlaintext: true },
    });
    try {
      expect(behindProxy.techUrl).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      const port = new URL(behindProxy.techUrl).port;
      const r = await nodeRequest(`http://127.0.0.1:${port}/tech/api/login`, { body: { pin: PIN } });
      expect(r.status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});
