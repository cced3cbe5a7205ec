// Node-only plumbing of the Node adapter: open the store (better-sqlite3 in dataDir, or PostgreSQL),
// prove the data folder writable, listen with errors that name the cause.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { openPostgresHubStore } from '../store/pg-store.ts';
import { openSqliteHubStore } from '../store/sqlite-store.ts';
import { DatabaseDamagedError } from '../store/storage-errors.ts';
import type { HubStore, StoreTestHooks } from '../store/types.ts';

/** Where the hub keeps its data. */
export type HubStoreChoice =
  | {
      kind: 'sqlite';
      /**
       * Largest size hub.sqlite may grow to, bytes (SQLite's max_page_count). A write beyond it is
       * refused as a full disk would be (507, nothing applied). Default: no limit but the disk's.
       */
      maxBytes?: number;
    }
  | {
      kind: 'postgres';
      /** postgres://user@host:port/database */
      url: string;
      /** Schema inside the database (default: public). Instances sharing data use the same one. */
      schema?: string;
      /** Connections in the pool. Default 10. */
      poolSize?: number;
      /** Connection attempt timeout. Default 5,000 ms. */
      connectTimeoutMs?: number;
      /** statement_timeout of every connection. Default 15,000 ms. */
      statementTimeoutMs?: number;
    };

export async function openStore(
  choice: HubStoreChoice,
  dataDir: string,
  hooks?: StoreTestHooks,
): Promise<HubStore> {
  if (choice.kind === 'postgres') {
    try {
      return await openPostgresHubStore({ ...choice, ...(hooks ? { hooks } : {}) });
    } catch (err) {
      const where = choice.url.replace(/\/\/[^@/]*@/, '//');
      throw new Error(`hub cannot open PostgreSQL at ${where}: ${(err as Error).message}`, { cause: err });
    }
  }
  ensureWritableDir(dataDir);
  const dbFile = join(dataDir, 'hub.sqlite');
  try {
    return openSqliteHubStore(dbFile, hooks, choice.maxBytes);
  } catch (err) {
    // Already one line naming the file and what to do; a restart cannot fix it.
    if (err instanceof DatabaseDamagedError) throw err;
    throw new Error(`hub cannot open its database ${dbFile}: ${(err as Error).message}`, { cause: err });
  }
}

function ensureWritableDir(dir: string): void {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    // access(W_OK) says yes to root even on a read-only mount, so try a real write.
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`hub dataDir ${dir} is not a writable folder (${code})`, { cause: err });
  }
}

export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(new Error(`hub port ${port} on ${host} is already in use`, { cause: err }));
      else if (err.code === 'EACCES')
        reject(new Error(`hub may not listen on port ${port} on ${host}`, { cause: err }));
      else reject(new Error(`hub cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
