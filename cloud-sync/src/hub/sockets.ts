// The hub's two WebSockets, in the Web-standard core so that Node and Deno behave the same by
// construction: the realtime nudge for kiosks (EVENTS_PATH: kiosk credential checked before the
// upgrade) and the handoff signalling socket (HANDOFF_WS_PATH: HandoffHub checks the first message).
// Both refuse binary frames (1003) and messages over their limit (1009), and both are pinged by the
// runtime's keepalive. Only the upgrade itself and the protocol ping come from the runtime adapter.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { WSContext, WSEvents, WSMessageReceive } from 'hono/ws';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import type { Logger } from '../logger.ts';
import { EVENTS_PATH, HANDOFF_WS_PATH, MAX_REALTIME_BYTES, MAX_SIGNAL_BYTES, WS_CLOSE } from '../wire.ts';
import type { HubEvents } from './events.ts';
import { apiError } from './http-util.ts';
import { authenticateKiosk } from './routes-sync.ts';
import type { HubStore } from './store/types.ts';

/** What a runtime gives the core: hono's upgradeWebSocket plus a protocol ping every `pingMs`. */
export interface SocketRuntime {
  /**
   * Hono middleware that upgrades the request and feeds `createEvents`'s handlers. The runtime pings
   * each socket every `pingMs` and drops one whose pong does not come back in time.
   */
  upgrade(createEvents: (c: Context) => WSEvents, pingMs: number): MiddlewareHandler;
}

export interface HubSockets {
  /** Kiosks on the realtime socket now. */
  realtimeConnections(): number;
  /** Closes every socket (1001) and ends every signalling connection. */
  close(): void;
}

export interface SocketDeps {
  runtime: SocketRuntime;
  store: HubStore;
  events: HubEvents;
  handoff: HandoffHub;
  log: Logger;
  pingMs: number;
}

const encoder = new TextEncoder();

/** Why a message must close its socket, or null when it may be read. */
function refusal(data: WSMessageReceive, maxBytes: number): [number, string] | null {
  if (typeof data !== 'string') return [WS_CLOSE.binaryFrame, 'text messages only'];
  // Cheap first: a UTF-16 length this small cannot exceed the byte limit.
  if (data.length * 3 > maxBytes && encoder.encode(data).byteLength > maxBytes)
    return [WS_CLOSE.tooLarge, `messages of at most ${maxBytes} bytes`];
  return null;
}

const expectUpgrade = (c: Context) => c.text('expected a WebSocket upgrade', 426);

/** What a socket's error event says went wrong (the runtime's library sent the peer a close code). */
function peerError(e: Event): string {
  const err = (e as Event & { error?: unknown }).error;
  return err instanceof Error ? err.message : 'socket error';
}

export function mountSockets(app: Hono, deps: SocketDeps): HubSockets {
  const { runtime, store, events, handoff, log, pingMs } = deps;
  const kiosks = new Set<WSContext>();
  // Every signalling socket, also those still waiting for their token (HandoffHub knows only the rest).
  const signalling = new Set<WSContext>();

  const unsubscribe = events.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const ws of kiosks) if (ws.readyState === 1) ws.send(text);
  });

  // The kiosk credential is checked before the upgrade: a stranger never gets a socket.
  const kioskOf = new WeakMap<Request, string>();
  app.get(
    EVENTS_PATH,
    async (c, next) => {
      const kiosk = await authenticateKiosk(store, c.req.header('authorization'));
      if (!kiosk) return apiError(c, 401, 'unauthorized', 'a valid kiosk bearer token is required');
      kioskOf.set(c.req.raw, kiosk.id);
      await next();
    },
    runtime.upgrade((c) => {
      const kioskId = kioskOf.get(c.req.raw) ?? '';
      return {
        onOpen: (_e, ws) => {
          kiosks.add(ws);
          ws.send(JSON.stringify({ type: 'hello', kioskId }));
          log.debug({ event: 'hub.realtime.open', kioskId });
        },
        // Kiosks only listen; anything they send is read for its frame type and size, then dropped.
        onMessage: (e, ws) => {
          const why = refusal(e.data, MAX_REALTIME_BYTES);
          if (why) ws.close(...why);
        },
        onClose: (_e, ws) => void kiosks.delete(ws),
        onError: (e, ws) => {
          kiosks.delete(ws);
          log.warn({ event: 'hub.ws.peer_error', socket: 'realtime', kioskId, err: peerError(e) });
        },
      };
    }, pingMs),
    expectUpgrade,
  );

  app.get(
    HANDOFF_WS_PATH,
    runtime.upgrade(() => {
      let conn: ReturnType<HandoffHub['connect']> | null = null;
      return {
        onOpen: (_e, ws) => {
          signalling.add(ws);
          conn = handoff.connect({
            send: (text) => {
              if (ws.readyState === 1) ws.send(text);
            },
            close: (code, reason) => ws.close(code, reason),
          });
        },
        onMessage: (e, ws) => {
          const why = refusal(e.data, MAX_SIGNAL_BYTES);
          if (why) return ws.close(...why);
          conn?.message(e.data as string);
        },
        onClose: (_e, ws) => {
          signalling.delete(ws);
          conn?.closed();
        },
        onError: (e) => log.warn({ event: 'hub.ws.peer_error', socket: 'signalling', err: peerError(e) }),
      };
    }, pingMs),
    expectUpgrade,
  );

  return {
    realtimeConnections: () => kiosks.size,
    close: () => {
      unsubscribe();
      for (const ws of kiosks) ws.close(WS_CLOSE.hubStopping, 'hub stopping');
      kiosks.clear();
      handoff.closeAll();
      for (const ws of signalling) ws.close(WS_CLOSE.hubStopping, 'hub stopping');
      signalling.clear();
    },
  };
}
