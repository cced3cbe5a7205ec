// Schema of the hub's PostgreSQL store, versioned in hub_migrations. Several hub instances may start
// at once against one database: an advisory lock makes exactly one of them migrate.
import type pg from 'pg';

const MIGRATIONS: readonly string[] = [
  // 1: everything the SQLite store has at its version 3, in one step
  `CREATE TABLE kiosks (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   CREATE TABLE changes (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     received_at TEXT NOT NULL
   );
   CREATE INDEX changes_kiosk ON changes(kiosk_id, id);
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
   CREATE TABLE device_events (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     severity TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX device_events_kiosk_at ON device_events(kiosk_id, at);
   CREATE TABLE health_snapshots (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX health_snapshots_kiosk_at ON health_snapshots(kiosk_id, at);
   CREATE TABLE tickets (
     id TEXT PRIMARY KEY,
     kiosk_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     state TEXT NOT NULL,
     data TEXT,
     updated_at TEXT
   );
   CREATE INDEX tickets_updated ON tickets(updated_at DESC, id DESC);
   CREATE TABLE articles (
     seq BIGINT PRIMARY KEY,
     id TEXT NOT NULL,
     locale TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (id, locale, version)
   );
   CREATE TABLE settings (
     seq BIGINT PRIMARY KEY,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     scope TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     published_at TEXT NOT NULL,
     UNIQUE (kind, id, scope, version)
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
];

/** Any fixed number: the key of the migration lock. */
const MIGRATION_LOCK = 0x6875625f;

export async function migratePgHub(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS hub_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `hub database is at schema version ${current}, newer than this code (${MIGRATIONS.length})`,
      );
    }
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v - 1] as string);
      await client.query('INSERT INTO hub_migrations (version, applied_at) VALUES ($1, $2)', [
        v,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
