// The embedded SQLite store of the hub (better-sqlite3, WAL). Node only.
import Database from 'better-sqlite3';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import { SqliteDownstream } from './sqlite-downstream.ts';
import { SqliteBatchApplier } from './sqlite-apply.ts';
import { migrateHub } from './sqlite-schema.ts';
import { assertIntact, DatabaseDamagedError, isDamagedError } from './storage-errors.ts';
import type { SqliteConnection, SqliteStatement } from './sqlite-connection.ts';
import type { AuditEntry } from '../../schema/audit.ts';
import {
  agentFromRow,
  auditFromRow,
  grantFromRow,
  conversationDetail,
  kioskFromRow,
  parseData,
  sessionFromRow,
  SHARED_SQL,
  summarize,
  type Row,
} from './rows.ts';
import { RecordingRows, sqliteRunner } from './recording-rows.ts';
import { HandoffRows } from './handoff-rows.ts';
import { SupervisorRows } from './supervisor-rows.ts';
import { DelegatesDownstream } from './downstream-delegate.ts';
import { missedQuestionsSql, missedTopics, SQLITE_JSON, type MissedRow } from './missed-questions.ts';
import type { MissedTopic } from '../../schema/misses-api.ts';
import { AccountRows } from './account-rows.ts';
import { TicketDeskRows } from './ticket-desk-rows.ts';
import { CallDeskRows } from './call-desk-rows.ts';
import type {
  AgentWrite,
  AgentRecord,
  AgentSession,
  ApplyResult,
  ConversationGrant,
  HubStats,
  HubStore,
  KioskRecord,
  StoreTestHooks,
  TicketEditOutcome,
} from './types.ts';

/** Opens (creating if needed) the hub database at `file`, with better-sqlite3. */
export function openSqliteHubStore(file: string, hooks: StoreTestHooks = {}, maxBytes?: number): HubStore {
  const db = new Database(file);
  const store = openSqliteHubStoreOn(db, hooks, file);
  if (maxBytes !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
  }
  return store;
}

