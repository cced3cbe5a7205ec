// The embedded SQLite store of the hub (better-sqlite3, WAL). Node only.
import Database from 'better-sqlite3';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import type { Conversation, Message } from '../../schema/conversation.ts';
import type { AgentRole, ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import type { SettingsDoc } from '../../schema/settings.ts';
import { SqliteDownstream } from './sqlite-downstream.ts';
import { SqliteBatchApplier } from './sqlite-apply.ts';
import { migrateHub } from './sqlite-schema.ts';
import type { SqliteConnection, SqliteStatement } from './sqlite-connection.ts';
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

/** Opens (creating if needed) the hub database at `file`, with better-sqlite3. */
export function openSqliteHubStore(file: string, hooks: StoreTestHooks = {}): HubStore {
  return openSqliteHubStoreOn(new Database(file), hooks);
}

/** The SQLite store on a connection the caller opened (adaptNodeSqlite() for node:sqlite on Deno). */
export function openSqliteHubStoreOn(db: SqliteConnection, hooks: StoreTestHooks = {}): HubStore {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateHub(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteHubStore(db, hooks);
}

type Row = Record<string, unknown>;

class SqliteHubStore implements HubStore {
  readonly kind = 'sqlite' as const;
  private readonly q;
  private readonly downstream: SqliteDownstream;
  private readonly applier: SqliteBatchApplier;

  constructor(
    private readonly db: SqliteConnection,
    private readonly hooks: StoreTestHooks,
  ) {
    this.downstream = new SqliteDownstream(db);
    this.applier = new SqliteBatchApplier(db, hooks);
    const p = (sql: string): SqliteStatement => db.prepare(sql);
    this.q = {
      kioskByHash: p('SELECT id, created_at FROM kiosks WHERE token_hash = ?'),
      insertKiosk: p('INSERT OR IGNORE INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)'),
      upsertKiosk: p(
        `INSERT INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash`,
      ),
      ticket: p('SELECT data FROM tickets WHERE id = ? AND data IS NOT NULL'),
      listTickets: p(
        'SELECT data FROM tickets WHERE data IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?',
      ),
      changeIdsOf: p('SELECT id FROM changes WHERE kiosk_id = ? ORDER BY id'),
      listConversations: p(
        `SELECT c.data,
           (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id) AS n,
           (SELECT m.data FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id
              ORDER BY m.at DESC, m.id DESC LIMIT 1) AS last
         FROM conversations c ORDER BY c.started_at DESC, c.id DESC LIMIT ?`,
      ),
      conversation: p('SELECT kiosk_id, data FROM conversations WHERE id = ?'),
      messagesOf: p('SELECT data FROM messages WHERE conversation_id = ? AND kiosk_id = ? ORDER BY at, id'),
      agent: p('SELECT * FROM agents WHERE username = ?'),
      upsertAgent: p(
        `INSERT INTO agents (username, role, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET role = excluded.role, display_name = excluded.display_name,
           password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL`,
      ),
      loginState: p('UPDATE agents SET failed_logins = ?, locked_until = ? WHERE username = ?'),
      insertSession: p('INSERT INTO agent_sessions (token_hash, username, expires_at) VALUES (?, ?, ?)'),
      session: p(
        `SELECT a.username, a.role, a.display_name, s.expires_at FROM agent_sessions s
         JOIN agents a ON a.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?`,
      ),
      pruneSessions: p('DELETE FROM agent_sessions WHERE expires_at <= ?'),
      stats: p(
        `SELECT (SELECT COUNT(*) FROM kiosks) AS kiosks, (SELECT COUNT(*) FROM conversations) AS conversations,
           (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM changes) AS changes,
           (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM device_events) AS deviceEvents,
           (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM health_snapshots) AS healthSnapshots,
           (SELECT COUNT(*) FROM settings) AS settings`,
      ),
    };
  }

  async findKioskByTokenHash(tokenHash: string): Promise<KioskRecord | null> {
    const row = this.q.kioskByHash.get(tokenHash) as Row | undefined;
    return row ? { id: row.id as string, createdAt: row.created_at as string } : null;
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
    const row = this.q.ticket.get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Ticket) : null;
  }

  async listTickets(limit: number): Promise<Ticket[]> {
    return (this.q.listTickets.all(limit) as { data: string }[]).map((r) => JSON.parse(r.data) as Ticket);
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
    const messages = (this.q.messagesOf.all(id, row.kiosk_id) as { data: string }[]).map((m) => {
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

  publishArticle(article: KnowledgeArticle): Promise<PublishOutcome> {
    return this.downstream.publishArticle(article);
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

  publishSetting(doc: SettingsDoc): Promise<PublishOutcome> {
    return this.downstream.publishSetting(doc);
  }

  settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    return this.downstream.settingsSince(kioskId, checkpoint, limit);
  }

  async getAgent(username: string): Promise<AgentRecord | null> {
    const r = this.q.agent.get(username) as Row | undefined;
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

  async createSession(tokenHash: string, username: string, expiresAt: string): Promise<void> {
    this.q.pruneSessions.run(new Date().toISOString());
    this.q.insertSession.run(tokenHash, username, expiresAt);
  }

  async findSession(tokenHash: string, now: Date): Promise<AgentSession | null> {
    const r = this.q.session.get(tokenHash, now.toISOString()) as Row | undefined;
    if (!r) return null;
    return {
      username: r.username as string,
      role: r.role as AgentRole,
      displayName: r.display_name as string,
      expiresAt: r.expires_at as string,
    };
  }

  async stats(): Promise<HubStats> {
    return this.q.stats.get() as HubStats;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
