// The hub over HTTPS with a self-signed trial pair it makes itself, and kiosks that check its certificate
// against their configured CA only (sync pulls and the realtime socket); mutual TLS refuses a client
// without a certificate from the configured client CA.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureSelfSignedPair,
  hubFetch,
  openKioskSync,
  type KioskSync,
  type RunningHub,
} from '../src/index.ts';
import { KIOSK_A, openKioskDb, startTestHub, TempDirs, waitFor } from './helpers.ts';

const dirs = new TempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  dirs.cleanup();
});

async function hubWithTls(more: { clientCaFile?: string } = {}): Promise<{ hub: RunningHub; ca: Buffer }> {
  const pair = ensureSelfSignedPair(join(dirs.make(), 'tls'), ['127.0.0.1']);
  const hub = await startTestHub(dirs.make(), {
    tls: { certFile: pair.certFile, keyFile: pair.keyFile, ...more },
  });
  cleanups.push(() => hub.close());
  return { hub, ca: readFileSync(pair.certFile) };
}

function kiosk(hubUrl: string, ca?: Buffer): KioskSync {
  const db: Database.Database = openKioskDb(dirs.make());
  const sync = openKioskSync(db, {
    hubUrl,
    kioskId: KIOSK_A.id,
    token: KIOSK_A.token,
    pullIntervalMs: 200,
    ...(ca ? { tls: { ca } } : {}),
  });
  cleanups.push(async () => {
    await sync.stop();
    db.close();
  });
  sync.start();
  return sync;
}

/** A client certificate signed by `caDir`'s pair (openssl, as an operator would make one). */
function clientCert(ca: { certFile: string; keyFile: string }, dir: string): { cert: Buffer; key: Buffer } {
  const key = join(dir, 'kiosk-key.pem');
  const csr = join(dir, 'kiosk.csr');
  const cert = join(dir, 'kiosk-cert.pem');
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=kiosk-a',
    '-keyout',
    key,
    '-out',
    csr,
  ]);
  run([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    cert,
  ]);
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

describe('hub over TLS', () => {
  it('makes its self-signed trial pair once and serves https', async () => {
    const dir = join(dirs.make(), 'tls');
    const first = ensureSelfSignedPair(dir, ['hub.branch.example', '10.0.0.5']);
    const again = ensureSelfSignedPair(dir, ['hub.branch.example', '10.0.0.5']);
    expect([first.created, again.created]).toEqual([true, false]);
    const text = execFileSync(
      'openssl',
      ['x509', '-in', first.certFile, '-noout', '-ext', 'subjectAltName'],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toMatch(
      /DNS:localhost, IP Address:127\.0\.0\.1, DNS:hub\.branch\.example, IP Address:10\.0\.0\.5/,
    );
    const { hub, ca } = await hubWithTls();
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await hubFetch(new URL('/readyz', hub.url), { method: 'GET', headers: {} }, { ca });
    expect(res.status).toBe(200);
  });

  it('a kiosk with the hub CA syncs and gets its realtime socket (wss)', async () => {
    const { hub, ca } = await hubWithTls();
    const sync = kiosk(hub.url, ca);
    await waitFor(
      'pulled over https and realtime up',
      () => sync.status().lastPullAt !== null && sync.status().realtime === 'connected',
    );
    expect(sync.status().lastError).toBeNull();
  });

  it('a kiosk configured with another CA refuses the hub (and so does one on the system roots)', async () => {
    const { hub } = await hubWithTls();
    const other = ensureSelfSignedPair(join(dirs.make(), 'other'), ['127.0.0.1']);
    for (const sync of [kiosk(hub.url, readFileSync(other.certFile)), kiosk(hub.url)]) {
      await waitFor('a failed pull', () => sync.status().lastError !== null);
      expect(sync.status().lastError).toMatch(
        /hub unreachable \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/,
      );
      expect(sync.status().lastPullAt).toBeNull();
      expect(sync.status().realtime).not.toBe('connected');
    }
  });

  it('with a client CA (mutual TLS) refuses a kiosk without a certificate and serves one with it', async () => {
    const clientCa = ensureSelfSignedPair(join(dirs.make(), 'client-ca'), []);
    const { hub, ca } = await hubWithTls({ clientCaFile: clientCa.certFile });
    const get = (tls: Parameters<typeof hubFetch>[2]) =>
      hubFetch(new URL('/readyz', hub.url), { method: 'GET', headers: {} }, tls);
    await expect(get({ ca })).rejects.toThrow(/fetch failed/);
    const stranger = clientCert(ensureSelfSignedPair(join(dirs.make(), 'stranger-ca'), []), dirs.make());
    await expect(get({ ca, ...stranger })).rejects.toThrow(/fetch failed/);
    const mine = clientCert(clientCa, dirs.make());
    expect((await get({ ca, ...mine })).status).toBe(200);
  });
});
