// startHub as the branch-in-a-box runs it: seeding twice, clear start errors, static console, ops.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ARTICLES, startHub, type RunningHub } from '../src/index.ts';
import {
  AGENT,
  KIOSK_A,
  OPERATOR_TOKEN,
  TempDirs,
  api,
  startTestHub,
  testSeed,
  TEST_ITERATIONS,
} from './helpers.ts';

const dirs = new TempDirs();
const hubs: RunningHub[] = [];

afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
  dirs.cleanup();
});

async function start(dataDir: string, more: Parameters<typeof startTestHub>[1] = {}): Promise<RunningHub> {
  const h = await startTestHub(dataDir, more);
  hubs.push(h);
  return h;
}

describe('startHub', () => {
  it('applies the same seed twice without duplicating anything', async () => {
    const dataDir = dirs.make();
    const seed = testSeed({ articles: DEFAULT_ARTICLES });
    const first = await start(dataDir, { seed });
    const afterFirst = await first.store.stats();
    expect(afterFirst).toMatchObject({ kiosks: 2, articles: DEFAULT_ARTICLES.length });
    await first.close();
    hubs.splice(0);

    const second = await start(dataDir, { seed });
    expect(await second.store.stats()).toEqual(afterFirst);
    const login = await api(second, 'POST', '/api/agent/login', { body: AGENT });
    expect(login.status).toBe(200);
    const pull = await api(second, 'GET', '/api/sync/pull?since=', { token: KIOSK_A.token });
    expect(pull.body.articles).toHaveLength(DEFAULT_ARTICLES.length);
  });

  it('rejects a port in use with an error that names the port', async () => {
    const first = await start(dirs.make());
    const port = Number(new URL(first.url).port);
    await expect(startTestHub(dirs.make(), { port })).rejects.toThrow(new RegExp(`port ${port}.*in use`));
  });

  it('rejects an unusable dataDir with an error that names the path', async () => {
    const file = join(dirs.make(), 'not-a-folder');
    writeFileSync(file, 'x');
    const dataDir = join(file, 'hub');
    await expect(
      startHub({ host: '127.0.0.1', port: 0, dataDir, passwordIterations: TEST_ITERATIONS }),
    ).rejects.toThrow(dataDir);
  });

  it('rejects an unreachable PostgreSQL with an error that names it, without the password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const url = 'postgres://postgres:secret@127.0.0.1:1/hub';
    const attempt = startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir: dirs.make(),
      store: { kind: 'postgres', url },
    });
    await expect(attempt).rejects.toThrow(/cannot open PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/hub/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });

  it('serves the agent console, health and metrics', async () => {
    const staticDir = dirs.make();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'agent.html'), '<!doctype html><title>Agent console</title>');
    writeFileSync(join(staticDir, 'assets', 'agent-abc123.js'), 'console.log(1)');
    const hub = await start(dirs.make(), { staticDir });

    const page = await fetch(`${hub.url}/agent`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Agent console');
    const asset = await fetch(`${hub.url}/assets/agent-abc123.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${hub.url}/assets/..%2Fagent.html`)).status).toBe(404);
    expect((await fetch(`${hub.url}/assets/missing.js`)).status).toBe(404);

    expect((await api(hub, 'GET', '/healthz')).body).toEqual({ status: 'ok', store: 'sqlite' });
    await api(hub, 'GET', '/api/sync/pull?since=', { token: KIOSK_A.token });
    const metrics = await api(hub, 'GET', '/metrics');
    expect(metrics.body).toContain('hub_kiosks 2');
    expect(metrics.body).toMatch(
      /hub_http_requests_total\{method="GET",route="\/api\/sync\/pull",status="200"\} 1/,
    );
    const unknown = await api(hub, 'GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('enrolls a kiosk whose token works once and is stored hashed', async () => {
    const hub = await start(dirs.make());
    const enrolled = await api(hub, 'POST', '/api/admin/kiosks', {
      token: OPERATOR_TOKEN,
      body: { kioskId: 'kiosk-new' },
    });
    expect(enrolled.status).toBe(201);
    const token = enrolled.body.token as string;
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect((await api(hub, 'GET', '/api/sync/pull?since=', { token })).status).toBe(200);
    const again = await api(hub, 'POST', '/api/admin/kiosks', {
      token: OPERATOR_TOKEN,
      body: { kioskId: 'kiosk-new' },
    });
    expect(again.status).toBe(409);
    expect(await hub.store.findKioskByTokenHash(token)).toBeNull();
  });
});
