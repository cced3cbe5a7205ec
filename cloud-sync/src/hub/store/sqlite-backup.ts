// The single-box hub's backup and restore: SQLite's online backup API (better-sqlite3's backup()), which
// copies a consistent snapshot page by page while the hub keeps serving, and a restore that puts a
// checked backup in place of hub.sqlite while the hub is stopped. Node only (better-sqlite3).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';

/** Opens a file as SQLite and runs quick_check; throws a one-line error naming the file otherwise. */
function checkHubDatabase(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check says ${String(check)}`);
    const hasKiosks = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kiosks'")
      .get();
    if (hasKiosks === undefined) throw new Error('not a hub database (no kiosks table)');
  } catch (err) {
    throw new Error(`${file}: not a usable hub backup (${(err as Error).message})`, { cause: err });
  } finally {
    db?.close();
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the live hub database to `dest` (written beside it first, checked, then renamed into place, so
 * `dest` is never a half-written file). Safe while the hub runs: writers carry on, the copy is one
 * consistent snapshot. Resolves with the number of pages copied.
 */
export async function backupSqliteHub(dbFile: string, dest: string): Promise<{ pages: number }> {
  if (!existsSync(dbFile)) throw new Error(`${dbFile}: no hub database to back up`);
  const source = new Database(dbFile, { fileMustExist: true });
  const partial = `${dest}.partial`;
  try {
    rmSync(partial, { force: true });
    const { totalPages } = await source.backup(partial);
    checkHubDatabase(partial);
    syncFile(partial);
    renameSync(partial, dest);
    return { pages: totalPages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/**
 * Puts a backup in place of the hub database. The hub must be stopped: a running hub holds the file open
 * in WAL mode, which this detects (SQLITE_BUSY) and refuses. The replaced database is kept beside it as
 * `hub.sqlite.replaced-<time>`; its -wal and -shm files go (they belong to the replaced file).
 */
export function restoreSqliteHub(
  dbFile: string,
  backupFile: string,
  now = new Date(),
): { replaced: string | null } {
  checkHubDatabase(backupFile);
  let replaced: string | null = null;
  if (existsSync(dbFile)) {
    const probe = new Database(dbFile, { timeout: 0 });
    try {
      // Leaving WAL mode needs every other connection closed: it fails while a hub has the file open.
      probe.pragma('journal_mode = DELETE');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`${dbFile} is in use: stop the hub first (systemctl stop branch-hub)`, {
          cause: err,
        });
      }
      // Any other failure (a damaged file) is what the restore is for: it is set aside below.
    } finally {
      probe.close();
    }
    replaced = `${dbFile}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbFile, replaced);
  }
  for (const extra of ['-wal', '-shm', '-journal']) rmSync(`${dbFile}${extra}`, { force: true });
  const incoming = `${dbFile}.restoring`;
  copyFileSync(backupFile, incoming);
  syncFile(incoming);
  renameSync(incoming, dbFile);
  return { replaced };
}
