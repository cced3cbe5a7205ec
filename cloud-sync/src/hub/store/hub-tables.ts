// The hub's tables, written once for both stores. The dialects differ only in how a downstream
// sequence number is made and in SQLite's storage option for the ledger; each store's migration
// list (sqlite-schema.ts, pg-schema.ts) groups these definitions into its own versions.

export interface SqlDialect {
  /** Column definition of `seq` in the downstream tables (articles, settings). */
  readonly seqColumn: string;
  /** Table option after the ledger's definition. */
  readonly ledgerOptions: string;
  /** Statements that make audit_log refuse UPDATE and DELETE. */
  readonly auditAppendOnly: string;
  /** The same for another append-only table. */
  appendOnly(table: string): string;
}

/** SQLite numbers downstream rows itself; the ledger is clustered on its id. */
export const SQLITE_DIALECT: SqlDialect = {
  seqColumn: 'seq INTEGER PRIMARY KEY AUTOINCREMENT',
  ledgerOptions: ' WITHOUT ROWID',
  auditAppendOnly: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  appendOnly: (t) => `CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
     BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
   CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t}
     BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`,
};

/** PostgreSQL: the publishing transaction computes seq under the publish lock (pg-downstream.ts). */
export const PG_DIALECT: SqlDialect = {
  seqColumn: 'seq BIGINT PRIMARY KEY',
  ledgerOptions: '',
  auditAppendOnly: `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
   CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();`,
  appendOnly: (t) => `CREATE FUNCTION ${t}_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION '${t} is append-only'; END $$;
   CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t}
     FOR EACH ROW EXECUTE FUNCTION ${t}_append_only();`,
};

