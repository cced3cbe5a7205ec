// startHub: the hub on Node. @hono/node-server serves the core (HTTP and both sockets through
// @hono/node-ws); the store is SQLite in dataDir (default) or a shared PostgreSQL.
import { silentLogger } from '../../logger.ts';
import { assembleHub } from './hub-assembly.ts';
import { serveOnNode } from './node-http.ts';
import type { RunningHub, StartHubOptions } from './node-options.ts';
import { nodeRecordingOptions } from './node-recording-files.ts';
import { runningHub } from './node-running.ts';
import { nodeSocketRuntime } from './node-socket-runtime.ts';
import { openStore } from './node-support.ts';

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { host, port, dataDir, storeHooks, staticDir, tls, recording, ...rest } = options;
  const { store: choice = { kind: 'sqlite' }, logger = silentLogger } = rest;
  const store = await openStore(choice, dataDir, storeHooks);
  const sockets = nodeSocketRuntime(logger);
  const recordings = recording && (await nodeRecordingOptions(dataDir, recording));
  const core = { ...rest, logger, sockets, recordings, recordingSweepMs: recording?.sweepMs };
  const hub = await assembleHub(store, choice, core);
  const http = await serveOnNode(hub.app, sockets, { host, port, tls, staticDir }).catch(async (e) => {
    await hub.close();
    throw e;
  });
  const url = http.url;
  logger.info({ event: 'hub.started', url, dataDir, store: store.kind }, `hub listening on ${url}`);
  return runningHub(hub, http, { store, recordings, logger });
}
