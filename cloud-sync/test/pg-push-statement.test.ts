// The one-statement push of PostgreSQL (src/hub/store/pg-push-statement.ts) against the rules it
// replaces: the same batches go to the SQLite store, to the PostgreSQL store (a ticket-free batch is the
// one statement there) and to the general set-based path (applyBatchPg in a transaction); every answer
// and every stored row must be the same on all three.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Hlc,
  OwnershipError,
  openPostgresHubStore,
  openSqliteHubStore,
  type ChangeEnvelope,
  type HubStore,
} from '../src/index.ts';
import { isStorageFullError } from '../src/hub/store/storage-errors.ts';
import { applyBatchPg } from '../src/hub/store/pg-apply.ts';
import { TempDirs, conversation, message } from './helpers.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';

const dirs = new TempDirs();
let pgdb: TestDatabase;
beforeAll(async () => {
  pgdb = await createTestDatabase('push_statement');
});
afterAll(async () => {
  dirs.cleanup();
  await pgdb?.drop();
});

const hlc = (wall: number, node = 'k1') => Hlc.serialize({ wall, counter: 0, node });
const AT = '2026-11-25T10:00:00.000Z';

function change<E extends ChangeEnvelope['entity']>(
  kioskId: string,
  entity: E,
  data: { id: string; [field: string]: unknown },
  at: string,
  id = ulid(),
): ChangeEnvelope {
  return { id, kioskId, entity, entityId: data.id, op: 'upsert', hlc: at, data } as ChangeEnvelope;
}

const event = (id: string, kioskId: string, message: string) => ({
  id,
  kioskId,
  at: AT,
  source: 'arm',
  type: 'arm.fault',
  severity: 'error' as const,
  message,
});
const health = (id: string, kioskId: string, uptimeS: number) => ({
  id,
  kioskId,
  at: AT,
  uptimeS,
  devices: { arm: { status: 'ok' as const } },
});

// Built once, so every target sees the very same ids.
const theirs = conversation('k2', AT);
const mine = conversation('k1', AT);
const m1 = message(mine.id, 'first', AT);
const first = change('k1', 'conversation', mine, hlc(1000));
const BATCHES: [kiosk: string, changes: ChangeEnvelope[]][] = [
  [
    'k2',
    [
      change('k2', 'conversation', theirs, hlc(900, 'k2')),
      change('k2', 'device_event', event('e-theirs', 'k2', 'x'), hlc(901, 'k2')),
    ],
  ],
  [
    'k1',
    [
      first,
      change('k1', 'message', m1, hlc(1001)),
      // three versions of one message in one batch: the newest HLC wins, wherever it stands
      change('k1', 'message', { ...m1, text: 'newest' }, hlc(1003)),
      change('k1', 'message', { ...m1, text: 'middle' }, hlc(1002)),
      // an event twice under two change ids: the first copy stands
      change('k1', 'device_event', event('e1', 'k1', 'copy A'), hlc(1004)),
      change('k1', 'device_event', event('e1', 'k1', 'copy B'), hlc(1005)),
      change('k1', 'health', health('h1', 'k1', 10), hlc(1006)),
      // the same change id twice in one batch: applied once, then a duplicate
      { ...first },
    ],
  ],
  // a re-push of the first change beside an older version: applied, yet the stored one stays newer
  ['k1', [first, change('k1', 'conversation', { ...mine, outcome: 'abandoned' }, hlc(500))]],
  // a message into another kiosk's conversation: the whole batch refused, its new conversation too
  [
    'k1',
    [
      change('k1', 'conversation', conversation('k1', AT), hlc(2000)),
      change('k1', 'message', message(theirs.id, 'sneaky', AT), hlc(2001)),
    ],
  ],
  // another kiosk's event id, and a duplicate beside it: refused, nothing written
  ['k1', [first, change('k1', 'device_event', event('e-theirs', 'k1', 'y'), hlc(2002))]],
  // a duplicate whose record is fine beside a fresh health snapshot
  ['k1', [first, change('k1', 'health', health('h2', 'k1', 20), hlc(2003))]],
];

type Outcome = { applied: string[]; duplicates: string[] } | { refused: [string, string, string] };

