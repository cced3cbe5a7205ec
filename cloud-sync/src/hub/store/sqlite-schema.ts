// Tables of the hub's SQLite store, versioned in hub_migrations.
import type { SqliteConnection } from './sqlite-connection.ts';
import { assertKnownVersion, hubTables, MIGRATIONS_TABLE, SQLITE_DIALECT } from './hub-tables.ts';

const T = hubTables(SQLITE_DIALECT);

// Existing databases stand at any of these versions: each step keeps the tables it always had.
const MIGRATIONS: readonly string[] = [
  // 1: kiosks, the ledger, conversations, knowledge, agents
  [T.kiosks, T.changes, T.conversations, T.messages, T.articles, T.agents, T.agentSessions].join('\n'),
  // 2: device events (append-only facts)
  T.deviceEvents,
  // 3: tickets (merge state per field), health snapshots, downstream settings, ledger by kiosk
  [T.tickets, T.healthSnapshots, T.settings, T.changesByKiosk].join('\n'),
  // 4: conversation access granted per accepted call
  T.conversationGrants,
  // 5: the append-only audit log
  T.auditLog,
  // 6: calls' recordings (metadata; the files are on disk)
  T.recordings,
  // 7: handoff state (queues, calls, join tokens, presence), shared with other instances on PostgreSQL
  T.handoffs,
  // 8: the call-event log and quality scores (the supervisor's desk)
  [T.callEvents, T.qualityScores].join('\n'),
  // 9: managed agent accounts (skills, disabled, changed by) and ticket escalations
  [T.agentAccounts, T.ticketEscalations].join('\n'),
  // 10: canned replies and the transfer a call carries (the call desk)
  T.callDesk,
];

export function migrateHub(db: SqliteConnection): void {
  db.exec(MIGRATIONS_TABLE);
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM hub_migrations').get() as { v: number | null }).v ?? 0;
  assertKnownVersion(current, MIGRATIONS.length);
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
