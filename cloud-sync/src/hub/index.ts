// `@branch/cloud-sync/hub`: the hub server: the Web-standard core, its Node entry, stores, events,
// seed and the handoff core. The Deno entry is bin/hub-deno.ts (serve/deno.ts).
export { createHubApp, type HubAppOptions } from './app.ts';
export type { HubSockets, SocketRuntime } from './sockets.ts';
export { startHub } from './serve/node.ts';
export type { StartHubOptions, RunningHub } from './serve/node-options.ts';
export type { HubStoreChoice } from './serve/node-support.ts';
export { openSqliteHubStore, openSqliteHubStoreOn } from './store/sqlite-store.ts';
export { backupSqliteHub, restoreSqliteHub } from './store/sqlite-backup.ts';
export {
  createNodeServer,
  readPemFile,
  type TlsServerFiles,
  type TlsServerNames,
} from './serve/tls-server.ts';
export { ensureSelfSignedPair, type SelfSignedPair } from './serve/self-signed.ts';
export {
  adaptNodeSqlite,
  type NodeSqliteDatabase,
  type SqliteConnection,
  type SqliteStatement,
} from './store/sqlite-connection.ts';
export { openPostgresHubStore, type PostgresStoreOptions } from './store/pg-store.ts';
export { OwnershipError } from './store/types.ts';
export { DatabaseDamagedError, isDamagedError, isStorageFullError } from './store/storage-errors.ts';
// The hub refuses NUL in any input; a kiosk refuses it at its own door, so nothing it queues is refused later.
export { findNul } from './nul-guard.ts';
export type * from './store/types.ts';
export { createLocalHubEvents, type HubEvents } from './events.ts';
export { createPgHubEvents, type PgHubEvents, type PgHubEventsOptions } from './pg-events.ts';
export { applySeed, type HubSeed, type SeedReport } from './seed.ts';
export { escalateOverdueTickets } from './ticket-escalation.ts';
export { DEFAULT_ARTICLES } from './default-articles.ts';
export { HandoffHub, type SignalPeer, type SignalConnection } from '../handoff/handoff-hub.ts';
export { DEFAULT_HANDOFF_RULES, routeHandoff, type RouteDecision } from '../handoff/routing.ts';
export { HandoffQueues, SKILLS } from '../handoff/queue.ts';
export {
  DEFAULT_HANDOFF_LIMITS,
  HandoffLimitError,
  type HandoffLimits,
  type HandoffOutcome,
} from '../handoff/handoff-limits.ts';