interface Target {
  apply(kiosk: string, changes: ChangeEnvelope[]): Promise<unknown>;
  rows(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

const DUMP = [
  'SELECT id, kiosk_id, entity, entity_id, hlc FROM changes ORDER BY id',
  'SELECT id, kiosk_id, hlc, started_at, data FROM conversations ORDER BY id',
  'SELECT id, conversation_id, kiosk_id, hlc, at, data FROM messages ORDER BY id',
  'SELECT id, kiosk_id, at, type, severity, data FROM device_events ORDER BY id',
  'SELECT id, kiosk_id, at, data FROM health_snapshots ORDER BY id',
];

async function sqliteTarget(): Promise<Target> {
  const file = join(dirs.make(), 'hub.sqlite');
  const store = await openSqliteHubStore(file);
  const reader = new Database(file, { readonly: true });
  return {
    apply: (k, c) => store.applyChanges(k, c),
    rows: async (sql) => reader.prepare(sql).all(),
    close: async () => {
      reader.close();
      await store.close();
    },
  };
}

async function pgTarget(through: 'store' | 'applyBatchPg'): Promise<Target> {
  const schema = freshSchema();
  const store: HubStore = await openPostgresHubStore({ url: pgdb.url, schema, poolSize: 2 });
  const pool = new pg.Pool({ connectionString: pgdb.url, max: 1, options: `-c search_path=${schema}` });
  const general = async (k: string, c: ChangeEnvelope[]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await applyBatchPg(client, k, c);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    apply: through === 'store' ? (k, c) => store.applyChanges(k, c) : general,
    rows: async (sql) => (await pool.query(sql)).rows,
    close: async () => {
      await pool.end();
      await store.close();
    },
  };
}

async function run(target: Target): Promise<{ outcomes: Outcome[]; tables: unknown[][] }> {
  const outcomes: Outcome[] = [];
  try {
    for (const [kiosk, changes] of BATCHES) {
      try {
        outcomes.push((await target.apply(kiosk, changes)) as Outcome);
      } catch (err) {
        if (!(err instanceof OwnershipError)) throw err;
        outcomes.push({ refused: [err.entity, err.entityId, err.ownerKioskId] });
      }
    }
    const tables: unknown[][] = [];
    for (const sql of DUMP) tables.push(await target.rows(sql));
    return { outcomes, tables };
  } finally {
    await target.close();
  }
}

describe('one-statement push on PostgreSQL', () => {
  it('answers and stores exactly as SQLite and the general path do', async () => {
    const sqlite = await run(await sqliteTarget());
    const statement = await run(await pgTarget('store'));
    const general = await run(await pgTarget('applyBatchPg'));
    expect(statement).toEqual(sqlite);
    expect(statement).toEqual(general);

    // And what they agree on is the rule, not a shared mistake.
    const [, second, third, fourth, fifth, sixth] = statement.outcomes;
    expect(second).toEqual({
      applied: BATCHES[1]![1].slice(0, 7).map((c) => c.id),
      duplicates: [first.id],
    });
    expect(third).toMatchObject({ duplicates: [first.id] });
    expect(fourth).toEqual({ refused: ['conversation', theirs.id, 'k2'] });
    expect(fifth).toEqual({ refused: ['device_event', 'e-theirs', 'k2'] });
    expect(sixth).toMatchObject({ duplicates: [first.id] });
    const [ledger, conversations, messages, events, snapshots] = statement.tables as Row[][];
    expect(ledger).toHaveLength(2 + 7 + 1 + 1);
    expect(conversations?.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(JSON.parse(conversations?.find((r) => r.id === mine.id)?.data as string)).toEqual(mine);
    expect(JSON.parse(messages?.[0]?.data as string)).toMatchObject({ text: 'newest' });
    expect(events?.map((r) => [r.id, JSON.parse(r.data as string).message])).toEqual([
      ['e-theirs', 'x'],
      ['e1', 'copy A'],
    ]);
    expect(snapshots?.map((r) => r.id)).toEqual(['h1', 'h2']);
  });
});

type Row = Record<string, unknown>;

describe('one-statement push on a full PostgreSQL', () => {
  it('fails as storage full (the hub answers 507) with nothing applied, not even the ledger', async () => {
    const schema = freshSchema();
    const store = await openPostgresHubStore({ url: pgdb.url, schema, poolSize: 1 });
    const admin = new pg.Client({ connectionString: pgdb.url });
    await admin.connect();
    try {
      // The disk fills while the record is written, after the ledger row went in (53100 = disk_full).
      await admin.query(`CREATE FUNCTION ${schema}.full_disk() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$`);
      await admin.query(`CREATE TRIGGER full_disk BEFORE INSERT ON ${schema}.messages
        FOR EACH ROW EXECUTE FUNCTION ${schema}.full_disk()`);
      const c = conversation('k1', AT);
      const batch = [
        change('k1', 'conversation', c, hlc(1)),
        change('k1', 'message', message(c.id, 'hi', AT), hlc(2)),
      ];
      const err: unknown = await store.applyChanges('k1', batch).catch((e: unknown) => e);
      expect(isStorageFullError(err)).toBe(true);
      expect(await store.changeIdsOf('k1')).toEqual([]);
      expect(await store.getConversation(c.id)).toBeNull();
      // Once there is room, the same batch goes in whole.
      await admin.query(`DROP TRIGGER full_disk ON ${schema}.messages`);
      expect((await store.applyChanges('k1', batch)).applied).toHaveLength(2);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});
