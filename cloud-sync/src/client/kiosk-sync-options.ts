// What the kiosk's sync engine can be told, and the defaults it falls back on.
import { SYNC_LIMITS } from '../schema/change.ts';
import type { Logger } from '../logger.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { HubClientTls } from './hub-fetch.ts';
import { DEFAULT_OUTBOX_ALARM, type OutboxAlarmLimits } from './outbox-alarm.ts';

export interface KioskSyncOptions {
  hubUrl: string;
  kioskId: string;
  /** The kiosk's bearer token from enrollment. */
  token: string;
  logger?: Logger;
  /** Changes per push (at most SYNC_LIMITS.maxBatchChanges). Default 500, the protocol maximum. */
  batchSize?: number;
  /** Approximate JSON bytes per push, below the hub's body limit. Default 512 KiB. */
  maxBatchBytes?: number;
  /** Knowledge pull period; the realtime nudge makes it run sooner. Default 5000 ms. */
  pullIntervalMs?: number;
  /** Safety-net push period when nobody nudges. Default 5000 ms. */
  pushIntervalMs?: number;
  /** Retry backoff window: full jitter between these. Defaults 500 ms and 30 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Per-request timeout. Default 15 s. */
  requestTimeoutMs?: number;
  /** Connect the realtime WebSocket. Default true. */
  realtime?: boolean;
  /** How long acknowledged outbox rows are kept for diagnosis. Default 24 h. */
  ackRetentionMs?: number;
  /** The outbox size alarm's thresholds (outbox-alarm.ts). Defaults 10,000 changes and 64 MiB. */
  outboxAlarmChanges?: number;
  outboxAlarmBytes?: number;
  /** An https hub: the CA its certificate must chain to, and the kiosk's certificate for mutual TLS. */
  tls?: HubClientTls;
}

/** The tunables with every default filled in and every limit applied. */
export interface SyncTuning {
  batchSize: number;
  maxBatchBytes: number;
  pullIntervalMs: number;
  pushIntervalMs: number;
  ackRetentionMs: number;
  requestTimeoutMs: number;
  backoff: BackoffPolicy;
  alarm: OutboxAlarmLimits;
}

export function syncTuning(options: KioskSyncOptions): SyncTuning {
  return {
    batchSize: Math.min(options.batchSize ?? SYNC_LIMITS.maxBatchChanges, SYNC_LIMITS.maxBatchChanges),
    maxBatchBytes: Math.min(options.maxBatchBytes ?? 512 * 1024, SYNC_LIMITS.maxPushBytes / 2),
    pullIntervalMs: options.pullIntervalMs ?? 5000,
    pushIntervalMs: options.pushIntervalMs ?? 5000,
    ackRetentionMs: options.ackRetentionMs ?? 24 * 3600_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    backoff: { baseMs: options.backoffBaseMs ?? 500, capMs: options.backoffCapMs ?? 30_000, jitter: 'full' },
    alarm: {
      changes: options.outboxAlarmChanges ?? DEFAULT_OUTBOX_ALARM.changes,
      bytes: options.outboxAlarmBytes ?? DEFAULT_OUTBOX_ALARM.bytes,
    },
  };
}
