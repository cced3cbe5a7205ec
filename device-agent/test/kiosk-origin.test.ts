// Review finding 3 (issue 14), on a real agent: a DNS-rebinding page (another Host name resolving to
// the kiosk) reaches neither the HTTP API nor the socket, a socket without an Origin is refused, and a
// session answers only to the connection that started it.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KioskClient, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A raw HTTP request with the Host and Origin a rebinding page's browser would send. */
function rebound(path: string, method: string, body?: string): Promise<number> {
  const url = new URL(h.agent.url);
  const host = `rebind.example:${url.port}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: {
          host,
          origin: `http://${host}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const refusal = (ws: WebSocket) =>
  new Promise<string>((resolve) => {
    ws.once('error', (err) => resolve(err.message));
    ws.once('open', () => resolve('open'));
  });

describe('kiosk listener origin rules', () => {
  it('refuses requests whose Host is not the agent’s own (DNS rebinding)', async () => {
    const gpio = JSON.stringify({ input: 'estop', active: true });
    expect(await rebound('/sim/api/gpio', 'POST', gpio)).toBe(403);
    expect(await rebound('/sim/api/state', 'GET')).toBe(403);
    const state = (await (await fetch(`${h.agent.url}/sim/api/state`)).json()) as {
      safety: { state: string };
    };
    expect(state.safety.state).not.toBe('ESTOP');
  });

  it('refuses a kiosk socket without an Origin, or from a rebound Host', async () => {
    const base = `${h.agent.url.replace('http', 'ws')}/ws`;
    expect(await refusal(new WebSocket(base))).toMatch(/403/);
    const port = new URL(h.agent.url).port;
    const rebind = new WebSocket(base, {
      headers: { host: `rebind.example:${port}` },
      origin: `http://rebind.example:${port}`,
    });
    expect(await refusal(rebind)).toMatch(/403/);
    const own = new WebSocket(base, { origin: h.agent.url });
    expect(await refusal(own)).toBe('open');
    own.close();
  });

  it('keeps a session to the connection that started it', async () => {
    const page = await KioskClient.connect(h.agent.url);
    const other = await KioskClient.connect(h.agent.url);
    try {
      const started = await page.command('Session.Start', { locale: 'en' });
      const sessionId = started.payload.sessionId as string;
      for (const [name, payload] of [
        ['Session.Ask', { sessionId, text: 'hello' }],
        ['CardReader.ReadCard', { sessionId, timeoutMs: 1000 }],
        ['Session.End', { sessionId, outcome: 'abandoned' }],
      ] as const) {
        const r = await other.command(name, payload);
        expect(r.payload, name).toMatchObject({
          completionCode: 'commandErrorCode',
          errorCode: 'notYourSession',
        });
      }
      expect((await page.command('Session.Ask', { sessionId, text: 'hello' })).payload.completionCode).toBe(
        'success',
      );
    } finally {
      await page.close();
      await other.close();
    }
  });
});
