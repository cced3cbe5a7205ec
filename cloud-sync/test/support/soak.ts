// The randomised soak: kiosks write while a fault proxy drops, delays, cuts and refuses; kiosk
// clients crash (database closed under running loops) and restart; the hub restarts; old batches are re-pushed
// duplicated and out of order. After healing, every change ever committed at every kiosk must be at
// the hub exactly once. Used by `npm run soak -w cloud-sync` and, shortened, by the integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ulid } from 'ulid';
import {
  openKioskSync,
  startHub,
  type HubStoreChoice,
  type KioskSync,
  type RunningHub,
} from '../../src/index.ts';
import { FaultProxy, type FaultMode } from './fault-proxy.ts';
import { seededRandom } from './seeded-random.ts';
import { NEXT_TICKET_STATUS, ticketCreate } from './store-contract-extra.ts';

export interface SoakOptions {
  rounds: number;
  kiosks?: number;
  /** Stops starting new rounds after this long (the drain still runs). */
  maxMs?: number;
  store?: HubStoreChoice;
  seed?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  rounds: number;
  changes: number;
  lost: number;
  duplicated: number;
  phantom: number;
  replayedBatches: number;
  /** Re-pushed changes the hub recognised and acknowledged without applying (retries, replays). */
  duplicatesAcknowledged: number;
  crashes: number;
  hubRestarts: number;
  faults: Record<string, number>;
  drainMs: number;
  store: string;
  ms: number;
}

