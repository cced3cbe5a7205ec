// One value of the kiosk's sync_state table (a pull checkpoint, the last HLC), read and written
// through statements prepared once.
import type BetterSqlite3 from 'better-sqlite3';

export class SyncStateValue {
  private readonly save: BetterSqlite3.Statement;
  private readonly read: BetterSqlite3.Statement;

  constructor(
    db: BetterSqlite3.Database,
    private readonly key: string,
  ) {
    this.save = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.read = db.prepare('SELECT value FROM sync_state WHERE key = ?');
  }

  get(): string | undefined {
    return (this.read.get(this.key) as { value: string } | undefined)?.value;
  }

  set(value: string): void {
    this.save.run(this.key, value);
  }
}
