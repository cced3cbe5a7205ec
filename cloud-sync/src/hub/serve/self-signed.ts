// A self-signed certificate and key for a trial hub over HTTPS, made once with openssl (Debian's, run as
// a program) and kept: the kiosks then trust that certificate as their hub CA. A real deployment uses
// a certificate from the bank's CA instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

export interface SelfSignedPair {
  certFile: string;
  keyFile: string;
  /** False when an earlier start made them. */
  created: boolean;
}

/** The pair in `dir` (hub-cert.pem, hub-key.pem), made for `hosts` (names or addresses) when missing. */
export function ensureSelfSignedPair(dir: string, hosts: readonly string[], days = 825): SelfSignedPair {
  const certFile = join(dir, 'hub-cert.pem');
  const keyFile = join(dir, 'hub-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) return { certFile, keyFile, created: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const names = [...new Set(['localhost', '127.0.0.1', ...hosts])].filter(
    (h) => h !== '0.0.0.0' && h !== '::',
  );
  const san = names.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        String(days),
        '-subj',
        '/CN=branch kiosk hub (self-signed trial)',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'hub: a self-signed certificate needs openssl: apt-get install openssl'
        : `hub: openssl could not make a self-signed certificate (${(err as Error).message})`,
      { cause: err },
    );
  }
  return { certFile, keyFile, created: true };
}
