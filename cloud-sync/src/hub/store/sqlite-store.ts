// The embedded SQLite store of the hub (better-sqlite3, WAL). Node only.
import Database from 'better-sqlite3';
import type { ChangeEnvelope } from '../../schema/change.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import type { Conversation, Message } from '../../schema/conversation.ts';
import type { AgentRole, ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { Ticket } from '../../schema/ticket.ts';
import { materializeTicket, mergeTicket, type TicketMergeState } from '../../schema/ticket-merge.ts';
import { settingsIdentity, type SettingsDoc } from '../../schema/settings.ts';
import { migrateHub } from './sqlite-schema.ts';
import { summarize } from './summary.ts';
import {
  OwnershipError,
  type AgentRecord,
  type AgentSession,
  type ApplyResult,
  type ArticlePage,
  type HubStats,
  type HubStore,
  type KioskRecord,
  type PublishOutcome,
  type SettingsPage,
  type StoreTestHooks,
} from './types.ts';

/** Opens (creating if needed) the hub database at `file`. */
export function openSqliteHubStore(file: string, hooks: StoreTestHooks = {}): HubStore {
  const db = new Database(file);
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

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: StoreTestHooks,
  ) {
    const p = (sql: string): Database.Statement => db.prepare(sql);
    this.q = {
      kioskByHash: p('SELECT id, created_at FROM kiosks WHERE token_hash = ?'),
      insertKiosk: p('INSERT OR IGNORE INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)'),
      upsertKiosk: p(
        `INSERT INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash`,
      ),
      // The ledger row first: a change already there inserts nothing, and that is the duplicate test.
      insertChange: p(
        'INSERT OR IGNORE INTO changes (id, kiosk_id, entity, entity_id, hlc, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      conversationOwner: p('SELECT kiosk_id FROM conversations WHERE id = ?'),
      messageOwner: p('SELECT kiosk_id FROM messages WHERE id = ?'),
      eventOwner: p('SELECT kiosk_id FROM device_events WHERE id = ?'),
      insertEvent: p(
        `INSERT OR IGNORE INTO device_events (id, kiosk_id, at, type, severity, data)
         VALUES (@id, @kioskId, @at, @type, @severity, @data)`,
      ),
      upsertConversation: p(
        `INSERT INTO conversations (id, kiosk_id, hlc, started_at, data) VALUES (@id, @kioskId, @hlc, @startedAt, @data)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, started_at = excluded.started_at, data = excluded.data
         WHERE excluded.hlc > conversations.hlc`,
      ),
      upsertMessage: p(
        `INSERT INTO messages (id, conversation_id, kiosk_id, hlc, at, data)
         VALUES (@id, @conversationId, @kioskId, @hlc, @at, @data)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, at = excluded.at, data = excluded.data
         WHERE excluded.hlc > messages.hlc`,
      ),
      ticketState: p('SELECT kiosk_id, state FROM tickets WHERE id = ?'),
      putTicket: p(
        `INSERT INTO tickets (id, kiosk_id, hlc, state, data, updated_at) VALUES (@id, @kioskId, @hlc, @state, @data, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, state = excluded.state, data = excluded.data,
           updated_at = excluded.updated_at`,
      ),
      ticket: p('SELECT data FROM tickets WHERE id = ? AND data IS NOT NULL'),
      listTickets: p(
        'SELECT data FROM tickets WHERE data IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?',
      ),
      healthOwner: p('SELECT kiosk_id FROM health_snapshots WHERE id = ?'),
      insertHealth: p(
        'INSERT OR IGNORE INTO health_snapshots (id, kiosk_id, at, data) VALUES (@id, @kioskId, @at, @data)',
      ),
      changeIdsOf: p('SELECT id FROM changes WHERE kiosk_id = ? ORDER BY id'),
      settingVersions: p(
        'SELECT version, data FROM settings WHERE kind = ? AND id = ? AND scope = ? ORDER BY version DESC',
      ),
      insertSetting: p(
        'INSERT INTO settings (kind, id, scope, version, data, published_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      settingsSince: p(
        `SELECT seq, kind, data FROM settings WHERE seq > ? AND (scope = '' OR scope = ?) ORDER BY seq LIMIT ?`,
      ),
      maxSettingSeq: p('SELECT COALESCE(MAX(seq), 0) AS m FROM settings'),
      listConversations: p(
        `SELECT c.data,
           (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id) AS n,
           (SELECT m.data FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id
              ORDER BY m.at DESC, m.id DESC LIMIT 1) AS last
         FROM conversations c ORDER BY c.started_at DESC, c.id DESC LIMIT ?`,
      ),
      conversation: p('SELECT kiosk_id, data FROM conversations WHERE id = ?'),
      messagesOf: p('SELECT data FROM messages WHERE conversation_id = ? AND kiosk_id = ? ORDER BY at, id'),
      articleVersions: p(
        'SELECT version, data FROM articles WHERE id = ? AND locale = ? ORDER BY version DESC',
      ),
      insertArticle: p(
        'INSERT INTO articles (id, locale, version, data, published_at) VALUES (?, ?, ?, ?, ?)',
      ),
      articlesSince: p('SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?'),
      maxArticleSeq: p('SELECT COALESCE(MAX(seq), 0) AS m FROM articles'),
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
    const run = this.db.transaction((): ApplyResult => {
      const result: ApplyResult = { applied: [], duplicates: [] };
      const receivedAt = new Date().toISOString();
      for (const change of changes) {
        const fresh = this.q.insertChange.run(
          change.id,
          kioskId,
          change.entity,
          change.entityId,
          change.hlc,
          receivedAt,
        );
        if (fresh.changes === 0) {
          result.duplicates.push(change.id);
          continue;
        }
        this.applyOne(kioskId, change);
        result.applied.push(change.id);
      }
      // Synchronous on purpose: a test hook that blocks here holds the transaction open.
      void this.hooks.beforeCommit?.(kioskId, result);
      return result;
    });
    // better-sqlite3 rolls the whole transaction back when the function throws.
    return run();
  }

  private applyOne(kioskId: string, change: ChangeEnvelope): void {
    if (change.entity === 'conversation') {
      this.assertOwner('conversation', change.data.id, this.q.conversationOwner, kioskId);
      this.q.upsertConversation.run({
        id: change.data.id,
        kioskId,
        hlc: change.hlc,
        startedAt: change.data.startedAt,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'device_event') {
      // Events are facts: the first copy stands; a later one with the same id changes nothing.
      this.assertOwner('device_event', change.data.id, this.q.eventOwner, kioskId);
      this.q.insertEvent.run({
        id: change.data.id,
        kioskId,
        at: change.data.at,
        type: change.data.type,
        severity: change.data.severity,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'health') {
      this.assertOwner('health', change.data.id, this.q.healthOwner, kioskId);
      this.q.insertHealth.run({
        id: change.data.id,
        kioskId,
        at: change.data.at,
        data: JSON.stringify(change.data),
      });
    } else if (change.entity === 'ticket') {
      this.applyTicket(kioskId, change.data, change.hlc);
    } else {
      this.assertOwner('message', change.data.id, this.q.messageOwner, kioskId);
      this.assertOwner('conversation', change.data.conversationId, this.q.conversationOwner, kioskId);
      this.q.upsertMessage.run({
        id: change.data.id,
        conversationId: change.data.conversationId,
        kioskId,
        hlc: change.hlc,
        at: change.data.at,
        data: JSON.stringify(change.data),
      });
    }
  }

  private applyTicket(
    kioskId: string,
    update: Extract<ChangeEnvelope, { entity: 'ticket' }>['data'],
    hlc: string,
  ): void {
    const row = this.q.ticketState.get(update.id) as { kiosk_id: string; state: string } | undefined;
    if (row && row.kiosk_id !== kioskId) throw new OwnershipError('ticket', update.id, row.kiosk_id);
    const state = mergeTicket(row ? (JSON.parse(row.state) as TicketMergeState) : null, update, hlc);
    const ticket = materializeTicket(state);
    this.q.putTicket.run({
      id: update.id,
      kioskId,
      hlc: state.hlc,
      state: JSON.stringify(state),
      data: ticket ? JSON.stringify(ticket) : null,
      updatedAt: ticket?.updatedAt ?? null,
    });
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

  async publishSetting(doc: SettingsDoc): Promise<PublishOutcome> {
    const { kind, id, scope } = settingsIdentity(doc);
    const version = doc.doc.version;
    return this.db.transaction((): PublishOutcome => {
      const versions = this.q.settingVersions.all(kind, id, scope) as { version: number; data: string }[];
      const data = JSON.stringify(doc);
      const same = versions.find((v) => v.version === version);
      if (same) return same.data === data ? 'unchanged' : 'conflict';
      if (versions.length > 0 && (versions[0] as { version: number }).version > version) return 'stale';
      this.q.insertSetting.run(kind, id, scope, version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    let since = checkpoint === '' ? 0 : Number(checkpoint);
    if (since > (this.q.maxSettingSeq.get() as { m: number }).m) since = 0;
    const rows = this.q.settingsSince.all(since, kioskId, limit + 1) as { seq: number; data: string }[];
    const page = rows.slice(0, limit);
    const lastSeq = page.length > 0 ? (page[page.length - 1] as { seq: number }).seq : since;
    return {
      docs: page.map((r) => JSON.parse(r.data) as SettingsDoc),
      checkpoint: String(lastSeq),
      hasMore: rows.length > limit,
    };
  }

  private assertOwner(entity: string, id: string, stmt: Database.Statement, kioskId: string): void {
    const row = stmt.get(id) as { kiosk_id: string } | undefined;
    if (row && row.kiosk_id !== kioskId) throw new OwnershipError(entity, id, row.kiosk_id);
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

  async publishArticle(article: KnowledgeArticle): Promise<PublishOutcome> {
    return this.db.transaction((): PublishOutcome => {
      const versions = this.q.articleVersions.all(article.id, article.locale) as {
        version: number;
        data: string;
      }[];
      const data = JSON.stringify(article);
      const same = versions.find((v) => v.version === article.version);
      if (same) return same.data === data ? 'unchanged' : 'conflict';
      if (versions.length > 0 && (versions[0] as { version: number }).version > article.version)
        return 'stale';
      this.q.insertArticle.run(article.id, article.locale, article.version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async articlesSince(checkpoint: string, limit: number): Promise<ArticlePage> {
    let since = checkpoint === '' ? 0 : Number(checkpoint);
    // A checkpoint from the future means this hub's data was replaced: start the kiosk over.
    if (since > (this.q.maxArticleSeq.get() as { m: number }).m) since = 0;
    const rows = this.q.articlesSince.all(since, limit + 1) as { seq: number; data: string }[];
    const page = rows.slice(0, limit);
    const lastSeq = page.length > 0 ? (page[page.length - 1] as { seq: number }).seq : since;
    return {
      articles: page.map((r) => JSON.parse(r.data) as KnowledgeArticle),
      checkpoint: String(lastSeq),
      hasMore: rows.length > limit,
    };
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
