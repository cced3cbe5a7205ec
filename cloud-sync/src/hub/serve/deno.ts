// startDenoHub: the hub on Deno. Deno.serve serves the same core (HTTP and both sockets through
// hono/deno's upgradeWebSocket; Deno's idleTimeout is the protocol ping); the store is node:sqlite
// in dataDir or a shared PostgreSQL (npm:pg).
import { upgradeWebSocket } from 'hono/deno';
import type { Logger } from '../../logger.ts';
import { openPostgresHubStore } from '../store/pg-store.ts';
import { assembleHub, type HubCoreOptions } from './hub-assembly.ts';
import { Deno, openDenoSqliteStore } from './deno-runtime.ts';
import type { SocketRuntime } from '../sockets.ts';
import type { HubStoreChoice } from './node-support.ts';

export interface DenoHubOptions extends Omit<HubCoreOptions, 'sockets'> {
  host: string;
  port: number;
  dataDir: string;
  store: HubStoreChoice;
  logger: Logger;
}

export async function startDenoHub(options: DenoHubOptions): Promise<{ close(): Promise<void> }> {
  const { host, port, dataDir, store: choice, ...rest } = options;
  const store =
    choice.kind === 'postgres' ? await openPostgresHubStore(choice) : await openDenoSqliteStore(dataDir);
  // Deno pings a socket idle for idleTimeout seconds and closes it when the pong does not follow.
  const sockets: SocketRuntime = {
    upgrade: (createEvents, pingMs) =>
      upgradeWebSocket(createEvents, { idleTimeout: Math.max(1, Math.round(pingMs / 1000)) }),
  };
  const hub = await assembleHub(store, choice, { ...rest, sockets });
  const url = (a: { hostname: string; port: number }) => `http://${a.hostname}:${a.port}`;
  const onListen = (a: { hostname: string; port: number }) =>
    rest.logger.info(
      { event: 'hub.started', url: url(a), store: store.kind, runtime: 'deno' },
      'hub listening',
    );
  // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
  const server = Deno.serve({ hostname: host, port, onListen }, (req, info) =>
    hub.app.fetch(req, { clientAddress: info.remoteAddr.hostname ?? 'unknown' }),
  );
  return {
    close: async () => {
      hub.sockets.close();
      await server.shutdown();
      await hub.close();
    },
  };
}
