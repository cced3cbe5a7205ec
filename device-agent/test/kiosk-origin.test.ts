// Review finding 3 (issue 14), on a real agent: a DNS-rebinding page (another Host name resolving to
// the kiosk) reaches neither the HTTP API nor the socket, a socket without an Origin is refused, and a
// session answers only to the connection that started it.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bootTokenOf, KioskClient, postJson, startHarness, type Harness } from './harness.ts';

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
    const boot = encodeURIComponent(await bootTokenOf(h.agent.url));
    const own = new WebSocket(`${base}?boot=${boot}`, { origin: h.agent.url });
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

  it('requires this boot’s secret on the socket and on simulation writes', async () => {
    const base = `${h.agent.url.replace('http', 'ws')}/ws`;
    // Right Origin and Host, but no secret or a guessed one: refused.
    expect(await refusal(new WebSocket(base, { origin: h.agent.url }))).toMatch(/403/);
    const guessed = new WebSocket(`${base}?boot=${'A'.repeat(43)}`, { origin: h.agent.url });
    expect(await refusal(guessed)).toMatch(/403/);
    const gpio = { input: 'estop', active: true };
    const noSecret = await fetch(`${h.agent.url}/sim/api/gpio`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.agent.url },
      body: JSON.stringify(gpio),
    });
    expect(noSecret.status).toBe(403);
    const wrong = await postJson(`${h.agent.url}/sim/api/gpio`, gpio, { 'x-kiosk-boot': 'A'.repeat(43) });
    expect(wrong.status).toBe(403);
    const state = (await (await fetch(`${h.agent.url}/sim/api/state`)).json()) as {
      gpio: { estopPressed: boolean };
    };
    expect(state.gpio.estopPressed).toBe(false);
  });

  it('hands the secret to same-origin fetches only, fresh on every boot', async () => {
    const boot = await fetch(`${h.agent.url}/kiosk/boot`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(boot.status).toBe(200);
    expect(boot.headers.get('cache-control')).toBe('no-store');
    const { token } = (await boot.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const crossSite = await fetch(`${h.agent.url}/kiosk/boot`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const other = await startHarness();
    try {
      expect(await bootTokenOf(other.agent.url)).not.toBe(token);
    } finally {
      await other.close();
    }
  });

  it('lets no other connection cancel a session’s card read', async () => {
    const page = await KioskClient.connect(h.agent.url);
    const other = await KioskClient.connect(h.agent.url);
    try {
      const sessionId = (await page.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
      const read = page.command('CardReader.ReadCard', { sessionId, timeoutMs: 3000 });
      await new Promise((r) => setTimeout(r, 100));
      expect((await other.command('CardReader.Cancel', {})).payload.completionCode).toBe('success');
      const cards = (await (await fetch(`${h.agent.url}/sim/api/state`)).json()) as {
        cards: { id: string }[];
      };
      expect((await postJson(`${h.agent.url}/sim/api/card`, { cardId: cards.cards[0]?.id })).status).toBe(
        202,
      );
      const r = await read;
      expect(r.payload.completionCode).toBe('success');
      expect(r.payload.card).toMatchObject({ luhnValid: true });
      await page.command('Session.End', { sessionId, outcome: 'abandoned' });
    } finally {
      await page.close();
      await other.close();
    }
  });
});
