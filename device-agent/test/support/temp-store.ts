// The agent's SQLite store in a temporary folder with the real cloud-sync outbox on it (loops not
// started; the hub address is never dialled), for the store and session tests.
import { openKioskSync, type KioskSync } from '@branch/cloud-sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/open-database.ts';

export interface TempStore {
  dir: string;
  db: Db;
  sync: KioskSync;
  /** Stops sync, closes the database and removes the folder. */
  close(): Promise<void>;
}

export function openTempStore(prefix: string, kioskId: string): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openDatabase(dir);
  const sync = openKioskSync(db, { hubUrl: 'http://127.0.0.1:9', kioskId, token: 'unused' });
  return {
    dir,
    db,
    sync,
    close: async () => {
      await sync.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
