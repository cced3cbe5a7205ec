// Schema migrations, applied in order; PRAGMA user_version records how many have run.
import type Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  // 1: conversations, messages, safety events.
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     locale TEXT NOT NULL,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     outcome TEXT,
     -- Masked only: the CHECK refuses anything without a '*' (never a PAN).
     masked_pan TEXT CHECK (masked_pan IS NULL OR (length(masked_pan) <= 19 AND masked_pan GLOB '*[*]*')),
     customer_token TEXT
   ) STRICT;
   CREATE TABLE messages (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations(id),
     role TEXT NOT NULL CHECK (role IN ('customer', 'bot', 'agent', 'system')),
     text TEXT NOT NULL,
     at TEXT NOT NULL,
     article_id TEXT
   ) STRICT;
   CREATE INDEX messages_by_conversation ON messages(conversation_id, at);
   CREATE TABLE safety_events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     from_state TEXT NOT NULL,
     to_state TEXT NOT NULL,
     cause TEXT NOT NULL
   ) STRICT;`,
  // 2: runbook runs (issue 4).
  `CREATE TABLE runbook_runs (
     id TEXT PRIMARY KEY,
     runbook_id TEXT NOT NULL,
     started_at TEXT NOT NULL,
     ended_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'aborted')),
     started_by TEXT NOT NULL,
     failed_step INTEGER,
     message TEXT,
     steps_json TEXT NOT NULL,
     ticket_id TEXT
   ) STRICT;
   CREATE INDEX runbook_runs_by_start ON runbook_runs(started_at);`,
  // 3: the customer's satisfaction rating (issue 6).
  `ALTER TABLE conversations ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);`,
  // 4: the session's emotion-cue summary, JSON as validated by the protocol (issue 7).
  `ALTER TABLE conversations ADD COLUMN emotion_json TEXT;`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `agent.sqlite has schema version ${current}, newer than this agent (${MIGRATIONS.length})`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export const SCHEMA_VERSION = MIGRATIONS.length;
