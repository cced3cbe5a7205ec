// startHub: the hub on Node. @hono/node-server serves the core (HTTP and both sockets through
// @hono/node-ws); the store is SQLite in dataDir (default) or a shared PostgreSQL.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../logger.ts';
import { staticConsole } from '../static-files.ts';
import { assembleHub } from './hub-assembly.ts';
import { listen, openStore, urlHost } from './node-support.ts';
import type { RunningHub, StartHubOptions } from './node-options.ts';
import { nodeSocketRuntime } from './node-socket-runtime.ts';
import { createNodeServer } from './tls-server.ts';
import { nodeRecordingFiles } from './node-recording-files.ts';
import {
  DEFAULT_RECORDING_MAX_BYTES,
  DEFAULT_RECORDING_RETENTION_DAYS,
  type RecordingOptions,
} from '../recording-files.ts';

/** How long the hub keeps an idle HTTP keep-alive connection open. */
export const HUB_KEEP_ALIVE_TIMEOUT_MS = 65_000;

async function nodeRecordings(
  dataDir: string,
  o: NonNullable<StartHubOptions['recording']>,
): Promise<RecordingOptions> {
  return {
    files: await nodeRecordingFiles(dataDir),
    retentionDays: o.retentionDays ?? DEFAULT_RECORDING_RETENTION_DAYS,
    maxBytes: o.maxBytes ?? DEFAULT_RECORDING_MAX_BYTES,
  };
}

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const {
    host,
    port,
    dataDir,
    storeHooks,
    staticDir,
    tls,
    store: choice = { kind: 'sqlite' },
    recording,
    ...rest
  } = options;
  const log = options.logger ?? silentLogger;
  const store = await openStore(choice, dataDir, storeHooks);
  const sockets = nodeSocketRuntime(log);
  const recordings = recording ? await nodeRecordings(dataDir, recording) : undefined;
  const hub = await assembleHub(store, choice, {
    ...rest,
    logger: log,
    sockets,
    ...(recordings ? { recordings, recordingSweepMs: recording?.sweepMs } : {}),
  });
  const serveStatic = staticDir ? staticConsole(staticDir) : null;
  // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
  const fetch = async (req: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
    (await serveStatic?.(req)) ??
    hub.app.fetch(req, { clientAddress: env.incoming?.socket?.remoteAddress ?? 'unknown' });
  let server: Server;
  try {
    ({ server } = createNodeServer(fetch, tls));
  } catch (err) {
    await hub.close();
    throw err;
  }
  // Idle keep-alive connections stay open longer than a client or load balancer keeps one for reuse
  // (60 s is the usual balancer idle timeout; Node's default here is 5 s). Otherwise the hub closes a
  // connection just as the peer sends its next request on it, and that request fails (ECONNRESET, or
  // a 502 from the balancer). Clients that honour the `Keep-Alive: timeout=` hint (fetch, Node's
  // https agent) leave a little before this. headersTimeout stays above it, as Node wants.
  server.keepAliveTimeout = HUB_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HUB_KEEP_ALIVE_TIMEOUT_MS + 1000;
  sockets.attach(hub.app, server);
  await listen(server, host, port).catch(async (err: unknown) => {
    await hub.close();
    throw err;
  });
  const url = `${tls ? 'https' : 'http'}://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  log.info({ event: 'hub.started', url, dataDir, store: store.kind }, `hub listening on ${url}`);
  const stop = async (): Promise<void> => {
    hub.sockets.close();
    sockets.terminateAll();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await hub.close();
    log.info({ event: 'hub.stopped' }, 'hub stopped');
  };
  let closing: Promise<void> | null = null;
  const { events, handoff } = hub;
  const realtimeConnections = () => hub.sockets.realtimeConnections();
  return {
    url,
    store,
    events,
    handoff,
    realtimeConnections,
    ...(recordings ? { recordings } : {}),
    close: () => (closing ??= stop()),
  };
}
