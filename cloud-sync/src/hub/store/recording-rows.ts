// The recordings' metadata rows (the files themselves sit behind RecordingFiles), written once with `?`
// placeholders for both stores: each store hands in a runner over its own connection.
import type pg from 'pg';
import type { RecordingRow } from '../../schema/recording.ts';
import { numbered, type Row } from './rows.ts';
import type { SqliteConnection } from './sqlite-connection.ts';

export type { RecordingRow };

/** One statement with its parameters: all rows, or the count of rows it changed. */
export interface SqlRunner {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  run(sql: string, params: unknown[]): Promise<number>;
}

export function sqliteRunner(db: SqliteConnection): SqlRunner {
  return {
    all: async (sql, params) => db.prepare(sql).all(...params) as Row[],
    run: async (sql, params) => Number(db.prepare(sql).run(...params).changes),
  };
}

export function pgRunner(pool: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async (sql, params) => (await pool.query(numbered(sql), params)).rows as Row[],
    run: async (sql, params) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
  };
}

const COLUMNS =
  'id, handoff_id, kiosk_id, agent, started_at, ended_at, bytes, mime, legal_hold, delete_after';

function fromRow(r: Row): RecordingRow {
  return {
    id: String(r.id),
    handoffId: String(r.handoff_id),
    kioskId: String(r.kiosk_id),
    agent: String(r.agent),
    startedAt: String(r.started_at),
    endedAt: r.ended_at === null ? null : String(r.ended_at),
    bytes: Number(r.bytes),
    mime: String(r.mime),
    legalHold: Number(r.legal_hold) === 1,
    deleteAfter: String(r.delete_after),
  };
}

export class RecordingRows {
  constructor(private readonly sql: SqlRunner) {}

  async create(r: Omit<RecordingRow, 'endedAt' | 'bytes' | 'legalHold'>): Promise<void> {
    await this.sql.run(`INSERT INTO recordings (${COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, 0, ?, 0, ?)`, [
      r.id,
      r.handoffId,
      r.kioskId,
      r.agent,
      r.startedAt,
      r.mime,
      r.deleteAfter,
    ]);
  }

  async get(id: string): Promise<RecordingRow | null> {
    const [row] = await this.sql.all(`SELECT ${COLUMNS} FROM recordings WHERE id = ?`, [id]);
    return row ? fromRow(row) : null;
  }

  /** The recording of this call by this agent still being written, if any. */
  async open(handoffId: string, agent: string): Promise<RecordingRow | null> {
    const [row] = await this.sql.all(
      `SELECT ${COLUMNS} FROM recordings WHERE handoff_id = ? AND agent = ? AND ended_at IS NULL`,
      [handoffId, agent],
    );
    return row ? fromRow(row) : null;
  }

  async addBytes(id: string, bytes: number): Promise<void> {
    await this.sql.run('UPDATE recordings SET bytes = bytes + ? WHERE id = ?', [bytes, id]);
  }

  async finish(id: string, endedAt: string): Promise<void> {
    await this.sql.run('UPDATE recordings SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [endedAt, id]);
  }

  /** false when there is no such recording. */
  async setHold(id: string, hold: boolean): Promise<boolean> {
    return (await this.sql.run('UPDATE recordings SET legal_hold = ? WHERE id = ?', [hold ? 1 : 0, id])) > 0;
  }

  /** Newest first. */
  async list(limit: number): Promise<RecordingRow[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM recordings ORDER BY started_at DESC, id DESC LIMIT ?`,
      [limit],
    );
    return rows.map(fromRow);
  }

  /** Recordings past their retention at `nowIso` and not on legal hold. */
  async expired(nowIso: string, limit: number): Promise<RecordingRow[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM recordings WHERE legal_hold = 0 AND delete_after <= ? ORDER BY delete_after LIMIT ?`,
      [nowIso, limit],
    );
    return rows.map(fromRow);
  }

  /** Deletes the row unless a hold was set meanwhile; false when it was kept. */
  async remove(id: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM recordings WHERE id = ? AND legal_hold = 0', [id])) > 0;
  }
}
