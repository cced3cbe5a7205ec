// The hub on Deno: the same Web-standard core (createHubApp) served by Deno.serve, with the realtime
// nudge on Deno.upgradeWebSocket. Store from HUB_STORE as on Node: SQLite (default) or PostgreSQL
// through npm:pg with LISTEN/NOTIFY. Deno 2.9 refuses to load better-sqlite3 (a V8/nan addon, not
// Node-API), so on Deno the SQLite store runs on the runtime's built-in node:sqlite through
// adaptNodeSqlite(). Run from the repository root:
//   npx deno run -A cloud-sync/bin/hub-deno.ts
// Environment: HUB_HOST, HUB_PORT, HUB_DATA_DIR, HUB_OPERATOR_TOKEN, HUB_SEED_ARTICLES, HUB_SEED_KIOSKS,
// HUB_STORE, HUB_PG_URL, HUB_PG_SCHEMA, HUB_PG_POOL, HUB_ICE_SERVERS (see README). Prints one JSON line
// {"event":"hub.started","url":...} when it listens.
import { createHubApp } from '../src/hub/app.ts';
import type { HandoffHub } from '../src/handoff/handoff-hub.ts';
import { HANDOFF_WS_PATH, MAX_SIGNAL_BYTES } from '../src/schema/handoff.ts';
import { hubEventsFor } from '../src/hub/pg-events.ts';
import { authenticateKiosk } from '../src/hub/routes-sync.ts';
import { applySeed } from '../src/hub/seed.ts';
import { openSqliteHubStoreOn } from '../src/hub/store/sqlite-store.ts';
import { adaptNodeSqlite, type NodeSqliteDatabase } from '../src/hub/store/sqlite-connection.ts';
import { openPostgresHubStore } from '../src/hub/store/pg-store.ts';
import type { HubStore } from '../src/hub/store/types.ts';
import type { Logger } from '../src/logger.ts';
import { iceServersFromEnv, seedFromEnv, storeFromEnv } from './hub-env.ts';

// The few Deno APIs used here, declared so that `tsc` (Node types) checks this file too.
interface DenoSocketUpgrade {
  socket: WebSocket;
  response: Response;
}
declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(
    options: {
      hostname: string;
      port: number;
      onListen?: (addr: { hostname: string; port: number }) => void;
    },
    handler: (req: Request, info: { remoteAddr: { hostname?: string } }) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
  upgradeWebSocket(req: Request): DenoSocketUpgrade;
  mkdirSync(path: string, options: { recursive: boolean }): void;
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): never;
};

const env = Deno.env.toObject();
const line =
  (level: string) =>
  (obj: object, msg?: string): void =>
    console.log(JSON.stringify({ level, time: new Date().toISOString(), ...obj, msg }));
const log: Logger = { debug: () => {}, info: line('info'), warn: line('warn'), error: line('error') };

const choice = storeFromEnv(env);
let store: HubStore;
if (choice.kind === 'postgres') {
  store = await openPostgresHubStore(choice);
} else {
  const dataDir = env.HUB_DATA_DIR ?? 'data/hub';
  Deno.mkdirSync(dataDir, { recursive: true });
  // A computed specifier: Node 20's type definitions have no node:sqlite, Deno's runtime does.
  const sqliteModule = 'node:' + 'sqlite';
  const { DatabaseSync } = (await import(sqliteModule)) as {
    DatabaseSync: new (path: string) => NodeSqliteDatabase;
  };
  store = openSqliteHubStoreOn(adaptNodeSqlite(new DatabaseSync(`${dataDir}/hub.sqlite`)));
}
const { events, close: closeEvents } = await hubEventsFor(choice, log);

const seed = seedFromEnv(env);
await applySeed(store, seed, 600_000);

const iceServers = iceServersFromEnv(env);
let handoff: HandoffHub | null = null;
const core = createHubApp({
  store,
  events,
  logger: log,
  onHandoff: (h) => (handoff = h),
  ...(iceServers ? { iceServers } : {}),
  ...(env.HUB_OPERATOR_TOKEN ? { operatorToken: env.HUB_OPERATOR_TOKEN } : {}),
});

const sockets = new Set<WebSocket>();
events.subscribe((event) => {
  const text = JSON.stringify(event);
  for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(text);
});

async function realtime(req: Request): Promise<Response> {
  if (req.headers.get('upgrade')?.toLowerCase() !== 'websocket')
    return new Response('expected a WebSocket upgrade', { status: 426 });
  const kiosk = await authenticateKiosk(store, req.headers.get('authorization'));
  if (!kiosk) return new Response(null, { status: 401 });
  const { socket, response } = Deno.upgradeWebSocket(req);
  socket.onopen = () => {
    sockets.add(socket);
    socket.send(JSON.stringify({ type: 'hello', kioskId: kiosk.id }));
  };
  socket.onclose = () => sockets.delete(socket);
  socket.onerror = () => sockets.delete(socket);
  return response;
}

// The handoff signalling socket: HandoffHub authenticates each connection by its first message.
function signalling(req: Request): Response {
  if (req.headers.get('upgrade')?.toLowerCase() !== 'websocket' || !handoff)
    return new Response('expected a WebSocket upgrade', { status: 426 });
  const { socket, response } = Deno.upgradeWebSocket(req);
  const conn = handoff.connect({
    send: (text) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close: (code, reason) => socket.close(code, reason),
  });
  socket.onmessage = (ev: MessageEvent) => {
    if (typeof ev.data !== 'string' || ev.data.length > MAX_SIGNAL_BYTES)
      return socket.close(1009, 'text messages of at most 32 KiB');
    conn.message(ev.data);
  };
  socket.onclose = () => conn.closed();
  return response;
}

const routes: Record<string, (req: Request) => Response | Promise<Response>> = {
  '/api/sync/events': realtime,
  [HANDOFF_WS_PATH]: signalling,
};

const server = Deno.serve(
  {
    hostname: env.HUB_HOST ?? '127.0.0.1',
    port: Number(env.HUB_PORT ?? 7100),
    onListen: ({ hostname, port }) =>
      log.info(
        { event: 'hub.started', url: `http://${hostname}:${port}`, store: store.kind, runtime: 'deno' },
        'hub listening',
      ),
  },
  (req, info) => {
    const route = routes[new URL(req.url).pathname];
    if (route) return route(req);
    // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
    return core.fetch(req, { clientAddress: info.remoteAddr.hostname ?? 'unknown' });
  },
);

const shutdown = (): void => {
  for (const ws of sockets) ws.close(1001, 'hub stopping');
  server
    .shutdown()
    .then(closeEvents)
    .then(() => store.close())
    .then(
      () => Deno.exit(0),
      () => Deno.exit(1),
    );
};
Deno.addSignalListener('SIGINT', shutdown);
Deno.addSignalListener('SIGTERM', shutdown);
