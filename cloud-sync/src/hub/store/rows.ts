// Row mappers and query texts both stores share: the same tables, read the same way. Queries are
// written with `?` placeholders; numbered() gives PostgreSQL its `$1, $2, ...`.
import type { AgentRole, ConversationDetail, ConversationSummary } from '../../schema/agent-api.ts';
import type { AuditEntry } from '../../schema/audit.ts';
import type { AccountSkill } from '../../schema/accounts-api.ts';
import type { Conversation, Message } from '../../schema/conversation.ts';
import type { AgentRecord, AgentSession, ConversationGrant, KioskRecord } from './types.ts';

export type Row = Record<string, unknown>;

/** `?` placeholders as `$1, $2, ...` (the shared queries hold no literal question marks). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const SHARED_SQL = {
  kioskByHash: 'SELECT id, created_at FROM kiosks WHERE token_hash = ?',
  upsertKiosk: `INSERT INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash`,
  ticket: 'SELECT data FROM tickets WHERE id = ? AND data IS NOT NULL',
  listTickets: 'SELECT data FROM tickets WHERE data IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?',
  changeIdsOf: 'SELECT id FROM changes WHERE kiosk_id = ? ORDER BY id',
  listConversations: `SELECT c.data,
       (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id) AS n,
       (SELECT m.data FROM messages m WHERE m.conversation_id = c.id AND m.kiosk_id = c.kiosk_id
          ORDER BY m.at DESC, m.id DESC LIMIT 1) AS last
     FROM conversations c ORDER BY c.started_at DESC, c.id DESC LIMIT ?`,
  conversation: 'SELECT kiosk_id, data FROM conversations WHERE id = ?',
  messagesOf: 'SELECT data FROM messages WHERE conversation_id = ? AND kiosk_id = ? ORDER BY at, id',
  agent: 'SELECT * FROM agents WHERE username = ?',
  upsertAgent: `INSERT INTO agents (username, role, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET role = excluded.role, display_name = excluded.display_name,
       password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL`,
  loginState: 'UPDATE agents SET failed_logins = ?, locked_until = ? WHERE username = ?',
  // One statement, so parallel failures are all counted: the one reaching the limit locks and restarts the count.
  loginFailure: `UPDATE agents SET
       locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END,
       failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END
     WHERE username = ?`,
  insertSession: 'INSERT INTO agent_sessions (token_hash, username, expires_at) VALUES (?, ?, ?)',
  session: `SELECT a.username, a.role, a.display_name, s.expires_at FROM agent_sessions s
     JOIN agents a ON a.username = s.username
     WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled_at IS NULL`,
  pruneSessions: 'DELETE FROM agent_sessions WHERE expires_at <= ?',
  deleteSession: 'DELETE FROM agent_sessions WHERE token_hash = ?',
  // Before an account is written: a new password ends every session of the old one.
  endSessionsOnNewPassword: `DELETE FROM agent_sessions WHERE username = ? AND NOT EXISTS
     (SELECT 1 FROM agents WHERE username = ? AND password_hash = ?)`,
  insertGrant: `INSERT INTO conversation_grants (username, conversation_id, kiosk_id, handoff_id, granted_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  grantsOf: 'SELECT conversation_id, kiosk_id FROM conversation_grants WHERE username = ?',
  insertAudit: `INSERT INTO audit_log (id, at, actor, action, subject, kiosk_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  listAudit: 'SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?',
  // Aliases quoted: PostgreSQL would fold them to lower case.
  stats: `SELECT (SELECT COUNT(*) FROM kiosks) AS kiosks, (SELECT COUNT(*) FROM conversations) AS conversations,
       (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM changes) AS changes,
       (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM device_events) AS "deviceEvents",
       (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM health_snapshots) AS "healthSnapshots",
       (SELECT COUNT(*) FROM settings) AS settings`,
  ping: 'SELECT 1',
} as const;

export function grantFromRow(r: Row): ConversationGrant {
  return { conversationId: r.conversation_id as string, kioskId: r.kiosk_id as string };
}

export function kioskFromRow(r: Row | undefined): KioskRecord | null {
  return r ? { id: r.id as string, createdAt: r.created_at as string } : null;
}

/** Who an agent is, from a row of agents (or a session joined with it). */
function agentIdentity(r: Row): { username: string; role: AgentRole; displayName: string } {
  return { username: r.username as string, role: r.role as AgentRole, displayName: r.display_name as string };
}

export function agentFromRow(r: Row | undefined): AgentRecord | null {
  if (!r) return null;
  return {
    ...agentIdentity(r),
    passwordHash: r.password_hash as string,
    failedLogins: r.failed_logins as number,
    lockedUntil: (r.locked_until as string | null) ?? null,
    skills: JSON.parse((r.skills as string | undefined) ?? '[]') as AccountSkill[],
    disabled: r.disabled_at !== null && r.disabled_at !== undefined,
    createdAt: r.created_at as string,
    changedBy: (r.changed_by as string | null | undefined) ?? null,
  };
}

export function sessionFromRow(r: Row | undefined): AgentSession | null {
  return r ? { ...agentIdentity(r), expiresAt: r.expires_at as string } : null;
}

/** Parses the JSON `data` column of each row. */
export function parseData<T>(rows: readonly { data: string }[]): T[] {
  return rows.map((r) => JSON.parse(r.data) as T);
}

/** A conversation with its messages, as the agent console shows them. */
export function conversationDetail(
  data: string,
  messageRows: readonly { data: string }[],
): ConversationDetail {
  const messages = parseData<Message>(messageRows).map((msg) => ({
    id: msg.id,
    role: msg.role,
    text: msg.text,
    at: msg.at,
    ...(msg.articleId ? { articleId: msg.articleId } : {}),
  }));
  return { conversation: JSON.parse(data) as Conversation, messages };
}

/** The conversation list row. */
export function summarize(data: string, messageCount: number, lastJson: string | null): ConversationSummary {
  const c = JSON.parse(data) as Conversation;
  const last = lastJson ? (JSON.parse(lastJson) as Message) : undefined;
  return {
    id: c.id,
    kioskId: c.kioskId,
    locale: c.locale,
    ...(c.maskedPan ? { maskedPan: c.maskedPan } : {}),
    startedAt: c.startedAt,
    ...(c.endedAt ? { endedAt: c.endedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
    messageCount,
    ...(last ? { lastMessage: { role: last.role, text: last.text, at: last.at } } : {}),
  };
}

export function auditFromRow(r: Row): AuditEntry {
  return {
    id: r.id as string,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as AuditEntry['action'],
    subject: r.subject as string,
    ...(r.kiosk_id ? { kioskId: r.kiosk_id as string } : {}),
    detail: r.detail as string,
  };
}
