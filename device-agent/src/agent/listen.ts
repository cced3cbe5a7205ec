// Binds the HTTP server ("port in use" and similar become errors that name the address) and closes it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const what =
        err.code === 'EADDRINUSE'
          ? 'is already in use'
          : err.code === 'EACCES'
            ? 'is not permitted'
            : `failed (${err.code ?? err.message})`;
      reject(new Error(`agent: listening on ${host} port ${port} ${what}`, { cause: err }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Stops listening and drops the kept-alive connections, resolving once the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export function urlOf(a: AddressInfo, scheme: 'http' | 'https' = 'http'): string {
  return a.family === 'IPv6' ? `${scheme}://[${a.address}]:${a.port}` : `${scheme}://${a.address}:${a.port}`;
}

/** A slow or stalled client may not hold a connection open: headers within 10 s, the request in 30 s. */
export function withRequestTimeouts<S extends { headersTimeout: number; requestTimeout: number }>(
  server: S,
): S {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
