// An HTTP server for a Hono fetch handler, HTTPS when given a certificate and key (and mutual TLS when
// given a CA that client certificates must chain to). Shared by the hub and the device-agent's
// technician listener, so both read their PEM files and name a bad one the same way.
import { createAdaptorServer } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

export interface TlsServerFiles {
  certFile: string;
  keyFile: string;
  /** Mutual TLS: every client must show a certificate that chains to this CA (PEM file). */
  clientCaFile?: string | undefined;
}

/** How errors name the files: `${owner}: ${names.cert} /path cannot be read (ENOENT)`. */
export interface TlsServerNames {
  owner: string;
  cert: string;
  key: string;
  clientCa?: string;
}

export function readPemFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(`${what} ${file} cannot be read (${e.code ?? e.message})`, { cause: err });
  }
}

export function createNodeServer(
  fetch: Fetch,
  tls?: TlsServerFiles,
  names: TlsServerNames = {
    owner: 'hub',
    cert: 'tlsCertFile',
    key: 'tlsKeyFile',
    clientCa: 'tlsClientCaFile',
  },
): { server: Server; tls: boolean } {
  if (tls === undefined) return { server: createAdaptorServer({ fetch }) as Server, tls: false };
  const cert = readPemFile(tls.certFile, `${names.owner}: ${names.cert}`);
  const key = readPemFile(tls.keyFile, `${names.owner}: ${names.key}`);
  const ca =
    tls.clientCaFile === undefined
      ? undefined
      : readPemFile(tls.clientCaFile, `${names.owner}: ${names.clientCa ?? 'clientCaFile'}`);
  try {
    const server = createAdaptorServer({
      fetch,
      createServer: createHttpsServer,
      serverOptions: {
        cert,
        key,
        minVersion: 'TLSv1.2',
        ...(ca === undefined ? {} : { ca, requestCert: true, rejectUnauthorized: true }),
      },
    });
    return { server: server as Server, tls: true };
  } catch (err) {
    throw new Error(
      `${names.owner}: ${names.cert} ${tls.certFile} and ${names.key} ${tls.keyFile} ` +
        `are not a usable certificate and key (${(err as Error).message})`,
      { cause: err },
    );
  }
}
