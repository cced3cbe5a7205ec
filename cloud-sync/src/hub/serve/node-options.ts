// The options and the handle of a hub on Node (startHub).
import type { Logger } from '../../logger.ts';
import type { HandoffHub } from '../../handoff/handoff-hub.ts';
import type { IceServer, IceTransportPolicy } from '../../schema/handoff.ts';
import type { TurnConfig } from '../../handoff/turn-credentials.ts';
import type { HandoffLimits } from '../../handoff/handoff-limits.ts';
import type { HubEvents } from '../events.ts';
import type { RecordingOptions } from '../recording-files.ts';
import type { HubSeed } from '../seed.ts';
import type { HubStore, StoreTestHooks } from '../store/types.ts';
import type { HubStoreChoice } from './node-support.ts';
import type { TlsServerFiles } from './tls-server.ts';
import type { TicketSla } from '../../schema/ticket-sla.ts';

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
  /** TURN REST credentials for each party (HUB_TURN_URLS, HUB_TURN_SECRET, HUB_TURN_TTL_S). */
  turn?: TurnConfig;
  /** 'relay': media through TURN only (HUB_ICE_RELAY_ONLY). */
  iceTransportPolicy?: IceTransportPolicy;
  /** Keepalive ping of every WebSocket (HUB_WS_PING_MS). Default 30 s. */
  pingIntervalMs?: number;
  /**
   * Handoff bounds (HUB_HANDOFF_UNCLAIMED_MS, HUB_HANDOFF_MAX_OPEN_PER_KIOSK,
   * HUB_HANDOFF_MAX_PER_MINUTE); `now` is the handoff core's clock, injectable for tests.
   */
  handoff?: Partial<HandoffLimits> & { now?: () => number };
  /**
   * HTTPS (and wss) with this PEM certificate (chain) and key; with clientCaFile, mutual TLS: every client
   * (kiosk, console browser, load balancer probe) must show a certificate from that CA.
   */
  tls?: TlsServerFiles;
  /**
   * Record calls (HUB_RECORDING=1): files under dataDir/recordings, kept `retentionDays`
   * (HUB_RECORDING_RETENTION_DAYS, default 180) unless on legal hold, at most `maxBytes` each
   * (HUB_RECORDING_MAX_MB); the retention job runs every `sweepMs` (default 1 h). Node only.
   */
  recording?: { retentionDays?: number; maxBytes?: number; sweepMs?: number };
  /** The wallboard's service-level threshold in seconds (HUB_SERVICE_LEVEL_S, default 20). */
  serviceLevelS?: number;
  /** Tickets' resolution targets per kind and priority in minutes (HUB_TICKET_SLA, JSON). */
  ticketSla?: TicketSla;
  /** How often the escalation job looks for tickets past their due time (HUB_TICKET_ESCALATION_S). Default 60 s. */
  ticketEscalationMs?: number;
}

export interface RunningHub {
  url: string;
  store: HubStore;
  events: HubEvents;
  /** Kiosks connected to the realtime socket now. */
  realtimeConnections(): number;
  /** Queues, presence and calls of video handoff. */
  handoff: HandoffHub;
  /** How this hub records calls; absent when it does not. */
  recordings?: RecordingOptions;
  close(): Promise<void>;
}
