// Signalling load: N concurrent handoff calls through the hub's signalling socket (hub in its own
// process on SQLite, loopback). Each call is a kiosk socket (join token) and an agent socket (one
// account per call) that accepted it; then bounded one-second rounds in which every kiosk and every
// agent sends one ICE message stamped with its send time (the calls spread evenly over the second),
// and the other end records the delay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySeed, openSqliteHubStore, type HandoffAccepted } from '../src/index.ts';
import { SignalClient } from '../test/support/signal-client.ts';
import { startHubProcess } from './hub-process.ts';
import { percentile } from '../../scripts/lib/bench-results.ts';

export const KIOSK = { id: 'bench-kiosk', token: 'bench-kiosk-token-0123456789abcdef' };
export const PASSWORD = 'bench agent password';
const ROUND_MS = 1000;

export interface SignallingResult {
  sessions: number;
  p99Ms: number;
  p50Ms: number;
  samples: number;
  /** p99 of each one-second round alone. */
  roundP99Ms: number[];
}

/** A JSON POST (with a bearer token when given); fails on any answer but 2xx. */
export async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function measureSignalling(n: number, rounds: number): Promise<SignallingResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-sync-bench-signal-'));
  // Accounts are seeded before the hub starts (cheap PBKDF2: the bench measures signalling, not hashing).
  const store = openSqliteHubStore(join(dataDir, 'hub.sqlite'));
  const agents = Array.from({ length: n }, (_, i) => ({
    username: `bench-agent-${i}`,
    password: PASSWORD,
    role: 'agent' as const,
    displayName: `Bench ${i}`,
  }));
  await applySeed(store, { kiosks: [KIOSK], agents }, 1000);
  await store.close();
  // One kiosk stands for n customers here: lift its per-kiosk handoff limits to n.
  const hub = await startHubProcess({
    HUB_DATA_DIR: dataDir,
    HUB_SEED_ARTICLES: '0',
    HUB_HANDOFF_MAX_OPEN_PER_KIOSK: String(n),
    HUB_HANDOFF_MAX_PER_MINUTE: String(n),
  });
  try {
    return await relaySignals({ kiosk: hub.url, agent: hub.url }, agents, rounds);
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `agents.length` calls: each a kiosk socket on `urls.kiosk` (one bench kiosk's join tokens) and its own
 * agent socket on `urls.agent` that accepted it (two URLs: two hub instances, relayed between them);
 * then `rounds` one-second rounds in which every end sends one ICE message, spread evenly.
 */
export async function relaySignals(
  urls: { kiosk: string; agent: string },
  agents: readonly { username: string }[],
  rounds: number,
): Promise<SignallingResult> {
  const sockets: SignalClient[] = [];
  try {
    const pairs: { kiosk: SignalClient; agent: SignalClient }[] = [];
    for (const a of agents) {
      const { token } = await post<{ token: string }>(`${urls.agent}/api/agent/login`, {
        username: a.username,
        password: PASSWORD,
      });
      const req = await post<HandoffAccepted>(
        `${urls.kiosk}/api/handoff/requests`,
        { sessionId: `bench-${a.username}`, locale: 'en', reason: 'customer_request' },
        KIOSK.token,
      );
      if (!req.queued) throw new Error('the bench request was not queued');
      const kiosk = await SignalClient.open(urls.kiosk, req.joinToken);
      const agent = await SignalClient.open(urls.agent, token);
      sockets.push(kiosk, agent);
      await kiosk.next('ready');
      await agent.next('ready');
      agent.send({ t: 'accept' });
      await agent.next('assigned', () => true, 15_000);
      await kiosk.next('connected', () => true, 15_000);
      pairs.push({ kiosk, agent });
    }
    for (const s of sockets) s.received.length = 0;
    const delays: number[] = [];
    const rounds99: number[] = [];
    let round: number[] = [];
    const stamp = (
      dir: string,
      i: number,
    ): { t: 'signal'; data: { kind: 'ice'; candidate: string; sdpMid: null; sdpMLineIndex: null } } => ({
      t: 'signal',
      data: { kind: 'ice', candidate: `${dir}:${i}:${performance.now()}`, sdpMid: null, sdpMLineIndex: null },
    });
    const take = async (c: SignalClient, prefix: string): Promise<void> => {
      const m = await c.next(
        'signal',
        (x) => x.data.kind === 'ice' && x.data.candidate.startsWith(prefix),
        30_000,
      );
      if (m.data.kind !== 'ice') return;
      const delay = performance.now() - Number(m.data.candidate.split(':')[2]);
      delays.push(delay);
      round.push(delay);
    };
    // Each round lasts a second: every call sends one message each way, spread evenly over it.
    for (let r = 0; r < rounds; r += 1) {
      const arrivals = pairs.flatMap((p) => [take(p.agent, `k${r}:`), take(p.kiosk, `a${r}:`)]);
      await Promise.all(
        pairs.map(
          (p, i) =>
            new Promise<void>((sent) =>
              setTimeout(
                () => {
                  p.kiosk.send(stamp(`k${r}`, i));
                  p.agent.send(stamp(`a${r}`, i));
                  sent();
                },
                (i * ROUND_MS) / pairs.length,
              ),
            ),
        ),
      );
      await Promise.all(arrivals);
      rounds99.push(percentile(round, 99));
      round = [];
      for (const s of sockets) s.received.length = 0;
    }
    delays.sort((a, b) => a - b);
    const pct = (q: number): number =>
      delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN;
    return {
      sessions: pairs.length,
      p99Ms: pct(0.99),
      p50Ms: pct(0.5),
      samples: delays.length,
      roundP99Ms: rounds99,
    };
  } finally {
    for (const s of sockets) s.close();
  }
}
