// Public entry of cloud-sync. Other parts import only from here. device-agent imports it in Node;
// kiosk-ui imports types only, so Node-only modules may be exported here.
export * from './schema/conversation.ts';
export * from './schema/emotion-summary.ts';
export * from './schema/article.ts';
export * from './schema/change.ts';
export * from './schema/agent-api.ts';
export * from './schema/knowledge-api.ts';
export * from './schema/device-event.ts';
export * from './schema/ticket.ts';
export * from './schema/ticket-merge.ts';
export * from './schema/health.ts';
export * from './schema/settings.ts';
export * from './schema/handoff.ts';
export { Hlc, HlcError, type HlcTimestamp } from './schema/hlc.ts';
export type * from './client/contract.ts';
export type { Logger } from './logger.ts';

// Kiosk side
export { openKioskSync, type KioskSyncOptions } from './client/kiosk-sync.ts';
export { Backoff, type BackoffOptions } from './client/backoff.ts';

// Hub side
export { createHubApp, type HubAppOptions } from './hub/app.ts';
export { startHub } from './hub/serve/node.ts';
export type { StartHubOptions, RunningHub } from './hub/serve/node-options.ts';
export type { HubStoreChoice } from './hub/serve/node-support.ts';
export { openSqliteHubStore, openSqliteHubStoreOn } from './hub/store/sqlite-store.ts';
export {
  adaptNodeSqlite,
  type NodeSqliteDatabase,
  type SqliteConnection,
  type SqliteStatement,
} from './hub/store/sqlite-connection.ts';
export { openPostgresHubStore, type PostgresStoreOptions } from './hub/store/pg-store.ts';
export { OwnershipError } from './hub/store/types.ts';
export type * from './hub/store/types.ts';
export { createLocalHubEvents, type HubEvents } from './hub/events.ts';
export { createPgHubEvents, type PgHubEvents, type PgHubEventsOptions } from './hub/pg-events.ts';
export { applySeed, type HubSeed, type SeedReport } from './hub/seed.ts';
export { DEFAULT_ARTICLES } from './hub/default-articles.ts';
export { HandoffHub, type SignalPeer, type SignalConnection } from './handoff/handoff-hub.ts';
export { DEFAULT_HANDOFF_RULES, routeHandoff, type RouteDecision } from './handoff/routing.ts';
export { HandoffQueues, SKILLS } from './handoff/queue.ts';
