// The client's own tables inside the kiosk's SQLite database. Versioned in sync_migrations, not in
// PRAGMA user_version, because the database belongs to device-agent, which may use user_version itself.
import type BetterSqlite3 from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  // 1: outbox, knowledge replica, checkpoints
  `CREATE TABLE sync_outbox (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     hlc TEXT NOT NULL,
     data TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     acked_at TEXT
   );
   CREATE INDEX sync_outbox_pending ON sync_outbox(seq) WHERE acked_at IS NULL;
   CREATE TABLE sync_kb_articles (
     id TEXT NOT NULL,
     locale TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     effective_from TEXT NOT NULL,
     effective_to TEXT,
     PRIMARY KEY (id, locale)
   );
   CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: configuration and routing rules pulled from the hub
  `CREATE TABLE sync_settings (
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     scope TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (kind, id, scope)
   );`,
  // 3: changes the hub refused for good, set aside so they no longer block the outbox
  `CREATE TABLE sync_quarantine (
     id TEXT PRIMARY KEY,
     quarantined_at TEXT NOT NULL,
     status INTEGER NOT NULL,
     error TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     hlc TEXT NOT NULL,
     data TEXT NOT NULL
   );`,
];

export const LOCAL_SCHEMA_VERSION = MIGRATIONS.length;

/** Puts the connection into the durability mode sync relies on, and refuses to run without it. */
export function requireDurableMode(db: BetterSqlite3.Database): void {
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  if (mode !== 'wal') {
    throw new Error(`cloud-sync needs a file database in WAL mode; journal_mode is "${mode}" (${db.name})`);
  }
  db.pragma('synchronous = FULL');
  const sync = Number(db.pragma('synchronous', { simple: true }));
  if (sync < 2) throw new Error(`cloud-sync needs synchronous=FULL; the connection reports ${sync}`);
}

export function migrateLocal(db: BetterSqlite3.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS sync_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const row = db.prepare('SELECT MAX(version) AS v FROM sync_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`sync tables are at version ${current}, newer than this code (${MIGRATIONS.length})`);
  }
  const apply = db.transaction(() => {
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v - 1] as string);
      db.prepare('INSERT INTO sync_migrations (version, applied_at) VALUES (?, ?)').run(
        v,
        new Date().toISOString(),
      );
    }
  });
  apply();
}