export function hubTables(d: SqlDialect) {
  return {
    kiosks: `CREATE TABLE kiosks (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );`,
    // Every change ever applied, by id: the exactly-once ledger.
    changes: `CREATE TABLE changes (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     received_at TEXT NOT NULL
   )${d.ledgerOptions};`,
    changesByKiosk: 'CREATE INDEX changes_kiosk ON changes(kiosk_id, id);',
    conversations: `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     started_at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX conversations_started ON conversations(started_at DESC, id DESC);`,
    messages: `CREATE TABLE messages (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX messages_conversation ON messages(conversation_id, at, id);`,
    // Append-only facts.
    deviceEvents: `CREATE TABLE device_events (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     severity TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX device_events_kiosk_at ON device_events(kiosk_id, at);`,
    healthSnapshots: `CREATE TABLE health_snapshots (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX health_snapshots_kiosk_at ON health_snapshots(kiosk_id, at);`,
    // Merge state per field; data is the materialized ticket (NULL until its creation arrived).
    tickets: `CREATE TABLE tickets (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     state TEXT NOT NULL,
     data TEXT,
     updated_at TEXT
   );
   CREATE INDEX tickets_updated ON tickets(updated_at DESC, id DESC);`,
    articles: `CREATE TABLE articles (
     ${d.seqColumn},
     id TEXT NOT NULL,
     locale TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (id, locale, version)
   );`,
    settings: `CREATE TABLE settings (
     ${d.seqColumn},
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     scope TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (kind, id, scope, version)
   );`,
    agents: `CREATE TABLE agents (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     display_name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     failed_logins INTEGER NOT NULL DEFAULT 0,
     locked_until TEXT,
     created_at TEXT NOT NULL
   );`,
    agentSessions: `CREATE TABLE agent_sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES agents(username) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   );`,
    // Who may read which conversation: written when an agent accepts that customer's call, never
    // derived from a ticket's assignee (a field edits can change).
    conversationGrants: `CREATE TABLE conversation_grants (
     username TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     kiosk_id TEXT NOT NULL,
     handoff_id TEXT NOT NULL,
     granted_at TEXT NOT NULL,
     PRIMARY KEY (username, conversation_id, kiosk_id)
   );`,
    // Who read, published, changed or reset what: appended, never changed (the dialect's triggers).
    auditLog: `CREATE TABLE audit_log (
     id TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     subject TEXT NOT NULL,
     kiosk_id TEXT,
     detail TEXT NOT NULL
   );
   CREATE INDEX audit_log_by_time ON audit_log (at, id);
   ${d.auditAppendOnly}`,
    // Calls' recordings: the file is recordings/<id>.webm under the hub's data folder (recording-files.ts).
    recordings: `CREATE TABLE recordings (
     id TEXT PRIMARY KEY,
     handoff_id TEXT NOT NULL,
     kiosk_id TEXT NOT NULL,
     agent TEXT NOT NULL,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     bytes BIGINT NOT NULL DEFAULT 0,
     mime TEXT NOT NULL,
     legal_hold INTEGER NOT NULL DEFAULT 0,
     delete_after TEXT NOT NULL
   );
   CREATE INDEX recordings_by_expiry ON recordings (legal_hold, delete_after);
   CREATE INDEX recordings_by_handoff ON recordings (handoff_id, agent);`,
    // Handoff state shared by every hub instance on this store (handoff-rows.ts): the requests, waiting
    // or in a call or ended (kept a day to say how they ended), with the join token's hash while open.
    // rank_at orders the waiting (queue.ts rankOf): lower is served first.
    handoffs: `CREATE TABLE handoffs (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     queue TEXT NOT NULL,
     request TEXT NOT NULL,
     token_hash TEXT UNIQUE,
     enqueued_at BIGINT NOT NULL,
     priority INTEGER NOT NULL,
     rank_at BIGINT NOT NULL,
     state TEXT NOT NULL,
     agent TEXT,
     agent_name TEXT,
     accepted_at BIGINT,
     claimed INTEGER NOT NULL DEFAULT 0,
     kiosk_seen_at BIGINT NOT NULL,
     outcome TEXT,
     ended_at BIGINT
   );
   CREATE INDEX handoffs_waiting ON handoffs (state, rank_at, enqueued_at, id);
   CREATE INDEX handoffs_by_kiosk ON handoffs (kiosk_id, state);
   CREATE INDEX handoffs_by_end ON handoffs (ended_at);
   -- Agents signed in to a signalling socket, on which instance, refreshed while it holds them.
   CREATE TABLE handoff_presence (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     status TEXT NOT NULL,
     instance TEXT NOT NULL,
     seen_at BIGINT NOT NULL
   );
   -- The calls handled and their total length: the mean call length behind the estimated wait.
   CREATE TABLE handoff_stats (
     id INTEGER PRIMARY KEY,
     handled_s DOUBLE PRECISION NOT NULL,
     handled_calls INTEGER NOT NULL
   );
   INSERT INTO handoff_stats (id, handled_s, handled_calls) VALUES (1, 0, 0);`,
    // PostgreSQL only: a NOTIFY payload too big for NOTIFY (8000 bytes) waits here; the notification
    // carries its id (pg-events.ts). Rows are deleted after a minute.
    notifyPayloads: `CREATE TABLE hub_notify_payloads (
     id BIGSERIAL PRIMARY KEY,
     body TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
    // Each point of a call's life (schema/supervisor-api.ts), appended by the handoff core: the
    // wallboard's and the export's source. at_ms is the same instant as a number, for windows and buckets.
    callEvents: `CREATE TABLE call_events (
     id TEXT PRIMARY KEY,
     handoff_id TEXT NOT NULL,
     type TEXT NOT NULL,
     at TEXT NOT NULL,
     at_ms BIGINT NOT NULL,
     queue TEXT NOT NULL,
     kiosk_id TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     agent TEXT,
     wait_ms BIGINT,
     handle_ms BIGINT,
     negative_cue INTEGER NOT NULL DEFAULT 0,
     reason TEXT
   );
   CREATE INDEX call_events_by_time ON call_events (at_ms, type);
   CREATE INDEX call_events_by_handoff ON call_events (handoff_id, at_ms);
   ${d.appendOnly('call_events')}`,
    // Supervisors' score sheets of recorded calls: each criterion 0..2, suitability NULL when no product
    // was discussed.
    qualityScores: `CREATE TABLE quality_scores (
     id TEXT PRIMARY KEY,
     recording_id TEXT NOT NULL,
     handoff_id TEXT NOT NULL,
     agent TEXT NOT NULL,
     scorer TEXT NOT NULL,
     at TEXT NOT NULL,
     greeting INTEGER NOT NULL,
     identity_check INTEGER NOT NULL,
     suitability INTEGER,
     resolution INTEGER NOT NULL,
     percent REAL NOT NULL,
     notes TEXT NOT NULL
   );
   CREATE INDEX quality_scores_by_time ON quality_scores (at, id);
   CREATE INDEX quality_scores_by_recording ON quality_scores (recording_id);`,
    // Accounts managed in the console: skills, disabled (no sign-in, no session), who last changed it
    // (the seed leaves such an account alone).
    agentAccounts: `ALTER TABLE agents ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE agents ADD COLUMN disabled_at TEXT;
   ALTER TABLE agents ADD COLUMN changed_by TEXT;`,
    // Tickets the escalation job flagged past their SLA due time (once each).
    ticketEscalations: `CREATE TABLE ticket_escalations (
     ticket_id TEXT PRIMARY KEY,
     due_at TEXT NOT NULL,
     escalated_at TEXT NOT NULL
   );`,
    // The call desk: canned replies in both languages (supervisors keep them; the audit log has who did),
    // the transfer a call carries to its next desk (JSON: who passed it, from where, the note, when), and
    // since when its agent holds it (a kiosk that reconnects is told again).
    callDesk: `CREATE TABLE canned_replies (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     text_en TEXT NOT NULL,
     text_zh TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   ALTER TABLE handoffs ADD COLUMN transfer TEXT;
   ALTER TABLE handoffs ADD COLUMN held_at BIGINT;`,
  };
}

export const MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS hub_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)';

/** Refuses a database migrated by newer code. */
export function assertKnownVersion(current: number, known: number): void {
  if (current > known) {
    throw new Error(`hub database is at schema version ${current}, newer than this code (${known})`);
  }
}
