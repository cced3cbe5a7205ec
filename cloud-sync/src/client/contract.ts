// The kiosk-side sync contract that device-agent codes against.
import type { Conversation, Message } from '../schema/conversation.ts';
import type { KnowledgeArticle } from '../schema/article.ts';
import type { DeviceEvent } from '../schema/device-event.ts';
import type { HealthSnapshot } from '../schema/health.ts';
import type { TicketUpdate } from '../schema/ticket.ts';
import type { ConfigEntry, RoutingRule } from '../schema/settings.ts';

/** Entities a kiosk pushes up. */
export type UpEntity =
  | { entity: 'conversation'; data: Conversation }
  | { entity: 'message'; data: Message }
  | { entity: 'device_event'; data: DeviceEvent }
  /** Only the fields this write sets; see TicketUpdateSchema for the status rules. */
  | { entity: 'ticket'; data: TicketUpdate }
  | { entity: 'health'; data: HealthSnapshot };

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'offline' | 'error' | 'stopped';
  /** Outbox entries not yet acknowledged by the hub. */
  pending: number;
  lastSuccessAt: string | null;
  /** The push error, else the pull error (see pushError, pullError). */
  lastError: string | null;
  /** The last push failure, until a push succeeds (optional: added after the first contract). */
  pushError?: string | null;
  /** The last pull failure, until a pull succeeds. */
  pullError?: string | null;
  /** Changes the hub refused for good, set aside in sync_quarantine; state is 'error' while any are. */
  quarantined?: number;
  /** When the last knowledge pull committed (optional: added after the first contract). */
  lastPullAt?: string | null;
  /** Whether the hub's realtime nudge socket is connected. */
  realtime?: 'connected' | 'connecting' | 'off';
  /** Approximate wire bytes of the pending changes. */
  pendingBytes?: number;
  /**
   * The outbox size alarm: on once pending reaches outboxAlarmChanges (or pendingBytes
   * outboxAlarmBytes), off again below 90 % of both.
   */
  outboxAlarm?: boolean;
}

export interface OutboxWriter {
  /**
   * Records one change in the outbox. Must be called inside the caller's better-sqlite3 transaction
   * that also writes the change itself, so both commit or neither does. Returns the change id (ULID).
   */
  enqueue(change: UpEntity): string;
}

/** Defined by the zod schema in schema/article.ts (adds the optional productRiskLevel). */
export type { KnowledgeArticle } from '../schema/article.ts';

export interface KioskSync {
  outbox: OutboxWriter;
  /** Starts push/pull loops and the realtime nudge; safe to call once. */
  start(): void;
  /** Stops loops; resolves when in-flight requests have settled. Nothing committed is lost. */
  stop(): Promise<void>;
  /** Asks the push loop to run now (after a local commit). */
  nudge(): void;
  status(): SyncStatus;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Knowledge articles currently in effect, from the local replica (works offline). */
  articles(): KnowledgeArticle[];
  onArticles(listener: () => void): () => void;
  /** Configuration in effect for this kiosk (its own entries override fleet-wide ones), offline too. */
  config(): Record<string, unknown>;
  /** Routing rules from the hub, enabled ones first by priority (see matchRoutingRule). */
  routingRules(): RoutingRule[];
  /** Called after a pull changed configuration or routing rules. */
  onSettings(listener: () => void): () => void;
}

export type { ConfigEntry, RoutingRule };
