// Issue 14, finding 12: hub pages and answers carried no content policy, no frame-ancestors and (API
// answers) no nosniff. Every kind of answer is checked on a running hub: the console page, an asset, a
// JSON answer, an error and a 404.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../src/index.ts';
import { TempDirs, startTestHub } from './helpers.ts';

const dirs = new TempDirs();
let hub: RunningHub;

beforeAll(async () => {
  const staticDir = dirs.make();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'agent.html'), '<!doctype html><title>Agent console</title>');
  writeFileSync(join(staticDir, 'assets', 'agent-abc123.js'), 'console.log(1)');
  hub = await startTestHub(dirs.make(), { staticDir });
});
afterAll(async () => {
  await hub?.close();
  dirs.cleanup();
});

const get = (path: string, init?: RequestInit) => fetch(`${hub.url}${path}`, init);

describe('hub security headers', () => {
  it('the console page may not be framed, loads only its own origin and is never sniffed', async () => {
    for (const path of ['/agent', '/assets/agent-abc123.js']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('API answers, errors and unknown paths load nothing and are never sniffed', async () => {
    const answers = [
      await get('/healthz'),
      await get('/api/agent/conversations'),
      await get('/api/agent/login', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }),
      await get('/nope'),
      await get('/assets/missing.js'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 415, 404, 404]);
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
