// A local copy of one downstream sequence (articles, settings). A pulled page and its checkpoint
// commit together, so a crash between them can only cause the same page to be pulled again; the
// upsert lets only a newer version replace a stored row, so that second copy changes nothing.
import type BetterSqlite3 from 'better-sqlite3';
import { SyncStateValue } from './sync-state.ts';

export class PagedReplica<T> {
  private readonly upsert: BetterSqlite3.Statement;
  private readonly savedCheckpoint: SyncStateValue;

  /** `upsertSql` takes the named parameters that `toRow` gives each pulled item. */
  constructor(
    protected readonly db: BetterSqlite3.Database,
    checkpointKey: string,
    upsertSql: string,
    private readonly toRow: (item: T) => Record<string, unknown>,
  ) {
    this.upsert = db.prepare(upsertSql);
    this.savedCheckpoint = new SyncStateValue(db, checkpointKey);
  }

  checkpoint(): string {
    return this.savedCheckpoint.get() ?? '';
  }

  /** Applies one pulled page and moves the checkpoint in the same transaction; returns rows changed. */
  applyPage(items: readonly T[], checkpoint: string): number {
    return this.db.transaction(() => {
      let changed = 0;
      for (const item of items) changed += this.upsert.run(this.toRow(item)).changes;
      this.savedCheckpoint.set(checkpoint);
      return changed;
    })();
  }
}
