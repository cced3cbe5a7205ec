// The hub's PostgreSQL store (pg). Several hub instances may share one database: the exactly-once
// ledger is a primary key (pg-apply.ts), publishes are serialized (pg-downstream.ts). Node only.
import type { AuditEntry } from '../../schema/audit.ts';
import pg from 'pg';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import { PgDownstream } from './pg-downstream.ts';
import { applyBatchPg, editTicketPg } from './pg-apply.ts';
import { applyPushStatement, pushStatementApplies } from './pg-push-statement.ts';
import { migratePgHub } from './pg-schema.ts';
import {
  agentFromRow,
  grantFromRow,
  conversationDetail,
  kioskFromRow,
  numbered,
  parseData,
  sessionFromRow,
  SHARED_SQL,
  auditFromRow,
  summarize,
  type Row,
} from './rows.ts';
import { pgRunner, RecordingRows } from './recording-rows.ts';
import { HandoffRows } from './handoff-rows.ts';
import { SupervisorRows } from './supervisor-rows.ts';
import { DelegatesDownstream } from './downstream-delegate.ts';
import { missedQuestionsSql, missedTopics, PG_JSON, type MissedRow } from './missed-questions.ts';
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

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Schema to work in (created when missing). Default: the connection's default (public). */
  schema?: string;
  /** Pool size. Default 10. */
  poolSize?: number;
  /** A connection attempt that gets no answer fails after this long. Default 5,000 ms. */
  connectTimeoutMs?: number;
  /** The server cancels any statement running longer (statement_timeout). Default 15,000 ms. */
  statementTimeoutMs?: number;
  hooks?: StoreTestHooks;
}

export const PG_DEFAULT_CONNECT_TIMEOUT_MS = 5000;
export const PG_DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export async function openPostgresHubStore(options: PostgresStoreOptions): Promise<HubStore> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // Without these a dead or wedged database holds every request (and the pool) forever.
    connectionTimeoutMillis: options.connectTimeoutMs ?? PG_DEFAULT_CONNECT_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMs ?? PG_DEFAULT_STATEMENT_TIMEOUT_MS,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      await migratePgHub(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresHubStore(pool, options.hooks ?? {});
}

/** The shared queries, numbered for pg. */
const Q = Object.fromEntries(Object.entries(SHARED_SQL).map(([k, v]) => [k, numbered(v)])) as Record<
  keyof typeof SHARED_SQL,
  string
>;
const MISSED_SQL = numbered(missedQuestionsSql(PG_JSON));

class PostgresHubStore extends DelegatesDownstream implements HubStore {
  readonly kind = 'postgres' as const;
  readonly recordings: RecordingRows;
  readonly handoffs: HandoffRows;
  readonly supervisor: SupervisorRows;
  readonly accounts: AccountRows;
  readonly ticketDesk: TicketDeskRows;
  readonly callDesk: CallDeskRows;

  protected readonly downstream: PgDownstream;

  constructor(
    private readonly pool: pg.Pool,
    private readonly hooks: StoreTestHooks,
  ) {
    super();
    this.recordings = new RecordingRows(pgRunner(pool));
    this.handoffs = new HandoffRows({
      ...pgRunner(pool),
      claimLock: 'FOR UPDATE SKIP LOCKED',
      keyLock: 'SELECT pg_advisory_xact_lock(hashtext(?))',
      transaction: (work) => this.tx((client) => work(pgRunner(client))),
    });
    this.supervisor = new SupervisorRows(pgRunner(pool), 'postgres');
    this.accounts = new AccountRows(pgRunner(pool));
    this.ticketDesk = new TicketDeskRows(pgRunner(pool), PG_JSON);
    this.callDesk = new CallDeskRows(pgRunner(pool));
    this.downstream = new PgDownstream(pool, (work) => this.tx(work));
  }

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async rows<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async findKioskByTokenHash(tokenHash: string): Promise<KioskRecord | null> {
    // Every kiosk request starts here: named, so each connection plans it once.
    const { rows } = await this.pool.query<Row>({
      name: 'hub_kiosk_by_hash',
      text: Q.kioskByHash,
      values: [tokenHash],
    });
    return kioskFromRow(rows[0]);
  }

  async putKiosk(id: string, tokenHash: string, mode: 'create' | 'upsert'): Promise<boolean> {
    const sql =
      mode === 'create'
        ? 'INSERT INTO kiosks (id, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING'
        : Q.upsertKiosk;
    const res = await this.pool.query(sql, [id, tokenHash, new Date().toISOString()]);
    return (res.rowCount ?? 0) > 0;
  }

