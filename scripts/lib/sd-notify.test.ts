import { ensureSelfSignedPair } from '@branch/cloud-sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { livenessProbe, watchdogIntervalMs } from './sd-notify.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function listening(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return String((server.address() as { port: number }).port);
}

describe('watchdogIntervalMs', () => {
  it('reads WATCHDOG_USEC for this process only', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' }, 42)).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '42' }, 42)).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '43' }, 42)).toBeNull();
    expect(watchdogIntervalMs({}, 42)).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: 'x' }, 42)).toBeNull();
  });
});

describe('livenessProbe', () => {
  it('counts any answer, a 503 too, and no listener as dead', async () => {
    const port = await listening(
      createHttpServer((_req, res) => {
        res.statusCode = 503;
        res.end('{"ok":false}');
      }),
    );
    expect(await livenessProbe(`http://127.0.0.1:${port}`)()).toBe(true);
    await new Promise((r) => servers.pop()?.close(r));
    expect(await livenessProbe(`http://127.0.0.1:${port}`)()).toBe(false);
  });

  it('probes its own https listener, one with mutual TLS too, without a certificate check', async () => {
    const pair = ensureSelfSignedPair(join(mkdtempSync(join(tmpdir(), 'probe-tls-')), 'tls'), []);
    const tls = { cert: readFileSync(pair.certFile), key: readFileSync(pair.keyFile) };
    const plain = await listening(createHttpsServer(tls, (_req, res) => res.end('ok')));
    expect(await livenessProbe(`https://127.0.0.1:${plain}`)()).toBe(true);
    const mutual = await listening(
      createHttpsServer({ ...tls, ca: tls.cert, requestCert: true, rejectUnauthorized: true }, (_q, r) =>
        r.end(),
      ),
    );
    expect(await livenessProbe(`https://127.0.0.1:${mutual}`)()).toBe(true);
  });

  it('gives up on a listener that accepts and never answers', async () => {
    const port = await listening(createHttpServer(() => undefined));
    expect(await livenessProbe(`http://127.0.0.1:${port}`, 300)()).toBe(false);
  });
});
