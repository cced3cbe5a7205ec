// Public entry of cloud-sync; its subpaths ./client, ./hub and ./wire (package.json exports) hold the
// kiosk side, the hub side and the hub's paths. device-agent imports it in Node; kiosk-ui imports types
// only, and the import-free constants of ./wire as values, so Node-only modules may be exported here.
export * from './schema/conversation.ts';
export * from './schema/emotion-summary.ts';
export * from './schema/article.ts';
export * from './schema/doc-version.ts';
export * from './schema/change.ts';
export * from './schema/agent-api.ts';
export * from './schema/knowledge-api.ts';
export * from './schema/misses-api.ts';
export * from './schema/device-event.ts';
export * from './schema/ticket.ts';
export * from './schema/ticket-merge.ts';
export * from './schema/health.ts';
export * from './schema/settings.ts';
export * from './schema/handoff.ts';
export * from './schema/audit.ts';
export * from './schema/accounts-api.ts';
export * from './schema/ticket-sla.ts';
export * from './schema/ticket-desk-api.ts';
export * from './schema/runbook-steps.ts';
export type * from './schema/recording.ts';
export type * from './schema/listen-in.ts';
export * from './schema/supervisor-api.ts';
export * from './schema/call-desk-api.ts';
export { Hlc, HlcError, type HlcTimestamp } from './schema/hlc.ts';
export type { Logger } from './logger.ts';

// The hub's paths, limits and close codes (also `@branch/cloud-sync/wire`, pure constants).
export * from './wire.ts';
// Kiosk side (also `@branch/cloud-sync/client`)
export { openKioskSync, type KioskSyncOptions } from './client/kiosk-sync.ts';
export { hubFetch, tlsOptions, type HubClientTls, type HubRequestInit } from './client/hub-fetch.ts';
export {
  Backoff,
  backoffCeiling,
  backoffDelay,
  checkBackoffPolicy,
  type BackoffPolicy,
  type Jitter,
} from './client/backoff.ts';
export { DEFAULT_OUTBOX_ALARM, OUTBOX_ALARM_CLEAR_RATIO } from './client/outbox-alarm.ts';
export type * from './client/contract.ts';
// Hub side (also `@branch/cloud-sync/hub`)
export * from './hub/index.ts';
