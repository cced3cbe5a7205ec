// startDenoHub: the hub on Deno. Deno.serve serves the same core (HTTP and both sockets through
// hono/deno's upgradeWebSocket); the store is node:sqlite in dataDir or a shared PostgreSQL (npm:pg).
import type { Logger } from '../../logger.ts';
import { assembleHub, type HubCoreOptions } from './hub-assembly.ts';
import { Deno, denoSocketRuntime, openDenoStore } from './deno-runtime.ts';
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
  const store = await openDenoStore(choice, dataDir);
  const hub = await assembleHub(store, choice, { ...rest, sockets: denoSocketRuntime });
  const onListen = ({ hostname, port }: { hostname: string; port: number }) => {
    const fields = { event: 'hub.started', url: `http://${hostname}:${port}`, store: store.kind };
    rest.logger.info({ ...fields, runtime: 'deno' }, 'hub listening');
  };
  // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
  const server = Deno.serve({ hostname: host, port, onListen }, (req, info) =>
    hub.app.fetch(req, { clientAddress: info.remoteAddr.hostname ?? 'unknown' }),
  );
  const close = async () => {
    hub.sockets.close();
    await server.shutdown();
    await hub.close();
  };
  return { close };
}
