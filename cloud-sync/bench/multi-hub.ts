// Two hub instances (each its own process) on one PostgreSQL on this machine: simulated kiosks syncing
// a change every 10 s, each with its realtime socket, half on each instance, with one instance killed
// in the run's second phase (its kiosks retry on the other, as behind a load balancer); and handoff
// calls whose kiosk is on one instance and agent on the other. Load generator: raw HTTP and ws in
// this process.
import http from 'node:http';
import pg from 'pg';
import WebSocket from 'ws';
import { applySeed, EVENTS_PATH, openPostgresHubStore, type HubSeed } from '../src/index.ts';
import { percentile } from '../../scripts/lib/bench-results.ts';
import { startHubProcess, type HubProcess } from './hub-process.ts';
import { KIOSK, PASSWORD, relaySignals, type SignallingResult } from './signalling.ts';
import { kioskChanges, kioskCreds } from './workload.ts';
import { loopDelayProbe, type LoopDelay } from './loop-delay.ts';

export interface TwoHubs {
  hubs: HubProcess[];
  stop(): Promise<void>;
}

/** Seeds a fresh schema, then starts two instances on it. */
export async function startTwoHubs(
  pgUrl: string,
  schema: string,
  seed: HubSeed,
  env: Record<string, string> = {},
): Promise<TwoHubs> {
  const store = await openPostgresHubStore({ url: pgUrl, schema, poolSize: 2 });
  await applySeed(store, seed, 1000);
  await store.close();
  const hubEnv = {
    HUB_STORE: 'postgres',
    HUB_PG_URL: pgUrl,
    HUB_PG_SCHEMA: schema,
    HUB_SEED_ARTICLES: '0',
    ...env,
  };
  const hubs = await Promise.all([startHubProcess(hubEnv), startHubProcess(hubEnv)]);
  return {
    hubs,
    stop: async () => {
      await Promise.all(hubs.map((h) => h.stop()));
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => c.end());
    },
  };
}

export interface MultiHubSyncResult {
  kiosks: number;
  /** Kiosks whose every push of the steady phase succeeded at once. */
  kiosksOk: number;
  steadyPushes: number;
  p99Ms: number;
  p50Ms: number;
  /** p99 of each of 5 equal windows of the steady phase. */
  windowP99Ms: number[];
  killPushes: number;
  killP99Ms: number;
  lost: number;
  /** Failed first tries of the steady phase by cause (HTTP status or error code). */
  steadyFailures: Record<string, number>;
  /** Event-loop delay in the steady phase: this load generator, and each hub instance. */
  clientLoop: LoopDelay;
  hubLoops: LoopDelay[];
}

