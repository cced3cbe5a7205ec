// Opens <dataDir>/agent.sqlite: WAL, synchronous=FULL, foreign keys, then runs pending migrations.
import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (err) {
    throw new Error(`dataDir ${dataDir} is not writable: ${(err as Error).message}`, { cause: err });
  }
  const file = join(dataDir, 'agent.sqlite');
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`cannot open ${file}: ${(err as Error).message}`, { cause: err });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  // Deleted rows are overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}
