// Tables of the hub's SQLite store, versioned in hub_migrations.
import type { SqliteConnection } from './sqlite-connection.ts';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kiosks (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   -- Every change ever applied, by id: the exactly-once ledger.
   CREATE TABLE changes (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     received_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     started_at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX conversations_started ON conversations(started_at DESC, id DESC);
   CREATE TABLE messages (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX messages_conversation ON messages(conversation_id, at, id);
   CREATE TABLE articles (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL,
     locale TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (id, locale, version)
   );
   CREATE TABLE agents (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     display_name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     failed_logins INTEGER NOT NULL DEFAULT 0,
     locked_until TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE agent_sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES agents(username) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   );`,
  // 2: device events (append-only facts)
  `CREATE TABLE device_events (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     severity TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX device_events_kiosk_at ON device_events(kiosk_id, at);`,
  // 3: tickets (merge state per field), health snapshots, downstream settings, ledger by kiosk
  `CREATE TABLE tickets (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     state TEXT NOT NULL,
     data TEXT,
     updated_at TEXT
   );
   CREATE INDEX tickets_updated ON tickets(updated_at DESC, id DESC);
   CREATE TABLE health_snapshots (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX health_snapshots_kiosk_at ON health_snapshots(kiosk_id, at);
   CREATE TABLE settings (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     scope TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (kind, id, scope, version)
   );
   CREATE INDEX changes_kiosk ON changes(kiosk_id, id);`,
];

export function migrateHub(db: SqliteConnection): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS hub_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM hub_migrations').get() as { v: number | null }).v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `hub database is at schema version ${current}, newer than this code (${MIGRATIONS.length})`,
    );
  }
  db.transaction(() => {
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v - 1] as string);
      db.prepare('INSERT INTO hub_migrations (version, applied_at) VALUES (?, ?)').run(
        v,
        new Date().toISOString(),
      );
    }
  })();
}
