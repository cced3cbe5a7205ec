// Kiosk sync clients a test file opens, each on its own kiosk database; stopAll() (in afterEach)
// stops every client and closes its database, so no loop or file outlives its test.
import type Database from 'better-sqlite3';
import { openKioskSync, type KioskSync, type KioskSyncOptions } from '../../src/index.ts';

export interface OpenKiosk {
  db: Database.Database;
  sync: KioskSync;
}

export class KioskClients {
  /** The clients still open, oldest first. */
  readonly open: OpenKiosk[] = [];

  /** A sync client on `db`, stopped (and `db` closed) by the next stopAll(). */
  add(db: Database.Database, options: KioskSyncOptions): OpenKiosk {
    const kiosk = { db, sync: openKioskSync(db, options) };
    this.open.push(kiosk);
    return kiosk;
  }

  async stopAll(): Promise<void> {
    for (const { db, sync } of this.open.splice(0)) {
      await sync.stop();
      db.close();
    }
  }
}
