// Schema of the hub's PostgreSQL store, versioned in hub_migrations. Several hub instances may start
// at once against one database: an advisory lock makes exactly one of them migrate.
import type pg from 'pg';
import { assertKnownVersion, hubTables, MIGRATIONS_TABLE, PG_DIALECT } from './hub-tables.ts';

const T = hubTables(PG_DIALECT);

const MIGRATIONS: readonly string[] = [
  // 1: everything the SQLite store has at its version 3, in one step
  [
    T.kiosks,
    T.changes,
    T.changesByKiosk,
    T.conversations,
    T.messages,
    T.deviceEvents,
    T.healthSnapshots,
    T.tickets,
    T.articles,
    T.settings,
    T.agents,
    T.agentSessions,
  ].join('\n'),
  // 2: conversation access granted per accepted call
  T.conversationGrants,
  // 3: the append-only audit log
  T.auditLog,
  // 4: calls' recordings (metadata; the files are on disk)
  T.recordings,
  // 5: handoff state (queues, calls, join tokens, presence) and NOTIFY payloads too big for NOTIFY
  [T.handoffs, T.notifyPayloads].join('\n'),
  // 6: the call-event log and quality scores (the supervisor's desk)
  [T.callEvents, T.qualityScores].join('\n'),
  // 7: managed agent accounts (skills, disabled, changed by) and ticket escalations
  [T.agentAccounts, T.ticketEscalations].join('\n'),
  // 8: canned replies and the transfer a call carries (the call desk)
  T.callDesk,
];

/** Any fixed number: the key of the migration lock. */
const MIGRATION_LOCK = 0x6875625f;

export async function migratePgHub(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_migrations');
    const current = rows[0]?.v ?? 0;
    assertKnownVersion(current, MIGRATIONS.length);
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
