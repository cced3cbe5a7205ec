import { describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES, type AppDeps } from './app.ts';

const base: AppDeps = { health: () => ({ ok: true }), metrics: () => 'm 1\n', bootToken: 'b'.repeat(43) };

describe('createApp', () => {
  it('has no simulation API or panel page in hardware mode', async () => {
    const page = async () => new Response('page');
    const app = createApp({ ...base, pages: { index: page, sim: page, assets: page } });
    expect((await app.request('/sim/api/state')).status).toBe(404);
    expect((await app.request('/sim/api/gpio', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await app.request('/sim')).status).toBe(404);
    expect(await (await app.request('/')).text()).toBe('page');
  });
  it('keeps the technician API off the kiosk listener', async () => {
    const app = createApp(base);
    const r = await app.request('/tech/api/login', {
      method: 'POST',
      body: JSON.stringify({ pin: '1234' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(404);
  });
  it('serves metrics as Prometheus text and health as JSON (503 when not ok)', async () => {
    const app = createApp(base);
    const m = await app.request('/metrics');
    expect(m.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect((await createApp({ ...base, health: () => ({ ok: false }) }).request('/healthz')).status).toBe(
      503,
    );
  });
  it('limits request bodies', async () => {
    const app = createApp(base);
    const big = await app.request('/sim/api/gpio', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
  });
});