  applyChanges(kioskId: string, changes: readonly ChangeEnvelope[]): Promise<ApplyResult> {
    const oneStatement = pushStatementApplies(changes);
    // A batch without tickets is one statement, atomic by itself; only a test hook that must hold the
    // transaction open before COMMIT needs it wrapped in one.
    if (oneStatement && !this.hooks.beforeCommit) return applyPushStatement(this.pool, kioskId, changes);
    return this.tx(async (client) => {
      const result = oneStatement
        ? await applyPushStatement(client, kioskId, changes)
        : await applyBatchPg(client, kioskId, changes);
      await this.hooks.beforeCommit?.(kioskId, result);
      return result;
    });
  }

  async listConversations(limit: number): Promise<ConversationSummary[]> {
    const rows = await this.rows<{ data: string; n: string; last: string | null }>(Q.listConversations, [
      limit,
    ]);
    return rows.map((r) => summarize(r.data, Number(r.n), r.last));
  }

  async getConversation(id: string): Promise<ConversationDetail | null> {
    const [row] = await this.rows<{ kiosk_id: string; data: string }>(Q.conversation, [id]);
    if (!row) return null;
    return conversationDetail(row.data, await this.rows<{ data: string }>(Q.messagesOf, [id, row.kiosk_id]));
  }

  async missedQuestions(since: string, until: string, examplesPer: number): Promise<MissedTopic[]> {
    return missedTopics(await this.rows<MissedRow>(MISSED_SQL, [since, until, examplesPer]));
  }

  editTicket(update: TicketUpdate, hlc: string, expectStatus: TicketStatus): Promise<TicketEditOutcome> {
    return this.tx((client) => editTicketPg(client, update, hlc, expectStatus));
  }

  async getTicket(id: string): Promise<Ticket | null> {
    return parseData<Ticket>(await this.rows<{ data: string }>(Q.ticket, [id]))[0] ?? null;
  }

  async listTickets(limit: number): Promise<Ticket[]> {
    return parseData<Ticket>(await this.rows<{ data: string }>(Q.listTickets, [limit]));
  }

  async changeIdsOf(kioskId: string): Promise<string[]> {
    return (await this.rows<{ id: string }>(Q.changeIdsOf, [kioskId])).map((r) => r.id);
  }

  async getAgent(username: string): Promise<AgentRecord | null> {
    return agentFromRow((await this.rows(Q.agent, [username]))[0]);
  }

  async putAgent(agent: AgentWrite): Promise<void> {
    await this.pool.query(Q.endSessionsOnNewPassword, [agent.username, agent.username, agent.passwordHash]);
    await this.pool.query(Q.upsertAgent, [
      agent.username,
      agent.role,
      agent.displayName,
      agent.passwordHash,
      new Date().toISOString(),
    ]);
  }

  async setLoginState(username: string, failedLogins: number, lockedUntil: string | null): Promise<void> {
    await this.pool.query(Q.loginState, [failedLogins, lockedUntil, username]);
  }

  async countLoginFailure(username: string, maxFailed: number, lockedUntil: string): Promise<void> {
    await this.pool.query(Q.loginFailure, [maxFailed, lockedUntil, maxFailed, username]);
  }

  async createSession(tokenHash: string, username: string, expiresAt: string): Promise<void> {
    await this.pool.query(Q.pruneSessions, [new Date().toISOString()]);
    await this.pool.query(Q.insertSession, [tokenHash, username, expiresAt]);
  }

  async deleteSession(tokenHash: string): Promise<boolean> {
    return ((await this.pool.query(Q.deleteSession, [tokenHash])).rowCount ?? 0) > 0;
  }

  async findSession(tokenHash: string, now: Date): Promise<AgentSession | null> {
    return sessionFromRow((await this.rows(Q.session, [tokenHash, now.toISOString()]))[0]);
  }

  async grantConversation(
    username: string,
    g: ConversationGrant & { handoffId: string },
    at: Date,
  ): Promise<void> {
    await this.pool.query(Q.insertGrant, [
      username,
      g.conversationId,
      g.kioskId,
      g.handoffId,
      at.toISOString(),
    ]);
  }

  async conversationGrants(username: string): Promise<ConversationGrant[]> {
    return (await this.rows(Q.grantsOf, [username])).map(grantFromRow);
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    await this.pool.query(Q.insertAudit, [
      e.id,
      e.at,
      e.actor,
      e.action,
      e.subject,
      e.kioskId ?? null,
      e.detail,
    ]);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return (await this.rows(Q.listAudit, [limit])).map(auditFromRow);
  }

  async stats(): Promise<HubStats> {
    const [r] = await this.rows<Record<keyof HubStats, string>>(Q.stats);
    return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as HubStats;
  }

  async ping(): Promise<void> {
    await this.pool.query(Q.ping);
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
