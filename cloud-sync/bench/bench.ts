// npm run bench -w cloud-sync: writes bench-results/cloud-sync.json (format: ../shared/DESIGN.md,
// "Benchmarks"). Every figure is measured in this run, the PouchDB peer included. A figure that
// cannot be measured is reported with value null and the reason; benchmarks never fail the build.
//   BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch schema, dropped afterwards)
//   CLOUD_BENCH_ONLY=multi_hub: only the two-instance figures (multi-hub.ts), into cloud-sync-multi-hub.json
//   CLOUD_BENCH_ONLY=wallboard: only the wallboard's figures, into cloud-sync-wallboard.json
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { round, TAIL_RUNS, writeResults, type Figure } from '../../scripts/lib/bench-results.ts';
import { measureBacklogDrain, measurePublishToKiosk } from './backlog.ts';
import { measureIngest } from './ingest.ts';
import { measurePouchReplication } from './pouch/pouch-peer.ts';
import { measureSignalling, type SignallingResult } from './signalling.ts';
import { multiHubFigures } from './multi-hub-figures.ts';
import { measureWallboard, type WallboardBench } from './wallboard.ts';

const figures: Figure[] = [];
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function figure(
  name: string,
  unit: string,
  target: string | undefined,
  how: string,
  run: () => Promise<number>,
): Promise<number | null> {
  process.stderr.write(`bench: ${name} ...\n`);
  try {
    const value = round(await run());
    figures.push({ name, value, unit, ...(target ? { target } : {}), how });
    process.stderr.write(`bench: ${name} = ${value} ${unit}\n`);
    return value;
  } catch (err) {
    figures.push({
      name,
      value: null,
      unit,
      ...(target ? { target } : {}),
      how: `not measured: ${(err as Error).message.slice(0, 300)} | ${how}`,
    });
    process.stderr.write(`bench: ${name} failed: ${(err as Error).message}\n`);
    return null;
  }
}

/** The supervisor's wallboard (issue 18) on PostgreSQL. */
async function wallboardBench(): Promise<void> {
  const WALLBOARD_PER_RUN = 100;
  let board: WallboardBench | null = null;
  await figure(
    'wallboard_refresh_p99_ms',
    'ms',
    '<= 200',
    `GET /api/agent/supervisor/wallboard?window=hour one after another from this process, the hub in its own process on PostgreSQL (scratch schema): 50 agents signed in on their signalling sockets, 10 customers waiting, 500 calls in the hour's call-event log (with their visits' conversations) and 7,000 more over the week; p99 of each of ${TAIL_RUNS} runs of ${WALLBOARD_PER_RUN}, median of those (per run in wallboard_refresh_p99_ms_worst_run)`,
    async () => {
      board = await measureWallboard(pgUrl, WALLBOARD_PER_RUN);
      return board.p99Ms;
    },
  );
  const wb = board as WallboardBench | null;
  figures.push({
    name: 'wallboard_refresh_p50_ms',
    value: wb ? round(wb.p50Ms, 2) : null,
    unit: 'ms',
    how: 'median of all the hour-window refreshes above',
  });
  figures.push({
    name: 'wallboard_refresh_week_p99_ms',
    value: wb ? round(wb.weekP99Ms, 2) : null,
    unit: 'ms',
    how: `p99 of ${WALLBOARD_PER_RUN} refreshes of the week's window (about 7,500 calls, ${wb?.events ?? '?'} events in the log) on the same hub`,
  });
  figures.push({
    name: 'wallboard_refresh_p99_ms_worst_run',
    value: wb ? round(Math.max(...wb.perRunP99), 2) : null,
    unit: 'ms',
    how: `the slowest run's p99 of the ${TAIL_RUNS} (each run: ${wb ? wb.perRunP99.map((v) => round(v, 1)).join(', ') : 'none'} ms)`,
  });
}

if (process.env.CLOUD_BENCH_ONLY === 'wallboard') {
  await wallboardBench();
  writeResults('cloud-sync-wallboard', figures);
  process.exit(0);
}

const INGEST = { kiosks: 100, perKiosk: 500, batch: 250 };
const ingestHow = (store: string) =>
  `${INGEST.kiosks} simulated kiosks push ${INGEST.perKiosk} changes each (batches of ${INGEST.batch}, conversations + messages, all kiosks at once over loopback HTTP) to the hub in its own process on ${store}; applied changes / wall time`;

if (process.env.CLOUD_BENCH_ONLY === 'multi_hub') {
  await multiHubFigures(pgUrl, figure, figures);

  writeResults('cloud-sync-multi-hub', figures);
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'cloud-sync-bench-hub-'));
await figure(
  'ingest_changes_per_s_sqlite',
  'changes/s',
  '>= 10000',
  ingestHow('SQLite (WAL, synchronous=FULL)'),
  async () => (await measureIngest({ HUB_DATA_DIR: dataDir }, INGEST)).changesPerS,
);
rmSync(dataDir, { recursive: true, force: true });

