// Review finding 11 (issue 14), storage: a damaged hub.sqlite is named at start in one line (and marked
// permanent, so the launcher stops restarting), and a full database answers 507 with nothing applied
// and nothing lost: the kiosk keeps the change in its outbox and it lands once there is room.
import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { classifyPushFailure } from '../src/client/push-failure.ts';
import { HubRequestError } from '../src/client/hub-http.ts';
import { DatabaseDamagedError, Hlc, startHub, type RunningHub } from '../src/index.ts';
import { api, conversation, KIOSK_A, message, startTestHub } from './helpers.ts';

const dirs: string[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hub-storage-'));
  dirs.push(d);
  return d;
}

const start = (dataDir: string) =>
  startHub({ host: '127.0.0.1', port: 0, dataDir, passwordIterations: 1000 });

describe('hub database health at start', () => {
  it('refuses a garbage hub.sqlite with one line that says it is damaged and what to do', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hub.sqlite'), Buffer.alloc(16_384, 0x5a));
    const err = (await start(dir).then(
      () => null,
      (e: unknown) => e,
    )) as DatabaseDamagedError | null;
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    expect(err?.permanent).toBe(true);
    expect(err?.message).toMatch(/hub\.sqlite is damaged .*restore it from a backup/);
    expect(err?.message).not.toMatch(/\n/);
  });

  it('finds a hub.sqlite whose pages were overwritten (quick_check), not only a foreign file', async () => {
    const dir = tempDir();
    hubs.push(await start(dir));
    await hubs.pop()?.close();
    const file = join(dir, 'hub.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    expect(pages).toBeGreaterThan(3);
    // Scribble over every page but the header page: the file still opens, its tables do not read.
    const h = openSync(file, 'r+');
    writeSync(h, Buffer.alloc(size * (pages - 1), 0xa5), 0, size * (pages - 1), size);
    closeSync(h);
    await expect(start(dir)).rejects.toBeInstanceOf(DatabaseDamagedError);
  });
});

describe('a full hub store', () => {
  const conv = conversation(KIOSK_A.id, new Date().toISOString());
  const clock = new Hlc(KIOSK_A.id);
  const envelope = (entity: string, entityId: string, data: unknown) => ({
    id: ulid(),
    kioskId: KIOSK_A.id,
    entity,
    entityId,
    op: 'upsert',
    hlc: Hlc.serialize(clock.now()),
    data,
  });
  const batch = () => [
    envelope('conversation', conv.id, conv),
    ...Array.from({ length: 39 }, (_, i) => {
      const m = message(conv.id, `${'padding '.repeat(480)}${i}`, new Date().toISOString());
      return envelope('message', m.id, m);
    }),
  ];

  it('answers 507 with nothing applied, counts it, and takes the same changes once there is room', async () => {
    const dir = tempDir();
    const first = await startTestHub(dir);
    await first.close();
    // The database may grow by a few pages only: a batch of large conversations does not fit.
    const size = statSync(join(dir, 'hub.sqlite')).size;
    const full = await startTestHub(dir, { store: { kind: 'sqlite', maxBytes: size + 8 * 4096 } });
    hubs.push(full);
    const changes = batch();
    const refused = await api(full, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: { changes } });
    expect(refused.status).toBe(507);
    expect(refused.body.error.code).toBe('storage_full');
    const metrics = await (await fetch(`${full.url}/metrics`)).text();
    expect(metrics).toMatch(/^hub_storage_full_total 1$/m);
    expect((await fetch(`${full.url}/healthz`)).status).toBe(200);
    // The kiosk keeps such a batch queued and retries it (507 is not a refusal of the change).
    expect(classifyPushFailure(new HubRequestError('full', 507, 'storage_full'), 40).kind).toBe('retry');
    await hubs.pop()?.close();
    const roomy = await startTestHub(dir);
    hubs.push(roomy);
    const retried = await api(roomy, 'POST', '/api/sync/push', { token: KIOSK_A.token, body: { changes } });
    expect(retried.status).toBe(200);
    expect(retried.body.applied).toHaveLength(40);
  });
});
