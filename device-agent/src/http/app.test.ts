import { describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES, type AppDeps } from './app.ts';

const tech: AppDeps['tech'] = {
  login: async () => ({ ok: false, reason: 'wrong_pin', attemptsLeft: 4 }),
  verify: () => false,
  reset: () => ({ ok: false, reason: 'x' }),
  safetyEvents: () => [],
};
const base: AppDeps = { health: () => ({ ok: true }), metrics: () => 'm 1\n', tech };

describe('createApp', () => {
  it('has no simulation API or panel page in hardware mode', async () => {
    const page = async () => new Response('page');
    const app = createApp({ ...base, pages: { index: page, sim: page, assets: page } });
    expect((await app.request('/sim/api/state')).status).toBe(404);
    expect((await app.request('/sim/api/gpio', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await app.request('/sim')).status).toBe(404);
    expect(await (await app.request('/')).text()).toBe('page');
  });
  it('serves metrics as Prometheus text and health as JSON (503 when not ok)', async () => {
    const app = createApp(base);
    const m = await app.request('/metrics');
    expect(m.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect((await createApp({ ...base, health: () => ({ ok: false }) }).request('/healthz')).status).toBe(
      503,
    );
  });
  it('limits request bodies and validates the login body', async () => {
    const app = createApp(base);
    const big = await app.request('/tech/api/login', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    const bad = await app.request('/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: 'abc' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/pin/);
    const textPlain = await app.request('/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: '1234' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(textPlain.status).toBe(415);
    const crossSite = await app.request('http://127.0.0.1:7200/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: '1234' }),
      headers: { 'content-type': 'application/json', origin: 'http://evil.example', host: '127.0.0.1:7200' },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await app.request('http://127.0.0.1:7200/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: '1234' }),
      headers: {
        'content-type': 'application/json',
        origin: 'http://127.0.0.1:7200',
        host: '127.0.0.1:7200',
      },
    });
    expect(sameSite.status).toBe(401);
    const wrong = await app.request('/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: '1234' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(wrong.status).toBe(401);
  });
});