const schema = `bench_${process.pid}`;
await figure(
  'ingest_changes_per_s_postgres',
  'changes/s',
  undefined,
  ingestHow('PostgreSQL (set-based batch apply)'),
  async () => {
    try {
      return (
        await measureIngest({ HUB_STORE: 'postgres', HUB_PG_URL: pgUrl, HUB_PG_SCHEMA: schema }, INGEST)
      ).changesPerS;
    } finally {
      const c = new pg.Client({ connectionString: pgUrl });
      await c
        .connect()
        .then(() => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
        .finally(() => c.end());
    }
  },
);

const N = 10_000;
const drain = await figure(
  'backlog_10k_drain_s',
  's',
  '<= 1.5',
  `a kiosk starts with ${N} changes in its outbox (default client options: batches of up to 500 changes / 512 KiB); openKioskSync.start() until pending = 0, hub (SQLite) in its own process, loopback`,
  async () => (await measureBacklogDrain(N)).seconds,
);
await figure(
  'backlog_10k_drain_s_batch100',
  's',
  undefined,
  "as backlog_10k_drain_s with batchSize 100 (PouchDB's default batch)",
  async () => (await measureBacklogDrain(N, 100)).seconds,
);
const ours = drain === null ? null : N / drain;
if (ours !== null)
  figures.push({
    name: 'backlog_changes_per_s',
    value: round(ours, 1),
    unit: 'changes/s',
    how: `${N} / backlog_10k_drain_s`,
  });

const pouch = await figure(
  'pouchdb_changes_per_s',
  'docs/s',
  undefined,
  `the same ${N} records as documents, written to a local PouchDB (leveldb on disk) first, then replicate.to() an express-pouchdb server (leveldb on disk, own process) on loopback with PouchDB's default batch_size (100); docs / wall time of the replication`,
  async () => N / (await measurePouchReplication(N)).seconds,
);
const pouch500 = await figure(
  'pouchdb_changes_per_s_batch500',
  'docs/s',
  undefined,
  'as pouchdb_changes_per_s with batch_size 500',
  async () => N / (await measurePouchReplication(N, 500)).seconds,
);
figures.push({
  name: 'ratio_vs_pouchdb',
  value: ours !== null && pouch !== null ? round(ours / pouch, 2) : null,
  unit: 'x',
  target: '>= 5',
  how: 'backlog_changes_per_s / pouchdb_changes_per_s, both measured in this run, each with its default batch size (ours 500, PouchDB 100); equal batches: see the _batch100 / _batch500 figures',
});

figures.push({
  name: 'ratio_vs_pouchdb_same_batch',
  value: ours !== null && pouch500 !== null ? round(ours / pouch500, 2) : null,
  unit: 'x',
  how: 'backlog_changes_per_s / pouchdb_changes_per_s_batch500: both sides with batches of 500',
});

let latencies: number[] = [];
await figure(
  'kb_publish_to_kiosk_s',
  's',
  '<= 5',
  'median of 5: POST /api/admin/articles at the hub (own process, SQLite) until the kiosk client fires onArticles with the new article (realtime nudge, then pull); loopback',
  async () => {
    latencies = await measurePublishToKiosk(5);
    return [...latencies].sort((a, b) => a - b)[2] as number;
  },
);
if (latencies.length > 0)
  figures.push({
    name: 'kb_publish_to_kiosk_max_s',
    value: round(Math.max(...latencies)),
    unit: 's',
    target: '<= 5',
    how: 'slowest of the 5 above',
  });

// Video handoff signalling (issue 8): N calls held at once, p99 relay delay under a burst per round.
const SIGNAL = { sessions: 500, rounds: 10 };
let signalling: SignallingResult | null = null;
await figure(
  'signalling_sessions',
  'sessions',
  '>= 500',
  `handoff calls established and relaying at once: ${SIGNAL.sessions} kiosk sockets (join tokens) each paired with its own signed-in agent socket that accepted it, hub (SQLite) in its own process, load generator in this process, loopback`,
  async () => {
    signalling = await measureSignalling(SIGNAL.sessions, SIGNAL.rounds);
    return signalling.sessions;
  },
);
const sig = signalling as SignallingResult | null;
figures.push({
  name: 'signalling_p99_ms',
  value: sig ? round(sig.p99Ms, 2) : null,
  unit: 'ms',
  target: '<= 20',
  how: `p99 of ${sig?.samples ?? 0} relay delays (send to receipt at the other end, same clock): ${SIGNAL.rounds} one-second rounds in which every kiosk and every agent of the ${SIGNAL.sessions} calls sends one ICE message, the calls spread evenly over the second (${2 * SIGNAL.sessions} messages/s through the hub)`,
});
figures.push({
  name: 'signalling_p50_ms',
  value: sig ? round(sig.p50Ms, 2) : null,
  unit: 'ms',
  how: 'median of the same relay delays',
});

await multiHubFigures(pgUrl, figure, figures);
await wallboardBench();

writeResults('cloud-sync', figures);
