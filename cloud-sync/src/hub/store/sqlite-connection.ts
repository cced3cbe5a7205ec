// The part of a SQLite connection the hub's SQLite store uses. better-sqlite3 (Node) has it as is;
// adaptNodeSqlite() gives it to a `node:sqlite` DatabaseSync, which is how the store runs on Deno
// (Deno cannot load better-sqlite3's V8/nan addon). No imports: this file runs everywhere.

export interface SqliteStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint };
}

export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  /** Wraps `fn` so that each call runs in one transaction, rolled back when `fn` throws. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  readonly open: boolean;
  close(): unknown;
}

/** The shape of node:sqlite's DatabaseSync that the adapter needs. */
export interface NodeSqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  readonly isOpen: boolean;
  close(): void;
}

/** A better-sqlite3-shaped connection over node:sqlite (Deno 2, Node 22+). */
export function adaptNodeSqlite(db: NodeSqliteDatabase): SqliteConnection {
  let depth = 0;
  return {
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => db.exec(sql),
    pragma(sql, options) {
      const row = db.prepare(`PRAGMA ${sql}`).get() as Record<string, unknown> | undefined;
      return options?.simple ? (row ? Object.values(row)[0] : undefined) : row;
    },
    transaction(fn) {
      return (...args) => {
        // Nested calls use savepoints, as better-sqlite3 does.
        const name = `sp${depth}`;
        db.exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${name}`);
        depth += 1;
        try {
          const out = fn(...args);
          depth -= 1;
          db.exec(depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
          return out;
        } catch (err) {
          depth -= 1;
          db.exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
          throw err;
        }
      };
    },
    get open() {
      return db.isOpen;
    },
    close: () => db.close(),
  };
}
