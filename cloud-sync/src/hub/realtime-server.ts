// The realtime nudge socket for kiosks (GET /api/sync/events, upgraded by `ws`). Node only; events
// come from HubEvents, so a PostgreSQL LISTEN/NOTIFY bus plugs in without touching this file.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger.ts';
import { HANDOFF_WS_PATH } from '../schema/handoff.ts';
import type { HubEvents } from './events.ts';
import { authenticateKiosk } from './routes-sync.ts';
import type { HubStore } from './store/types.ts';

export const EVENTS_PATH = '/api/sync/events';

export interface RealtimeServer {
  connections(): number;
  close(): Promise<void>;
}

export function attachRealtime(
  server: Server,
  store: HubStore,
  events: HubEvents,
  log: Logger,
): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  const reject = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // The HTTP server stops watching an upgraded socket: a kiosk that resets it while we check its
    // token would otherwise raise an unhandled 'error' and take the hub down (found by the soak).
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path === HANDOFF_WS_PATH) return; // handoff-socket.ts answers that one
    if (path !== EVENTS_PATH) return reject(socket, '404 Not Found');
    authenticateKiosk(store, req.headers.authorization).then(
      (kiosk) => {
        if (!kiosk) return reject(socket, '401 Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => {
          alive.set(ws, true);
          ws.on('pong', () => alive.set(ws, true));
          ws.on('error', () => ws.terminate());
          ws.send(JSON.stringify({ type: 'hello', kioskId: kiosk.id }));
          log.debug({ event: 'hub.realtime.open', kioskId: kiosk.id });
        });
      },
      (err: unknown) => {
        log.error({ event: 'hub.realtime.auth_failed', err: (err as Error).message });
        reject(socket, '500 Internal Server Error');
      },
    );
  };
  server.on('upgrade', onUpgrade);

  const unsubscribe = events.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  // Sockets to kiosks whose line died without a FIN are found by ping and dropped.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, 30_000);
  heartbeat.unref();

  return {
    connections: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
