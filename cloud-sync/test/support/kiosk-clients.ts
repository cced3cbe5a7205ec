// Kiosk sync clients a test file opens, each on its own kiosk database; stopAll() (in afterEach)
// stops every client and closes its database, so no loop or file outlives its test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type Database from 'better-sqlite3';
import { openKioskSync, type KioskSync, type KioskSyncOptions, type RunningHub } from '../../src/index.ts';
import { TempDirs, startTestHub } from '../helpers.ts';

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

/**
 * One hub for the whole test file (started in beforeAll, closed in afterAll) and kiosk clients
 * stopped after each test. `hub` is set once beforeAll has run.
 */
export function sharedHubWithKiosks(): { dirs: TempDirs; kiosks: KioskClients; hub: RunningHub } {
  const dirs = new TempDirs();
  const shared = { dirs, kiosks: new KioskClients(), hub: undefined as unknown as RunningHub };
  beforeAll(async () => {
    shared.hub = await startTestHub(dirs.make());
  });
  afterEach(() => shared.kiosks.stopAll());
  afterAll(async () => {
    await shared.hub.close();
    dirs.cleanup();
  });
  return shared;
}
