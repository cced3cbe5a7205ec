// The hub's PostgreSQL store (pg). Several hub instances may share one database: the exactly-once
// ledger is a primary key (pg-apply.ts), publishes are serialized (pg-downstream.ts). Node only.
import pg from 'pg';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import type { Conversation, Message } from '../../schema/conversation.ts';
import type { AgentRole, ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import type { SettingsDoc } from '../../schema/settings.ts';
import { PgDownstream } from './pg-downstream.ts';
import { applyBatchPg, editTicketPg } from './pg-apply.ts';
import { migratePgHub } from './pg-schema.ts';
import { summarize } from './summary.ts';
import type {
  AgentRecord,
  AgentSession,
  ApplyResult,
  ArticlePage,
  HubStats,
  HubStore,
  KioskRecord,
  PublishOutcome,
  SettingsPage,
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
  hooks?: StoreTestHooks;
}

export async function openPostgresHubStore(options: PostgresStoreOptions): Promise<HubStore> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
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

type Row = Record<string, unknown>;

class PostgresHubStore implements HubStore {
  readonly kind = 'postgres' as const;

  private readonly downstream: PgDownstream;

  constructor(
    private readonly pool: pg.Pool,
    private readonly hooks: StoreTestHooks,
  ) {
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
    const [r] = await this.rows('SELECT id, created_at FROM kiosks WHERE token_hash = $1', [tokenHash]);
    return r ? { id: r.id as string, createdAt: r.created_at as string } : null;
  }

  async putKiosk(id: string, tokenHash: string, mode: 'create' | 'upsert'): Promise<boolean> {
    const sql =
      mode === 'create'
        ? 'INSERT INTO kiosks (id, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING'
        : `INSERT INTO kiosks (id, token_hash, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash`;
    const res = await this.pool.query(sql, [id, tokenHash, new Date().toISOString()]);
    return (res.rowCount ?? 0) > 0;
  }

  applyChanges(kioskId: string, changes: readonly ChangeEnvelope[]): Promise<ApplyResult> {
    return this.tx(async (client) => {
      const result = await applyBatchPg(client, kioskId, changes);
      await this.hooks.beforeCommit?.(kioskId, result);
      return result;
    });
  }

  async listConversations(limit: number): Promise<ConversationSummary[]> {
    const rows = await this.rows<{ data: string; n: string; last: string | null }>(
      `SELECT c.data,
         (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id) AS n,
         (SELECT m.data FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id
            ORDER BY m.at DESC, m.id DESC LIMIT 1) AS last
       FROM conversations c ORDER BY c.started_at DESC, c.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => summarize(r.data, Number(r.n), r.last));
  }

  async getConversation(id: string): Promise<ConversationDetail | null> {
    const [row] = await this.rows<{ kiosk_id: string; data: string }>(
      'SELECT kiosk_id, data FROM conversations WHERE id = $1',
      [id],
    );
    if (!row) return null;
    const msgs = await this.rows<{ data: string }>(
      'SELECT data FROM messages WHERE conversation_id = $1 AND kiosk_id = $2 ORDER BY at, id',
      [id, row.kiosk_id],
    );
    const messages = msgs.map((m) => {
      const msg = JSON.parse(m.data) as Message;
      return {
        id: msg.id,
        role: msg.role,
        text: msg.text,
        at: msg.at,
        ...(msg.articleId ? { articleId: msg.articleId } : {}),
      };
    });
    return { conversation: JSON.parse(row.data) as Conversation, messages };
  }

  editTicket(update: TicketUpdate, hlc: string, expectStatus: TicketStatus): Promise<TicketEditOutcome> {
    return this.tx((client) => editTicketPg(client, update, hlc, expectStatus));
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const [r] = await this.rows<{ data: string }>(
      'SELECT data FROM tickets WHERE id = $1 AND data IS NOT NULL',
      [id],
    );
    return r ? (JSON.parse(r.data) as Ticket) : null;
  }

  async listTickets(limit: number): Promise<Ticket[]> {
    const rows = await this.rows<{ data: string }>(
      'SELECT data FROM tickets WHERE data IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT $1',
      [limit],
    );
    return rows.map((r) => JSON.parse(r.data) as Ticket);
  }

  async changeIdsOf(kioskId: string): Promise<string[]> {
    const rows = await this.rows<{ id: string }>('SELECT id FROM changes WHERE kiosk_id = $1 ORDER BY id', [
      kioskId,
    ]);
    return rows.map((r) => r.id);
  }

  publishArticle(article: KnowledgeArticle): Promise<PublishOutcome> {
    return this.downstream.publishArticle(article);
  }

  publishSetting(doc: SettingsDoc): Promise<PublishOutcome> {
    return this.downstream.publishSetting(doc);
  }

  articlesSince(checkpoint: string, limit: number): Promise<ArticlePage> {
    return this.downstream.articlesSince(checkpoint, limit);
  }

  currentArticles(): Promise<KnowledgeArticle[]> {
    return this.downstream.currentArticles();
  }

  currentArticleVersion(id: string, locale: KnowledgeArticle['locale']): Promise<number> {
    return this.downstream.currentArticleVersion(id, locale);
  }

  settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    return this.downstream.settingsSince(kioskId, checkpoint, limit);
  }

  async getAgent(username: string): Promise<AgentRecord | null> {
    const [r] = await this.rows('SELECT * FROM agents WHERE username = $1', [username]);
    if (!r) return null;
    return {
      username: r.username as string,
      role: r.role as AgentRole,
      displayName: r.display_name as string,
      passwordHash: r.password_hash as string,
      failedLogins: r.failed_logins as number,
      lockedUntil: (r.locked_until as string | null) ?? null,
    };
  }

  async putAgent(agent: Omit<AgentRecord, 'failedLogins' | 'lockedUntil'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO agents (username, role, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO UPDATE SET role = excluded.role, display_name = excluded.display_name,
         password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL`,
      [agent.username, agent.role, agent.displayName, agent.passwordHash, new Date().toISOString()],
    );
  }

  async setLoginState(username: string, failedLogins: number, lockedUntil: string | null): Promise<void> {
    await this.pool.query('UPDATE agents SET failed_logins = $1, locked_until = $2 WHERE username = $3', [
      failedLogins,
      lockedUntil,
      username,
    ]);
  }

  async createSession(tokenHash: string, username: string, expiresAt: string): Promise<void> {
    await this.pool.query('DELETE FROM agent_sessions WHERE expires_at <= $1', [new Date().toISOString()]);
    await this.pool.query(
      'INSERT INTO agent_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)',
      [tokenHash, username, expiresAt],
    );
  }

  async findSession(tokenHash: string, now: Date): Promise<AgentSession | null> {
    const [r] = await this.rows(
      `SELECT a.username, a.role, a.display_name, s.expires_at FROM agent_sessions s
       JOIN agents a ON a.username = s.username WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now.toISOString()],
    );
    if (!r) return null;
    return {
      username: r.username as string,
      role: r.role as AgentRole,
      displayName: r.display_name as string,
      expiresAt: r.expires_at as string,
    };
  }

  async stats(): Promise<HubStats> {
    const [r] = await this.rows<Record<keyof HubStats, string>>(
      `SELECT (SELECT COUNT(*) FROM kiosks) AS kiosks, (SELECT COUNT(*) FROM conversations) AS conversations,
         (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM changes) AS changes,
         (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM device_events) AS "deviceEvents",
         (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM health_snapshots) AS "healthSnapshots",
         (SELECT COUNT(*) FROM settings) AS settings`,
    );
    return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as HubStats;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
