// Storage failures the hub must name instead of answering 500 or restarting forever: a damaged
// database file (it will not heal by itself) and a full disk (it may, once space is freed). No Node
// built-ins: the SQLite store on Deno uses it too.
import type { SqliteConnection } from './sqlite-connection.ts';

/** The database file is damaged; restarting will not help, so the launcher must not try. */
export class DatabaseDamagedError extends Error {
  /** Read by the service runner: a start-up failure no restart can fix. */
  readonly permanent = true;
  constructor(file: string, detail: string) {
    super(
      `${file} is damaged (${detail}); the hub will not start on it: restore it from a backup or move it aside to start empty`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const FULL_CODES = new Set(['SQLITE_FULL']);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for SQLite's "not a database" / "malformed" errors, by code or (node:sqlite) by message. */
export function isDamagedError(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== undefined && [...DAMAGED_CODES].some((c) => code.startsWith(c))) return true;
  return /file is not a database|database disk image is malformed/i.test((err as Error)?.message ?? '');
}

/** True when a write failed because the disk (or the database's page limit) is full. */
export function isStorageFullError(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== undefined && [...FULL_CODES].some((c) => code.startsWith(c))) return true;
  // PostgreSQL: 53100 disk_full; node:sqlite carries only the message.
  return code === '53100' || /database or disk is full/i.test((err as Error)?.message ?? '');
}

/**
 * Checks a freshly opened database before the hub serves from it: quick_check reads every page, so a
 * torn or overwritten file is found here rather than on the first unlucky request.
 */
export function assertIntact(db: SqliteConnection, file: string): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (err) {
    if (isDamagedError(err)) throw new DatabaseDamagedError(file, (err as Error).message);
    throw err;
  }
  if (result !== 'ok') throw new DatabaseDamagedError(file, `quick_check: ${String(result).slice(0, 200)}`);
}
