// `@branch/cloud-sync/client`: the kiosk side of sync (the device-agent's outbox, pulls and realtime
// nudge), with the hub's paths from the wire module.
export { openKioskSync, type KioskSyncOptions } from './kiosk-sync.ts';
export { hubFetch, tlsOptions, type HubClientTls, type HubRequestInit } from './hub-fetch.ts';
export {
  Backoff,
  backoffCeiling,
  backoffDelay,
  checkBackoffPolicy,
  type BackoffPolicy,
  type Jitter,
} from './backoff.ts';
export { DEFAULT_OUTBOX_ALARM, OUTBOX_ALARM_CLEAR_RATIO } from './outbox-alarm.ts';
export type * from './contract.ts';
export * from '../wire.ts';
