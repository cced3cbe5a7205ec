// The technician listener's server. With a certificate and key configured it is HTTPS, so the PIN, the
// bearer tokens and /tech/ws (then wss) cross the service LAN encrypted; without them it is plain HTTP,
// which the options allow only on loopback or behind a TLS-terminating proxy (allowPlaintext).
import { createNodeServer } from '@branch/cloud-sync';
import type { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Server } from 'node:http';
import type { ClientOf } from '../http/tech-routes.ts';
import { clientAddress } from '../tech/client-address.ts';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

export interface TechTlsFiles {
  tlsCertFile?: string | undefined;
  tlsKeyFile?: string | undefined;
}

/** The hub's TLS server code (cloud-sync), with the technician's config keys in its errors. */
export function createTechServer(t: TechTlsFiles, fetch: Fetch): { server: Server; tls: boolean } {
  const files =
    t.tlsCertFile === undefined || t.tlsKeyFile === undefined
      ? undefined
      : { certFile: t.tlsCertFile, keyFile: t.tlsKeyFile };
  return createNodeServer(fetch, files, {
    owner: 'agent',
    cert: 'technician.tlsCertFile',
    key: 'technician.tlsKeyFile',
  });
}

/** The address a sign-in counts against: the connection's peer, or the client a trusted proxy names. */
export function techClientOf(trustedProxies: readonly string[]): ClientOf {
  return (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustedProxies);
}
