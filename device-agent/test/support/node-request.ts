// JSON requests through node:http / node:https, for what fetch cannot do without undici: trust a test CA
// (the technician listener's self-signed certificate) and send from a chosen source address (Linux
// routes all of 127.0.0.0/8 to lo, so 127.0.0.2, 127.0.0.3 ... are distinct clients on one machine).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSelfSignedPair } from '@branch/cloud-sync';

export interface NodeRequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Source address of the connection. */
  localAddress?: string;
  /** PEM CA to trust for https. */
  ca?: Buffer;
}

export function nodeRequest(
  url: string,
  o: NodeRequestOptions = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method: o.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...o.headers },
        localAddress: o.localAddress,
        ca: o.ca,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A fresh self-signed certificate for 127.0.0.1 and localhost (the hub's trial pair, made with openssl). */
export function selfSignedCert(): { dir: string; certFile: string; keyFile: string; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'tech-tls-'));
  const { certFile, keyFile } = ensureSelfSignedPair(dir, []);
  return { dir, certFile, keyFile, cert: readFileSync(certFile) };
}
