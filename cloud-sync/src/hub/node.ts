// startHub: the hub on Node (@hono/node-server + ws), with the SQLite store in dataDir (default) or a
// PostgreSQL store shared with other hub instances (realtime events then fan out by LISTEN/NOTIFY).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { silentLogger, type Logger } from '../logger.ts';
import { createHubApp } from './app.ts';
import { DEFAULT_PBKDF2_ITERATIONS } from './crypto.ts';
import type { HubEvents } from './events.ts';
import { hubEventsFor } from './pg-events.ts';
import { openPostgresHubStore } from './store/pg-store.ts';
import { attachRealtime } from './realtime-server.ts';
import { attachHandoffSocket } from './handoff-socket.ts';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import type { IceServer } from '../schema/handoff.ts';
import { applySeed, type HubSeed } from './seed.ts';
import { staticConsole } from './static-files.ts';
import { openSqliteHubStore } from './store/sqlite-store.ts';
import { DatabaseDamagedError } from './store/storage-errors.ts';
import type { HubStore, StoreTestHooks } from './store/types.ts';

/** Where the hub keeps its data. */
export type HubStoreChoice =
  | {
      kind: 'sqlite';
      /**
       * Largest size hub.sqlite may grow to, bytes (SQLite's max_page_count). A write beyond it is
       * refused as a full disk would be (507, nothing applied). Default: no limit but the disk's.
       */
      maxBytes?: number;
    }
  | {
      kind: 'postgres';
      /** postgres://user@host:port/database */
      url: string;
      /** Schema inside the database (default: public). Instances sharing data use the same one. */
      schema?: string;
      /** Connections in the pool. Default 10. */
      poolSize?: number;
      /** Connection attempt timeout. Default 5,000 ms. */
      connectTimeoutMs?: number;
      /** statement_timeout of every connection. Default 15,000 ms. */
      statementTimeoutMs?: number;
    };

export interface StartHubOptions {
  host: string;
  /** 0 picks a free port; the chosen one is in `url`. */
  port: number;
  /** Folder of the hub's SQLite database (hub.sqlite); created when missing. Unused on PostgreSQL. */
  dataDir: string;
  /** Default { kind: 'sqlite' } (hub.sqlite in dataDir). */
  store?: HubStoreChoice;
  /** Fault injection for the reliability tests only. */
  storeHooks?: StoreTestHooks;
  /** Built kiosk-ui (dist/): serves /agent and /assets/*. */
  staticDir?: string;
  seed?: HubSeed;
  logger?: Logger;
  /** Enables /api/admin/* for this bearer token. */
  operatorToken?: string;
  passwordIterations?: number;
  /** Failed logins in a row before an agent account locks (default 5). */
  maxFailedLogins?: number;
  /** Failed sign-ins per client address per 15 minutes (default 20). */
  loginFailuresPerAddress?: number;
  /** STUN/TURN servers for handoff calls (HUB_ICE_SERVERS); none on loopback or a LAN. */
  iceServers?: IceServer[];
}

export interface RunningHub {
  url: string;
  store: HubStore;
  events: HubEvents;
  /** Kiosks connected to the realtime socket now. */
  realtimeConnections(): number;
  /** Queues, presence and calls of video handoff. */
  handoff: HandoffHub;
  close(): Promise<void>;
}

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const log = options.logger ?? silentLogger;
  const iterations = options.passwordIterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const choice = options.store ?? { kind: 'sqlite' };
  const store = await openStore(choice, options);
  let closeEvents = async (): Promise<void> => {};
  try {
    if (options.seed) {
      const report = await applySeed(store, options.seed, iterations);
      log.info({ event: 'hub.seeded', ...report }, 'seed applied');
    }
    const { events, close } = await hubEventsFor(choice, log);
    closeEvents = close;
    let handoff: HandoffHub | null = null;
    const core = createHubApp({
      store,
      events,
      logger: log,
      passwordIterations: iterations,
      ...(options.maxFailedLogins !== undefined ? { maxFailedLogins: options.maxFailedLogins } : {}),
      ...(options.loginFailuresPerAddress !== undefined
        ? { loginFailuresPerAddress: options.loginFailuresPerAddress }
        : {}),
      onHandoff: (h) => (handoff = h),
      ...(options.iceServers ? { iceServers: options.iceServers } : {}),
      ...(options.operatorToken ? { operatorToken: options.operatorToken } : {}),
    });
    const serveStatic = options.staticDir ? staticConsole(options.staticDir) : null;
    // The peer's address reaches the core as env.clientAddress (per-address sign-in limit).
    const fetch = async (req: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
      (await serveStatic?.(req)) ??
      core.fetch(req, { clientAddress: env.incoming?.socket?.remoteAddress ?? 'unknown' });
    const server = createAdaptorServer({ fetch }) as Server;
    await listen(server, options.host, options.port);
    const realtime = attachRealtime(server, store, events, log);
    if (!handoff) throw new Error('the hub app made no handoff core');
    const handoffCore: HandoffHub = handoff;
    const signalling = attachHandoffSocket(server, handoffCore);
    const port = (server.address() as AddressInfo).port;
    const url = `http://${urlHost(options.host)}:${port}`;
    log.info(
      { event: 'hub.started', url, dataDir: options.dataDir, store: store.kind },
      `hub listening on ${url}`,
    );
    let closing: Promise<void> | null = null;
    return {
      url,
      store,
      events,
      realtimeConnections: () => realtime.connections(),
      handoff: handoffCore,
      close: () =>
        (closing ??= (async () => {
          await signalling.close();
          await realtime.close();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await closeEvents();
          await store.close();
          log.info({ event: 'hub.stopped' }, 'hub stopped');
        })()),
    };
  } catch (err) {
    await closeEvents();
    await store.close();
    throw err;
  }
}

async function openStore(choice: HubStoreChoice, options: StartHubOptions): Promise<HubStore> {
  if (choice.kind === 'postgres') {
    try {
      return await openPostgresHubStore({
        ...choice,
        ...(options.storeHooks ? { hooks: options.storeHooks } : {}),
      });
    } catch (err) {
      const where = choice.url.replace(/\/\/[^@/]*@/, '//');
      throw new Error(`hub cannot open PostgreSQL at ${where}: ${(err as Error).message}`, { cause: err });
    }
  }
  ensureWritableDir(options.dataDir);
  const dbFile = join(options.dataDir, 'hub.sqlite');
  try {
    return openSqliteHubStore(dbFile, options.storeHooks, choice.maxBytes);
  } catch (err) {
    // Already one line naming the file and what to do; a restart cannot fix it.
    if (err instanceof DatabaseDamagedError) throw err;
    throw new Error(`hub cannot open its database ${dbFile}: ${(err as Error).message}`, { cause: err });
  }
}

function ensureWritableDir(dir: string): void {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    // access(W_OK) says yes to root even on a read-only mount, so try a real write.
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`hub dataDir ${dir} is not a writable folder (${code})`, { cause: err });
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(new Error(`hub port ${port} on ${host} is already in use`, { cause: err }));
      else if (err.code === 'EACCES')
        reject(new Error(`hub may not listen on port ${port} on ${host}`, { cause: err }));
      else reject(new Error(`hub cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