/** The SQLite store on a connection the caller opened (adaptNodeSqlite() for node:sqlite on Deno). */
export function openSqliteHubStoreOn(
  db: SqliteConnection,
  hooks: StoreTestHooks = {},
  file = 'the hub database',
): HubStore {
  try {
    // A damaged file is named once, clearly, before anything writes to it.
    assertIntact(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateHub(db);
  } catch (err) {
    db.close();
    if (isDamagedError(err) && !(err instanceof DatabaseDamagedError))
      throw new DatabaseDamagedError(file, (err as Error).message);
    throw err;
  }
  return new SqliteHubStore(db, hooks);
}

class SqliteHubStore extends DelegatesDownstream implements HubStore {
  readonly kind = 'sqlite' as const;
  readonly recordings: RecordingRows;
  readonly handoffs: HandoffRows;
  readonly supervisor: SupervisorRows;
  readonly accounts: AccountRows;
  readonly ticketDesk: TicketDeskRows;
  readonly callDesk: CallDeskRows;
  private readonly q;
  protected readonly downstream: SqliteDownstream;
  private readonly applier: SqliteBatchApplier;

  constructor(
    private readonly db: SqliteConnection,
    private readonly hooks: StoreTestHooks,
  ) {
    super();
    this.downstream = new SqliteDownstream(db);
    this.recordings = new RecordingRows(sqliteRunner(db));
    const runner = sqliteRunner(db);
    // One process, one connection, one writer: each handoff statement is atomic by itself.
    this.handoffs = new HandoffRows({
      ...runner,
      claimLock: '',
      keyLock: null,
      transaction: (work) => work(runner),
    });
    this.supervisor = new SupervisorRows(sqliteRunner(db), 'sqlite');
    this.accounts = new AccountRows(sqliteRunner(db));
    this.ticketDesk = new TicketDeskRows(sqliteRunner(db), SQLITE_JSON);
    this.callDesk = new CallDeskRows(sqliteRunner(db));
    this.applier = new SqliteBatchApplier(db, hooks);
    const p = (sql: string): SqliteStatement => db.prepare(sql);
    const shared = Object.fromEntries(Object.entries(SHARED_SQL).map(([k, v]) => [k, p(v)])) as Record<
      keyof typeof SHARED_SQL,
      SqliteStatement
    >;
    // OR IGNORE: a clash on the token's UNIQUE index is ignored as well as one on the id.
    this.q = {
      ...shared,
      insertKiosk: p('INSERT OR IGNORE INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)'),
      missed: p(missedQuestionsSql(SQLITE_JSON)),
    };
  }

  async findKioskByTokenHash(tokenHash: string): Promise<KioskRecord | null> {
    return kioskFromRow(this.q.kioskByHash.get(tokenHash) as Row | undefined);
  }

  async putKiosk(id: string, tokenHash: string, mode: 'create' | 'upsert'): Promise<boolean> {
    const stmt = mode === 'create' ? this.q.insertKiosk : this.q.upsertKiosk;
    return stmt.run(id, tokenHash, new Date().toISOString()).changes > 0;
  }

  async applyChanges(kioskId: string, changes: readonly ChangeEnvelope[]): Promise<ApplyResult> {
    return this.applier.apply(kioskId, changes);
  }

  async editTicket(
    update: TicketUpdate,
    hlc: string,
    expectStatus: TicketStatus,
  ): Promise<TicketEditOutcome> {
    return this.applier.editTicket(update, hlc, expectStatus);
  }

  async getTicket(id: string): Promise<Ticket | null> {
    return parseData<Ticket>(this.q.ticket.all(id) as { data: string }[])[0] ?? null;
  }

  async listTickets(limit: number): Promise<Ticket[]> {
    return parseData<Ticket>(this.q.listTickets.all(limit) as { data: string }[]);
  }

  async changeIdsOf(kioskId: string): Promise<string[]> {
    return (this.q.changeIdsOf.all(kioskId) as { id: string }[]).map((r) => r.id);
  }

  async listConversations(limit: number): Promise<ConversationSummary[]> {
    const rows = this.q.listConversations.all(limit) as { data: string; n: number; last: string | null }[];
    return rows.map((r) => summarize(r.data, r.n, r.last));
  }

  async getConversation(id: string): Promise<ConversationDetail | null> {
    const row = this.q.conversation.get(id) as { kiosk_id: string; data: string } | undefined;
    if (!row) return null;
    return conversationDetail(row.data, this.q.messagesOf.all(id, row.kiosk_id) as { data: string }[]);
  }

  async missedQuestions(since: string, until: string, examplesPer: number): Promise<MissedTopic[]> {
    return missedTopics(this.q.missed.all(since, until, examplesPer) as MissedRow[]);
  }

  async getAgent(username: string): Promise<AgentRecord | null> {
    return agentFromRow(this.q.agent.get(username) as Row | undefined);
  }

  async putAgent(agent: AgentWrite): Promise<void> {
    this.q.endSessionsOnNewPassword.run(agent.username, agent.username, agent.passwordHash);
    this.q.upsertAgent.run(
      agent.username,
      agent.role,
      agent.displayName,
      agent.passwordHash,
      new Date().toISOString(),
    );
  }

  async setLoginState(username: string, failedLogins: number, lockedUntil: string | null): Promise<void> {
    this.q.loginState.run(failedLogins, lockedUntil, username);
  }

  async countLoginFailure(username: string, maxFailed: number, lockedUntil: string): Promise<void> {
    this.q.loginFailure.run(maxFailed, lockedUntil, maxFailed, username);
  }

  async createSession(tokenHash: string, username: string, expiresAt: string): Promise<void> {
    this.q.pruneSessions.run(new Date().toISOString());
    this.q.insertSession.run(tokenHash, username, expiresAt);
  }

  async deleteSession(tokenHash: string): Promise<boolean> {
    return this.q.deleteSession.run(tokenHash).changes > 0;
  }

  async findSession(tokenHash: string, now: Date): Promise<AgentSession | null> {
    return sessionFromRow(this.q.session.get(tokenHash, now.toISOString()) as Row | undefined);
  }

  async grantConversation(
    username: string,
    g: ConversationGrant & { handoffId: string },
    at: Date,
  ): Promise<void> {
    this.q.insertGrant.run(username, g.conversationId, g.kioskId, g.handoffId, at.toISOString());
  }

  async conversationGrants(username: string): Promise<ConversationGrant[]> {
    return (this.q.grantsOf.all(username) as Row[]).map(grantFromRow);
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    this.q.insertAudit.run(e.id, e.at, e.actor, e.action, e.subject, e.kioskId ?? null, e.detail);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return (this.q.listAudit.all(limit) as Row[]).map(auditFromRow);
  }

  async stats(): Promise<HubStats> {
    return this.q.stats.get() as HubStats;
  }

  async ping(): Promise<void> {
    this.q.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
