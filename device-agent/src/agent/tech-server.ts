// The technician listener's server. With a certificate and key configured it is HTTPS, so the PIN, the
// bearer tokens and /tech/ws (then wss) cross the service LAN encrypted; without them it is plain HTTP,
// which the options allow only on loopback or behind a TLS-terminating proxy (allowPlaintext).
import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { ClientOf } from '../http/tech-routes.ts';
import { clientAddress } from '../tech/client-address.ts';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

export interface TechTlsFiles {
  tlsCertFile?: string | undefined;
  tlsKeyFile?: string | undefined;
}

export function createTechServer(t: TechTlsFiles, fetch: Fetch): { server: Server; tls: boolean } {
  if (t.tlsCertFile === undefined || t.tlsKeyFile === undefined)
    return { server: createAdaptorServer({ fetch }) as Server, tls: false };
  const cert = readPem(t.tlsCertFile, 'tlsCertFile');
  const key = readPem(t.tlsKeyFile, 'tlsKeyFile');
  try {
    const server = createAdaptorServer({
      fetch,
      createServer: createHttpsServer,
      serverOptions: { cert, key, minVersion: 'TLSv1.2' },
    });
    return { server: server as Server, tls: true };
  } catch (err) {
    throw new Error(
      `agent: technician.tlsCertFile ${t.tlsCertFile} and technician.tlsKeyFile ${t.tlsKeyFile} ` +
        `are not a usable certificate and key (${(err as Error).message})`,
      { cause: err },
    );
  }
}

function readPem(file: string, key: 'tlsCertFile' | 'tlsKeyFile'): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(`agent: technician.${key} ${file} cannot be read (${e.code ?? e.message})`, {
      cause: err,
    });
  }
}

/** The address a sign-in counts against: the connection's peer, or the client a trusted proxy names. */
export function techClientOf(trustedProxies: readonly string[]): ClientOf {
  return (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustedProxies);
}
