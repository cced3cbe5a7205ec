// The hub's storage interface. Every method is async so that a PostgreSQL store (issue 5) implements
// the same contract as the embedded SQLite one; the HTTP core depends only on this file.
import type { AuditEntry } from '../../schema/audit.ts';
import type { RecordingRows } from './recording-rows.ts';
import type { HandoffRows } from './handoff-rows.ts';
import type { SupervisorRows } from './supervisor-rows.ts';
import type { AccountRows } from './account-rows.ts';
import type { TicketDeskRows } from './ticket-desk-rows.ts';
import type { CallDeskRows } from './call-desk-rows.ts';
import type { AccountSkill } from '../../schema/accounts-api.ts';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import type { AgentRole, ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import type { SettingsDoc } from '../../schema/settings.ts';
import type { MissedTopic } from '../../schema/misses-api.ts';

export interface KioskRecord {
  id: string;
  createdAt: string;
}

export interface AgentRecord {
  username: string;
  role: AgentRole;
  displayName: string;
  /** Self-describing PBKDF2 hash (see hub/crypto.ts). */
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  /** Queues and languages (accounts-api.ts); routing still follows the role (handoff/queue.ts). */
  skills: AccountSkill[];
  /** A disabled account cannot sign in and has no session. */
  disabled: boolean;
  createdAt: string;
  /** Who last changed it in the console; null while it is as the seed wrote it. */
  changedBy: string | null;
}

/** What the seed (and putAgent) writes; the rest is the console's (AccountRows). */
export type AgentWrite = Omit<
  AgentRecord,
  'failedLogins' | 'lockedUntil' | 'skills' | 'disabled' | 'createdAt' | 'changedBy'
>;

export interface AgentSession {
  username: string;
  role: AgentRole;
  displayName: string;
  expiresAt: string;
}

/** A conversation an agent may read because they accepted that customer's call. */
export interface ConversationGrant {
  conversationId: string;
  /** The kiosk the call came from: only that kiosk's conversation under this id is opened. */
  kioskId: string;
}

export interface ApplyResult {
  applied: string[];
  duplicates: string[];
}

/** Thrown by applyChanges when a change touches a record of another kiosk; nothing is applied. */
export class OwnershipError extends Error {
  constructor(
    readonly entity: string,
    readonly entityId: string,
    readonly ownerKioskId: string,
  ) {
    super(`${entity} ${entityId} belongs to another kiosk`);
  }
}

/**
 * published: a new version stored. unchanged: this exact version is already there (a re-seed).
 * conflict: this version exists with other content. stale: a newer version exists.
 */
export type PublishOutcome = 'published' | 'unchanged' | 'conflict' | 'stale';

export interface ArticlePage {
  articles: KnowledgeArticle[];
  /** Opaque; pass back as `since`. Equals the input when nothing new. */
  checkpoint: string;
  hasMore: boolean;
}

export interface HubStats {
  kiosks: number;
  conversations: number;
  messages: number;
  changes: number;
  articles: number;
  deviceEvents: number;
  tickets: number;
  healthSnapshots: number;
  settings: number;
}

/** An edit made at the hub (an agent), merged like a kiosk's update but stamped with the hub's clock. */
export type TicketEditOutcome =
  | { outcome: 'updated'; ticket: Ticket }
  | { outcome: 'not_found' }
  /** The ticket's status is no longer the one the edit was checked against: nothing written. */
  | { outcome: 'status_changed'; ticket: Ticket };

export interface SettingsPage {
  docs: SettingsDoc[];
  checkpoint: string;
  hasMore: boolean;
}

/**
 * Fault injection for the reliability tests: called inside applyChanges after every write and before
 * COMMIT (synchronously on SQLite). A test that SIGKILLs the hub while this waits kills it mid-transaction.
 */
export interface StoreTestHooks {
  beforeCommit?: (kioskId: string, result: ApplyResult) => void | Promise<void>;
}

export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Calls' recordings: metadata rows (recording-rows.ts). */
  readonly recordings: RecordingRows;
  /** Handoff queues, calls, join tokens, presence and call lengths: rows (handoff-rows.ts). */
  readonly handoffs: HandoffRows;
  /** The call-event log, quality scores and export reads (supervisor-rows.ts). */
  readonly supervisor: SupervisorRows;
  /** Agent accounts as supervisors manage them (account-rows.ts). */
  readonly accounts: AccountRows;
  /** Tickets opened at the hub, escalations, a device fault's context (ticket-desk-rows.ts). */
  readonly ticketDesk: TicketDeskRows;
  /** Canned replies and call transfers (call-desk-rows.ts). */
  readonly callDesk: CallDeskRows;

  findKioskByTokenHash(tokenHash: string): Promise<KioskRecord | null>;
  /** create: fails (false) when the id exists. upsert: sets the token of an existing kiosk (seeding). */
  putKiosk(id: string, tokenHash: string, mode: 'create' | 'upsert'): Promise<boolean>;

  /**
   * Applies a validated batch from one kiosk in one transaction: each change once by its id (a change
   * seen before is reported as duplicate), records last-writer-wins by HLC, tickets field by field
   * (schema/ticket-merge.ts), events and health snapshots stored once. Throws OwnershipError,
   * with nothing applied, when a change touches another kiosk's record.
   */
  applyChanges(kioskId: string, changes: readonly ChangeEnvelope[]): Promise<ApplyResult>;

  listConversations(limit: number): Promise<ConversationSummary[]>;
  getConversation(id: string): Promise<ConversationDetail | null>;
  /**
   * Customers' questions the kiosks missed or asked back about, at or after `since` and before `until`
   * (ISO), per best-guess topic and locale, most-missed first, with the newest `examplesPer` of each.
   */
  missedQuestions(since: string, until: string, examplesPer: number): Promise<MissedTopic[]>;

  publishArticle(article: KnowledgeArticle): Promise<PublishOutcome>;
  /** Article versions after the checkpoint, oldest first. A checkpoint this store never issued restarts from 0. */
  articlesSince(checkpoint: string, limit: number): Promise<ArticlePage>;
  /** The newest version of every (id, locale), ordered by id then locale (the console's list). */
  currentArticles(): Promise<KnowledgeArticle[]>;
  /** The newest version number of one article in one locale; 0 when there is none. */
  currentArticleVersion(id: string, locale: KnowledgeArticle['locale']): Promise<number>;

  /** A ticket merged from its updates; null when unknown or still missing required fields. */
  getTicket(id: string): Promise<Ticket | null>;
  /** Merges a hub-side edit of an existing ticket in one transaction, if its status is still `expectStatus`. */
  editTicket(update: TicketUpdate, hlc: string, expectStatus: TicketStatus): Promise<TicketEditOutcome>;
  /** Complete tickets, most recently updated first. */
  listTickets(limit: number): Promise<Ticket[]>;
  /** Ids of every change this kiosk ever had applied (the exactly-once ledger), oldest first. */
  changeIdsOf(kioskId: string): Promise<string[]>;

  /** Same outcomes as articles, per (kind, id, scope). */
  publishSetting(doc: SettingsDoc): Promise<PublishOutcome>;
  /** Settings documents for this kiosk (fleet-wide and its own) after the checkpoint, oldest first. */
  settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage>;

  getAgent(username: string): Promise<AgentRecord | null>;
  /** Creates or replaces an account (and clears its lockout); a new password ends its sessions. */
  putAgent(agent: AgentWrite): Promise<void>;
  setLoginState(username: string, failedLogins: number, lockedUntil: string | null): Promise<void>;
  /** Counts one failed login atomically; the failure reaching `maxFailed` locks until `lockedUntil`. */
  countLoginFailure(username: string, maxFailed: number, lockedUntil: string): Promise<void>;
  createSession(tokenHash: string, username: string, expiresAt: string): Promise<void>;
  /** Signs one session out; false when there was none. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** The session when it exists and has not expired at `now`. */
  findSession(tokenHash: string, now: Date): Promise<AgentSession | null>;

  /** Records that `username` accepted the call of this conversation (idempotent). */
  grantConversation(
    username: string,
    grant: ConversationGrant & { handoffId: string },
    at: Date,
  ): Promise<void>;
  /** Every conversation granted to `username` by an accepted call. */
  conversationGrants(username: string): Promise<ConversationGrant[]>;

  /** Appends to the audit log (an entry with an id already there is ignored: exactly once). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The newest audit entries first. */
  listAudit(limit: number): Promise<AuditEntry[]>;

  stats(): Promise<HubStats>;
  /** A cheap round trip to the database, for /healthz (stats() counts rows, which grows with the data). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
