// startHub: the hub on Node. @hono/node-server serves the core (HTTP and both sockets through
// @hono/node-ws); the store is SQLite in dataDir (default) or a shared PostgreSQL.
import { silentLogger } from '../../logger.ts';
import { assembleHub } from './hub-assembly.ts';
import { serveOnNode } from './node-http.ts';
import type { RunningHub, StartHubOptions } from './node-options.ts';
import { nodeRecordingOptions } from './node-recording-files.ts';
import { nodeSocketRuntime } from './node-socket-runtime.ts';
import { openStore } from './node-support.ts';

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { host, port, dataDir, storeHooks, staticDir, tls, recording, ...rest } = options;
  const { store: choice = { kind: 'sqlite' }, logger: log = silentLogger } = rest;
  const store = await openStore(choice, dataDir, storeHooks);
  const sockets = nodeSocketRuntime(log);
  const recordings = recording && (await nodeRecordingOptions(dataDir, recording));
  const recordingSweepMs = recording?.sweepMs;
  const hub = await assembleHub(store, choice, {
    ...rest,
    logger: log,
    sockets,
    recordings,
    recordingSweepMs,
  });
  const http = await serveOnNode(hub.app, sockets, { host, port, tls, staticDir }).catch(async (err) => {
    await hub.close();
    throw err;
  });
  log.info(
    { event: 'hub.started', url: http.url, dataDir, store: store.kind },
    `hub listening on ${http.url}`,
  );
  const stop = async (): Promise<void> => {
    hub.sockets.close();
    await http.stop();
    await hub.close();
    log.info({ event: 'hub.stopped' }, 'hub stopped');
  };
  let closing: Promise<void> | null = null;
  const realtimeConnections = () => hub.sockets.realtimeConnections();
  const { events, handoff } = hub;
  return {
    url: http.url,
    store,
    events,
    handoff,
    realtimeConnections,
    recordings,
    close: () => (closing ??= stop()),
  };
}
