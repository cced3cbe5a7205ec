// The supervisor wallboard's refresh on PostgreSQL: the hub in its own process on a scratch schema whose
// call-event log holds a week of calls (500 of them in the last hour) with their visits' conversations
// (ratings, emotion summaries); 50 agents signed in on their signalling sockets and a few customers
// waiting (one per kiosk, so 510 calls offered in the hour); then GET /api/agent/supervisor/wallboard one after another, timed from this process.
import { ulid } from 'ulid';
import pg from 'pg';
import {
  applySeed,
  Hlc,
  openPostgresHubStore,
  type CallEvent,
  type ChangeEnvelope,
  type HandoffAccepted,
  type HubStore,
} from '../src/index.ts';
import { SignalClient } from '../test/support/signal-client.ts';
import { percentile, TAIL_RUNS, tailOfRuns } from '../../scripts/lib/bench-results.ts';
import { startHubProcess } from './hub-process.ts';
import { post } from './signalling.ts';

const KIOSKS = Array.from({ length: 10 }, (_, i) => ({
  id: `wb-kiosk-${i}`,
  token: `wb-kiosk-token-${i}-0123456789`,
}));
const PASSWORD = 'bench agent password';
const QUEUES = ['agent', 'expert', 'risk'] as const;

export interface WallboardBench {
  p99Ms: number;
  p50Ms: number;
  perRunP99: number[];
  weekP99Ms: number;
  events: number;
}

/** Calls ending before `now`: `n` of them spread over `spanMs`; every event and visit of each. */
export async function fill(
  store: HubStore,
  n: number,
  spanMs: number,
  now: number,
  tag: string,
): Promise<number> {
  const events: CallEvent[] = [];
  const visits = new Map<string, ChangeEnvelope[]>();
  const hlc = new Hlc('wb-bench');
  for (let i = 0; i < n; i += 1) {
    const kiosk = KIOSKS[i % KIOSKS.length] as { id: string };
    const enq = now - spanMs + Math.floor((i * spanMs) / n);
    const wait = 5_000 + ((i * 7919) % 90_000);
    const talk = 60_000 + ((i * 104_729) % 400_000);
    const base = {
      handoffId: `${tag}-${i}`,
      queue: QUEUES[i % 3] as string,
      kioskId: kiosk.id,
      conversationId: `${tag}-visit-${i}`,
      negativeCue: i % 9 === 0,
      reason: null,
    };
    const at = (ms: number) => new Date(Math.min(ms, now - 1)).toISOString();
    const ev = (type: CallEvent['type'], t: number, more: Partial<CallEvent>): CallEvent => ({
      ...base,
      id: ulid(),
      type,
      at: at(t),
      agent: null,
      waitMs: null,
      handleMs: null,
      ...more,
    });
    events.push(ev('enqueued', enq, {}));
    if (i % 10 === 0) events.push(ev('abandoned', enq + wait, { waitMs: wait, reason: 'left_queue' }));
    else {
      const agent = `wb-agent-${i % 50}`;
      events.push(ev('answered', enq + wait, { agent, waitMs: wait }));
      events.push(ev('ended', enq + wait + talk, { agent, handleMs: talk, reason: 'ticket_filed' }));
    }
    const list = visits.get(kiosk.id) ?? [];
    list.push({
      id: ulid(),
      kioskId: kiosk.id,
      entity: 'conversation',
      entityId: base.conversationId,
      op: 'upsert',
      hlc: Hlc.serialize(hlc.now()),
      data: {
        id: base.conversationId,
        kioskId: kiosk.id,
        locale: i % 2 ? 'en' : 'zh-CN',
        startedAt: at(enq - 60_000),
        ...(i % 3 ? { rating: 1 + (i % 5) } : {}),
      },
    } as ChangeEnvelope);
    visits.set(kiosk.id, list);
  }
  for (let i = 0; i < events.length; i += 500)
    await Promise.all(events.slice(i, i + 500).map((e) => store.supervisor.events.append(e)));
  for (const [kioskId, list] of visits)
    for (let i = 0; i < list.length; i += 500) await store.applyChanges(kioskId, list.slice(i, i + 500));
  return events.length;
}

export async function measureWallboard(pgUrl: string, perRun: number): Promise<WallboardBench> {
  const schema = `bench_wallboard_${process.pid}`;
  const store = await openPostgresHubStore({ url: pgUrl, schema });
  const sockets: SignalClient[] = [];
  let stop = async (): Promise<void> => {};
  try {
    const agents = Array.from({ length: 50 }, (_, i) => ({
      username: `wb-agent-${i}`,
      password: PASSWORD,
      role: (['agent', 'expert', 'risk'] as const)[i % 3] as 'agent',
      displayName: `Agent ${i}`,
    }));
    const supervisor = {
      username: 'wb-sup',
      password: PASSWORD,
      role: 'supervisor' as const,
      displayName: 'Sup',
    };
    await applySeed(store, { kiosks: KIOSKS, agents: [...agents, supervisor] }, 1000);
    const now = Date.now();
    // The last hour's 500 calls (in its last 50 minutes, so they stay in the window while the bench
    // runs), and the rest of the week's (7,000 calls) behind them.
    let events = await fill(store, 500, 3_000_000, now, 'hour');
    events += await fill(store, 7_000, 7 * 86_400_000, now - 3_600_000, 'week');
    await store.close();
    const hub = await startHubProcess({
      HUB_STORE: 'postgres',
      HUB_PG_URL: pgUrl,
      HUB_PG_SCHEMA: schema,
      HUB_SEED_ARTICLES: '0',
      HUB_HANDOFF_MAX_OPEN_PER_KIOSK: '10',
    });
    stop = hub.stop;
    for (const a of agents) {
      const { token } = await post<{ token: string }>(`${hub.url}/api/agent/login`, a);
      sockets.push(await SignalClient.open(hub.url, token));
    }
    for (const [i, k] of KIOSKS.entries()) {
      const req = await post<HandoffAccepted>(
        `${hub.url}/api/handoff/requests`,
        { sessionId: `wb-waiting-${i}`, locale: 'en', reason: 'customer_request' },
        k.token,
      );
      if (req.queued) sockets.push(await SignalClient.open(hub.url, req.joinToken));
    }
    const { token } = await post<{ token: string }>(`${hub.url}/api/agent/login`, supervisor);
    const refresh = async (window: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${hub.url}/api/agent/supervisor/wallboard?window=${window}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { totals?: { offered: number }; agents?: unknown[] };
      const ms = performance.now() - t;
      if (
        res.status !== 200 ||
        (window === 'hour' && body.totals?.offered !== 500 + KIOSKS.length) ||
        body.agents?.length !== 50
      )
        throw new Error(`unexpected wallboard: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return ms;
    };
    for (let i = 0; i < 10; i += 1) await refresh('hour'); // warm-up
    const runs: number[][] = [];
    for (let r = 0; r < TAIL_RUNS; r += 1) {
      const run: number[] = [];
      for (let i = 0; i < perRun; i += 1) run.push(await refresh('hour'));
      runs.push(run);
    }
    const week: number[] = [];
    for (let i = 0; i < perRun; i += 1) week.push(await refresh('week'));
    const tail = tailOfRuns(runs, 99);
    return {
      p99Ms: tail.value,
      perRunP99: tail.perRun,
      p50Ms: percentile(runs.flat(), 50),
      weekP99Ms: percentile(week, 99),
      events,
    };
  } finally {
    for (const s of sockets) s.close();
    await stop();
    const c = new pg.Client({ connectionString: pgUrl });
    await c
      .connect()
      .then(() => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
      .finally(() => c.end());
  }
}
