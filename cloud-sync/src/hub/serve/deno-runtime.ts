// The few Deno APIs the Deno adapter uses, declared so that `tsc` (Node types) checks it too, and the
// SQLite store on Deno: better-sqlite3 (a V8/nan addon, not Node-API) does not load there, so the
// store runs on the runtime's built-in node:sqlite through adaptNodeSqlite(); and the sockets on
// hono/deno's upgradeWebSocket.
import { upgradeWebSocket } from 'hono/deno';
import type { SocketRuntime } from '../sockets.ts';
import { openPostgresHubStore } from '../store/pg-store.ts';
import { adaptNodeSqlite, type NodeSqliteDatabase } from '../store/sqlite-connection.ts';
import { openSqliteHubStoreOn } from '../store/sqlite-store.ts';
import type { HubStore } from '../store/types.ts';
import type { HubStoreChoice } from './node-support.ts';

interface DenoApi {
  env: { toObject(): Record<string, string> };
  serve(
    options: {
      hostname: string;
      port: number;
      onListen?: (addr: { hostname: string; port: number }) => void;
    },
    handler: (req: Request, info: { remoteAddr: { hostname?: string } }) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
  mkdirSync(path: string, options: { recursive: boolean }): void;
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): never;
}
export const Deno = (globalThis as unknown as { Deno: DenoApi }).Deno;

/** The store the options choose: node:sqlite in dataDir, or a shared PostgreSQL (npm:pg). */
export function openDenoStore(choice: HubStoreChoice, dataDir: string): Promise<HubStore> {
  return choice.kind === 'postgres' ? openPostgresHubStore(choice) : openDenoSqliteStore(dataDir);
}

// Deno pings a socket idle for idleTimeout seconds and closes it when the pong does not follow, so
// idleTimeout is the protocol ping.
export const denoSocketRuntime: SocketRuntime = {
  upgrade: (createEvents, pingMs) =>
    upgradeWebSocket(createEvents, { idleTimeout: Math.max(1, Math.round(pingMs / 1000)) }),
};

async function openDenoSqliteStore(dataDir: string): Promise<HubStore> {
  Deno.mkdirSync(dataDir, { recursive: true });
  // A computed specifier: Node 20's type definitions have no node:sqlite, Deno's runtime does.
  const sqliteModule = 'node:' + 'sqlite';
  const { DatabaseSync } = (await import(sqliteModule)) as {
    DatabaseSync: new (path: string) => NodeSqliteDatabase;
  };
  return openSqliteHubStoreOn(adaptNodeSqlite(new DatabaseSync(`${dataDir}/hub.sqlite`)));
}