interface Kiosk {
  id: string;
  token: string;
  file: string;
  db: Database.Database;
  sync: KioskSync;
  conversations: string[];
  tickets: Map<string, string>;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const started = Date.now();
  const seed = options.seed ?? Date.now();
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'cloud-sync-soak-'));
  const kioskCount = options.kiosks ?? 3;
  const creds = Array.from({ length: kioskCount }, (_, i) => ({
    id: `soak-${i}`,
    token: `soak-token-${i}-${ulid()}`,
  }));
  // Every application of every change id, counted inside the hub's transactions and across hub
  // restarts: a change applied twice shows up here even though the ledger would hide it.
  const appliedTimes = new Map<string, number>();
  let duplicatesAcknowledged = 0;
  const startSoakHub = (): Promise<RunningHub> =>
    startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(dir, 'hub'),
      store: options.store ?? { kind: 'sqlite' },
      seed: { kiosks: creds },
      operatorToken: 'soak-operator-token',
      storeHooks: {
        beforeCommit: (_kioskId, result) => {
          for (const id of result.applied) appliedTimes.set(id, (appliedTimes.get(id) ?? 0) + 1);
          duplicatesAcknowledged += result.duplicates.length;
        },
      },
    });
  let hub = await startSoakHub();
  let hubRestarts = 0;
  const proxy = await FaultProxy.start(Number(new URL(hub.url).port));
  const faults: Record<string, number> = {};
  let crashes = 0;
  let replayedBatches = 0;

  const openClient = (k: Omit<Kiosk, 'db' | 'sync'>): Kiosk => {
    const db = new Database(k.file);
    const sync = openKioskSync(db, {
      hubUrl: proxy.url,
      kioskId: k.id,
      token: k.token,
      batchSize: 1 + Math.floor(random() * 60),
      requestTimeoutMs: 400,
      backoffBaseMs: 10,
      backoffCapMs: 150,
      pushIntervalMs: 100,
      pullIntervalMs: 1000,
    });
    sync.start();
    return { ...k, db, sync };
  };
  let kiosks = creds.map((c, i) =>
    openClient({ ...c, file: join(dir, `kiosk-${i}.sqlite`), conversations: [], tickets: new Map() }),
  );

  const write = (k: Kiosk, n: number): void => {
    const now = new Date().toISOString();
    k.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const r = random();
        if (r < 0.2 || k.conversations.length === 0) {
          const c = {
            id: `c-${ulid()}`,
            kioskId: k.id,
            locale: pick(['en', 'zh-CN'] as const),
            startedAt: now,
          };
          k.sync.outbox.enqueue({ entity: 'conversation', data: c });
          k.conversations.push(c.id);
        } else if (r < 0.6) {
          const m = {
            id: `m-${ulid()}`,
            conversationId: pick(k.conversations),
            role: pick(['customer', 'bot'] as const),
            text: 'x'.repeat(1 + Math.floor(random() * 200)),
            at: now,
          };
          k.sync.outbox.enqueue({ entity: 'message', data: m });
        } else if (r < 0.75) {
          const e = {
            id: `e-${ulid()}`,
            kioskId: k.id,
            at: now,
            source: 'arm',
            type: 'arm.status',
            severity: 'info' as const,
            message: 'ok',
          };
          k.sync.outbox.enqueue({ entity: 'device_event', data: e });
        } else if (r < 0.8) {
          k.sync.outbox.enqueue({
            entity: 'health',
            data: { id: `h-${ulid()}`, kioskId: k.id, at: now, uptimeS: 1, devices: {} },
          });
        } else {
          const open = [...k.tickets].filter(([, s]) => NEXT_TICKET_STATUS[s]);
          if (open.length === 0 || random() < 0.3) {
            const id = `t-${ulid()}`;
            k.sync.outbox.enqueue({ entity: 'ticket', data: ticketCreate(id, k.id) });
            k.tickets.set(id, 'open');
          } else {
            const [id, status] = pick(open);
            const [from, to] = NEXT_TICKET_STATUS[status] as [string, string];
            k.sync.outbox.enqueue({
              entity: 'ticket',
              data: {
                id,
                kioskId: k.id,
                status: to as 'assigned',
                statusFrom: from as 'open',
                updatedAt: now,
              },
            });
            k.tickets.set(id, to);
          }
        }
      }
    })();
    k.sync.nudge();
  };

  /** Re-pushes a random slice of already-enqueued changes straight to the hub, reversed, twice at once. */
  const replay = async (k: Kiosk): Promise<void> => {
    const rows = k.db
      .prepare('SELECT id, entity, entity_id, hlc, data FROM sync_outbox ORDER BY random() LIMIT 40')
      .all() as { id: string; entity: string; entity_id: string; hlc: string; data: string }[];
    if (rows.length === 0) return;
    const changes = rows
      .map((r) => ({
        id: r.id,
        kioskId: k.id,
        entity: r.entity,
        entityId: r.entity_id,
        op: 'upsert',
        hlc: r.hlc,
        data: JSON.parse(r.data),
      }))
      .sort((a, b) => (a.hlc < b.hlc ? 1 : -1));
    const push = () =>
      fetch(`${hub.url}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${k.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changes }),
      }).then((r) => r.text());
    await Promise.all([push(), push()]);
    replayedBatches += 2;
  };

  let rounds = 0;
  const deadline = started + (options.maxMs ?? 60_000);
  try {
    for (; rounds < options.rounds && Date.now() < deadline; rounds++) {
      const r = random();
      if (r < 0.3) {
        const mode = pick(['pass', 'pass', 'delay', 'drop', 'drop_responses', 'refuse'] as FaultMode[]);
        proxy.set(mode, 5 + Math.floor(random() * 120));
        faults[mode] = (faults[mode] ?? 0) + 1;
      } else if (r < 0.4) {
        proxy.cut();
        faults.cut = (faults.cut ?? 0) + 1;
      } else if (r < 0.47) {
        // Crash: the database goes away under running loops, then the kiosk restarts on its file.
        const i = Math.floor(random() * kiosks.length);
        const k = kiosks[i] as Kiosk;
        k.db.close();
        await k.sync.stop();
        kiosks[i] = openClient(k);
        crashes += 1;
      } else if (r < 0.55) {
        await replay(pick(kiosks));
      } else if (r < 0.58) {
        // The hub goes down with requests in flight and comes back on the same data.
        await hub.close();
        hub = await startSoakHub();
        proxy.retarget(Number(new URL(hub.url).port));
        hubRestarts += 1;
      }
      for (const k of kiosks) if (random() < 0.6) write(k, 1 + Math.floor(random() * 12));
      await new Promise((res) => setTimeout(res, 10 + Math.floor(random() * 50)));
    }

    // Heal and drain.
    proxy.set('pass');
    const drainStart = Date.now();
    for (const k of kiosks) k.sync.nudge();
    while (kiosks.some((k) => k.sync.status().pending > 0)) {
      if (Date.now() - drainStart > 60_000)
        throw new Error('soak: outboxes did not drain within 60 s after healing');
      await new Promise((res) => setTimeout(res, 20));
    }
    const drainMs = Date.now() - drainStart;

    // The invariant: committed outbox ids == hub ledger ids, per kiosk; nothing applied twice.
    let changes = 0;
    let lost = 0;
    let phantom = 0;
    for (const k of kiosks) {
      const local = new Set(
        (k.db.prepare('SELECT id FROM sync_outbox').all() as { id: string }[]).map((r) => r.id),
      );
      const remote = await hub.store.changeIdsOf(k.id);
      const remoteSet = new Set(remote);
      changes += local.size;
      for (const id of local) if (!remoteSet.has(id)) lost += 1;
      for (const id of remoteSet) if (!local.has(id)) phantom += 1;
    }
    let duplicated = 0;
    for (const n of appliedTimes.values()) duplicated += n - 1;
    const stored = (await hub.store.stats()).changes;
    if (stored !== appliedTimes.size)
      throw new Error(`soak: ledger holds ${stored}, hub applied ${appliedTimes.size}`);
    const result: SoakResult = {
      rounds,
      changes,
      lost,
      duplicated,
      phantom,
      replayedBatches,
      duplicatesAcknowledged,
      crashes,
      hubRestarts,
      faults,
      drainMs,
      store: hub.store.kind,
      ms: Date.now() - started,
    };
    log(`soak seed ${seed}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    for (const k of kiosks) {
      await k.sync.stop();
      if (k.db.open) k.db.close();
    }
    kiosks = [];
    await proxy.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
