// The Node HTTP side of the hub: one server (HTTPS when given TLS files) that serves the built console
// first, then the core's app and its sockets; errors that name the cause; a stop that drops every
// connection. Node-only plumbing of serve/node.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { staticConsole } from '../static-files.ts';
import { listen, urlHost } from './node-support.ts';
import type { NodeSocketRuntime } from './node-socket-runtime.ts';
import { createNodeServer, type TlsServerFiles } from './tls-server.ts';

/** How long the hub keeps an idle HTTP keep-alive connection open. */
export const HUB_KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface NodeHttpOptions {
  host: string;
  port: number;
  tls?: TlsServerFiles | undefined;
  staticDir?: string | undefined;
}

export interface NodeHttp {
  url: string;
  /** Closes every socket and connection, then the server. */
  stop(): Promise<void>;
}

export async function serveOnNode(
  app: Hono,
  sockets: NodeSocketRuntime,
  o: NodeHttpOptions,
): Promise<NodeHttp> {
  const serveStatic = o.staticDir ? staticConsole(o.staticDir) : null;
  // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
  const fetch = async (req: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
    (await serveStatic?.(req)) ??
    app.fetch(req, { clientAddress: env.incoming?.socket?.remoteAddress ?? 'unknown' });
  const { server } = createNodeServer(fetch, o.tls);
  // Idle keep-alive connections stay open longer than a client or load balancer keeps one for reuse
  // (60 s is the usual balancer idle timeout; Node's default here is 5 s). Otherwise the hub closes a
  // connection just as the peer sends its next request on it, and that request fails (ECONNRESET, or
  // a 502 from the balancer). Clients that honour the `Keep-Alive: timeout=` hint (fetch, Node's
  // https agent) leave a little before this. headersTimeout stays above it, as Node wants.
  server.keepAliveTimeout = HUB_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HUB_KEEP_ALIVE_TIMEOUT_MS + 1000;
  sockets.attach(app, server);
  await listen(server, o.host, o.port);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${o.tls ? 'https' : 'http'}://${urlHost(o.host)}:${port}`,
    stop: () => closeServer(server, sockets),
  };
}

function closeServer(server: Server, sockets: NodeSocketRuntime): Promise<void> {
  sockets.terminateAll();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
