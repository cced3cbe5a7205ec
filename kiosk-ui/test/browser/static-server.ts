// A tiny static file server for browser tests: serves kiosk-ui/dist like the device-agent does (/, /sim).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};
const ROUTES: Record<string, string> = { '/': 'index.html', '/sim': 'sim.html', '/agent': 'agent.html' };

/** Answers a request itself (true) or leaves it to the static files (false). */
export type ExtraHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export async function serveStatic(
  dir: string,
  extra?: ExtraHandler,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (extra?.(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, ROUTES[path] ?? path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
