// The core's sockets on Node: @hono/node-ws upgrades (over `ws`), plus the protocol ping the Web API
// lacks: every pingMs a ping; a socket whose last ping went unanswered is terminated.
import type { Server } from 'node:http';
import { createNodeWebSocket, type NodeWebSocket } from '@hono/node-ws';
import type { Hono } from 'hono';
import type { WebSocket } from 'ws';
import type { Logger } from '../../logger.ts';
import { MAX_SIGNAL_BYTES } from '../../wire.ts';
import type { SocketRuntime } from '../sockets.ts';
import { ensureErrorEvent } from './error-event.ts';

export interface NodeSocketRuntime extends SocketRuntime {
  /** Serves the app's upgrades on `server`. */
  attach(app: Hono, server: Server): void;
  /** Drops every socket still open. */
  terminateAll(): void;
}

export function nodeSocketRuntime(log: Logger): NodeSocketRuntime {
  ensureErrorEvent();
  let nodeWs: NodeWebSocket | null = null;
  return {
    upgrade: (createEvents, pingMs) => (c, next) => {
      if (!nodeWs) throw new Error('the Node socket runtime is not attached to a server');
      return nodeWs.upgradeWebSocket(
        (ctx) => {
          const events = createEvents(ctx);
          let timer: ReturnType<typeof setInterval> | undefined;
          return {
            ...events,
            onOpen: (e, ws) => {
              const raw = ws.raw as WebSocket;
              let answered = true;
              raw.on('pong', () => (answered = true));
              timer = setInterval(() => {
                if (!answered) return raw.terminate();
                answered = false;
                raw.ping();
              }, pingMs);
              timer.unref();
              events.onOpen?.(e, ws);
            },
            onClose: (e, ws) => {
              clearInterval(timer);
              events.onClose?.(e, ws);
            },
          };
        },
        { onError: (err) => log.error({ event: 'hub.ws.error', err: (err as Error).message }) },
      )(c, next);
    },
    attach(app, server) {
      // An upgraded socket is no longer watched by the HTTP server: a peer that resets it while the
      // core checks its credential would raise an unhandled 'error' and take the hub down.
      server.on('upgrade', (_req, socket) => socket.on('error', () => socket.destroy()));
      nodeWs = createNodeWebSocket({ app });
      // The core refuses messages over its limits (1009); `ws` caps what it buffers before that.
      nodeWs.wss.options.maxPayload = 2 * MAX_SIGNAL_BYTES;
      nodeWs.injectWebSocket(server);
    },
    terminateAll() {
      for (const ws of nodeWs?.wss.clients ?? []) ws.terminate();
      nodeWs?.wss.close();
    },
  };
}