function post(agent: http.Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `kiosks` kiosks, each pushing one change every `intervalMs` (spread evenly) to its instance and
 * holding a realtime socket there: one interval of warm-up, `steadyS` seconds with both up, then `killS` seconds after instance
 * A is SIGKILLed (a failed push is retried on the other instance). Lost: changes pushed and never stored.
 */
export async function measureMultiHubSync(
  pgUrl: string,
  o: { kiosks: number; intervalMs: number; steadyS: number; killS: number },
): Promise<MultiHubSyncResult> {
  const creds = kioskCreds(o.kiosks);
  const schema = `bench_multi_${process.pid}`;
  const two = await startTwoHubs(pgUrl, schema, { kiosks: creds }, { HUB_PG_POOL: '10' });
  const urls = two.hubs.map((h) => h.url);
  const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
  const sockets: WebSocket[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  try {
    for (let i = 0; i < creds.length; i += 1) {
      const k = creds[i] as { id: string; token: string };
      const ws = new WebSocket(urls[i % 2]!.replace(/^http/, 'ws') + EVENTS_PATH, {
        headers: { authorization: `Bearer ${k.token}` },
      });
      ws.on('error', () => {});
      sockets.push(ws);
      await new Promise<void>((ok, fail) => {
        ws.once('open', () => ok());
        ws.once('error', fail);
      });
    }
    // Every push body is made before the clock starts: the load generator's own work (ids, HLC
    // stamps, JSON) must not sit inside the timed round trips.
    // (The settle phase's length depends on the machine: a kiosk that runs out makes its next body then.)
    const SETTLE_ALLOWANCE_MS = 30_000;
    const perKiosk = Math.ceil(
      (o.intervalMs + (o.steadyS + o.killS) * 1000 + SETTLE_ALLOWANCE_MS) / o.intervalMs,
    );
    const makeBody = (kioskId: string) => {
      const changes = kioskChanges(kioskId, 1);
      return { ids: changes.map((c) => c.id), body: JSON.stringify({ changes }) };
    };
    const bodies = creds.map((k) => Array.from({ length: perKiosk }, () => makeBody(k.id)));
    const clientLoop = loopDelayProbe();
    const pushed: string[] = [];
    // The first interval warms up (connections, JIT of two fresh processes) and is not counted.
    // 'settle': after the steady phase, until every push it started has been answered, so that no
    // steady push meets the kill (its retry would be counted as a steady failure, its delay in the tail).
    const phase = { name: 'warmup' as 'warmup' | 'steady' | 'settle' | 'kill' | 'done' };
    const steadyInflight = new Set<Promise<void>>();
    const delays = { steady: [] as number[], kill: [] as number[] };
    const steadyAt: number[] = [];
    let steadyFrom = 0;
    const failedKiosks = new Set<string>();
    const failures: Record<string, number> = {};
    const inflight = new Set<Promise<void>>();
    const pushOne = async (i: number): Promise<void> => {
      const k = creds[i] as { id: string; token: string };
      const { ids, body } = bodies[i]?.shift() ?? makeBody(k.id);
      const started = performance.now();
      const during = phase.name;
      for (let attempt = 0; ; attempt += 1) {
        // Its own instance first; after a failure, the other (the balancer's retry).
        const h = (i + attempt) % 2;
        let cause: string;
        try {
          const status = await post(agents[h]!, `${urls[h]}/api/sync/push`, k.token, body);
          if (status === 200) break;
          cause = `http_${status}`;
        } catch (err) {
          // refused, reset or timed out: retried below
          cause = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        }
        if (during === 'steady') {
          failedKiosks.add(k.id);
          failures[cause] = (failures[cause] ?? 0) + 1;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      pushed.push(...ids);
      if (during === 'steady' || during === 'kill') delays[during].push(performance.now() - started);
      if (during === 'steady') steadyAt.push(started - steadyFrom);
    };
    const schedule = (i: number): void => {
      if (phase.name === 'done') return;
      const steady = phase.name === 'steady';
      const p = pushOne(i).finally(() => {
        inflight.delete(p);
        steadyInflight.delete(p);
      });
      inflight.add(p);
      if (steady) steadyInflight.add(p);
      timers[i] = setTimeout(() => schedule(i), o.intervalMs);
    };
    for (let i = 0; i < creds.length; i += 1)
      timers[i] = setTimeout(() => schedule(i), (i * o.intervalMs) / creds.length);
    await new Promise((r) => setTimeout(r, o.intervalMs));
    phase.name = 'steady';
    steadyFrom = performance.now();
    clientLoop.reset();
    await Promise.all(two.hubs.map((h) => h.loopDelay()));
    await new Promise((r) => setTimeout(r, o.steadyS * 1000));
    const clientDelay = clientLoop.read();
    const hubLoops = await Promise.all(two.hubs.map((h) => h.loopDelay()));
    phase.name = 'settle';
    await Promise.all([...steadyInflight]);
    phase.name = 'kill';
    two.hubs[0]?.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, o.killS * 1000));
    phase.name = 'done';
    for (const t of timers) clearTimeout(t);
    await Promise.all([...inflight]);
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    const found = await c
      .query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.changes WHERE id = ANY($1)`, [pushed])
      .finally(() => c.end());
    return {
      kiosks: o.kiosks,
      kiosksOk: o.kiosks - failedKiosks.size,
      steadyPushes: delays.steady.length,
      p99Ms: percentile(delays.steady, 99),
      p50Ms: percentile(delays.steady, 50),
      windowP99Ms: [0, 1, 2, 3, 4].map((w) =>
        percentile(
          delays.steady.filter((_, i) => Math.floor((steadyAt[i] as number) / (o.steadyS * 200)) === w),
          99,
        ),
      ),
      killPushes: delays.kill.length,
      killP99Ms: percentile(delays.kill, 99),
      lost: pushed.length - Number(found.rows[0]?.n ?? 0),
      steadyFailures: failures,
      clientLoop: clientDelay,
      hubLoops,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    for (const ws of sockets) ws.terminate();
    for (const a of agents) a.destroy();
    await two.stop();
  }
}

/** `n` handoff calls with each kiosk socket on instance A and its agent's socket on instance B. */
export async function measureMultiHubSignalling(
  pgUrl: string,
  n: number,
  rounds: number,
): Promise<SignallingResult> {
  const agents = Array.from({ length: n }, (_, i) => ({
    username: `bench-agent-${i}`,
    password: PASSWORD,
    role: 'agent' as const,
    displayName: `Bench ${i}`,
  }));
  const two = await startTwoHubs(
    pgUrl,
    `bench_signal_${process.pid}`,
    { kiosks: [KIOSK], agents },
    { HUB_HANDOFF_MAX_OPEN_PER_KIOSK: String(n), HUB_HANDOFF_MAX_PER_MINUTE: String(n) },
  );
  try {
    return await relaySignals({ kiosk: two.hubs[0]!.url, agent: two.hubs[1]!.url }, agents, rounds);
  } finally {
    await two.stop();
  }
}
