// The peer: the same 10,000 small documents replicated by PouchDB (leveldb on disk) to express-pouchdb
// (leveldb on disk, its own process) on loopback. The documents are written locally before the clock
// starts, as our kiosk's backlog is.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKG_ROOT } from '../hub-process.ts';
import { kioskChanges } from '../workload.ts';

interface PouchLike {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(url: string, opts: object): Promise<{ docs_written: number; ok: boolean }> };
  close(): Promise<void>;
}

/** `batchSize` undefined: PouchDB's default (100 documents a batch). */
export async function measurePouchReplication(
  n: number,
  batchSize?: number,
): Promise<{ seconds: number; docs: number }> {
  const require = createRequire(import.meta.url);
  // The peer has its own package.json here, out of cloud-sync's dependencies: install it on its own.
  try {
    require.resolve('pouchdb');
  } catch {
    throw new Error('the PouchDB peer is not installed: npm ci --prefix cloud-sync/bench/pouch');
  }
  const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-leveldb')) as new (
    name: string,
    opts: object,
  ) => PouchLike;
  const dir = mkdtempSync(join(tmpdir(), 'cloud-sync-pouch-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(PKG_ROOT, 'bench/pouch/pouch-server.ts')], {
    cwd: PKG_ROOT,
    env: { ...process.env, POUCH_DIR: join(dir, 'server') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
  try {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'server'), { recursive: true });
    const url = await new Promise<string>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`express-pouchdb did not start: ${errors}`)), 30_000);
      server.stdout?.on('data', (d: Buffer) => {
        const m = /"url":"([^"]+)"/.exec(d.toString());
        if (m) {
          clearTimeout(t);
          ok(m[1] as string);
        }
      });
      server.once('exit', (code) => fail(new Error(`express-pouchdb exited (${code}): ${errors}`)));
    });
    const local = new PouchDB(join(dir, 'kiosk'), { adapter: 'leveldb' });
    // The same payloads our kiosk pushes: each change's record as one document.
    const docs = kioskChanges('pouch-kiosk', n).map((c) => ({
      _id: c.data.id,
      ...c.data,
      entity: c.entity,
      hlc: c.hlc,
    }));
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
    const remote = `${url}/hub`;
    await fetch(remote, { method: 'PUT' });
    const t0 = performance.now();
    const result = await local.replicate.to(remote, batchSize ? { batch_size: batchSize } : {});
    const seconds = (performance.now() - t0) / 1000;
    await local.close();
    if (!result.ok || result.docs_written !== n)
      throw new Error(`replication wrote ${result.docs_written} of ${n}`);
    return { seconds, docs: n };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
