// Handoff across two hub instances (each its own process) on one PostgreSQL, behind a round-robin
// proxy: a kiosk on A and an agent on B connect their call (signalling relayed over LISTEN/NOTIFY,
// an offer too big for one NOTIFY included); killing A while customers wait, they reconnect with
// their join tokens through B and keep their places in line.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  AgentLoginResponseSchema,
  HandoffAcceptedSchema,
  applySeed,
  openPostgresHubStore,
  type HubStore,
} from '../src/index.ts';
import { AGENT, KIOSK_A, KIOSK_B, TEST_ITERATIONS, TempDirs } from './helpers.ts';
import { waitForLine, stopChild } from './support/child.ts';
import { createTestDatabase, freshSchema, type TestDatabase } from './support/pg.ts';
import { RoundRobinProxy } from './support/round-robin-proxy.ts';
import { SignalClient } from './support/signal-client.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = new TempDirs();
const sockets: SignalClient[] = [];
let pgdb: TestDatabase;
let store: HubStore;
let hubs: ChildProcess[] = [];
let urls: string[] = [];
let proxy: RoundRobinProxy;

async function startHubChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/hub-child.ts')], {
    cwd: root,
    env: { ...process.env, ...env, KIOSKS: `${KIOSK_A.id}:${KIOSK_A.token},${KIOSK_B.id}:${KIOSK_B.token}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, (l) => l.includes('hub.started'), 30_000);
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

/** A signalling socket through the proxy, to instance `i` (0: A, 1: B). */
async function openVia(i: number, token: string): Promise<SignalClient> {
  proxy.sendNextTo(i);
  const s = await SignalClient.open(proxy.url, token);
  expect(proxy.routed.at(-1)).toBe(i);
  sockets.push(s);
  return s;
}

async function post(path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(proxy.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function ask(kiosk: { token: string }) {
  const body = { sessionId: `s-${ulid()}`, locale: 'en', reason: 'customer_request' };
  const accepted = HandoffAcceptedSchema.parse(await post('/api/handoff/requests', body, kiosk.token));
  if (!accepted.queued) throw new Error('expected the request to be queued');
  return accepted;
}

const login = async () =>
  AgentLoginResponseSchema.parse(
    await post('/api/agent/login', { username: AGENT.username, password: AGENT.password }),
  ).token;

beforeAll(async () => {
  pgdb = await createTestDatabase('cloud_sync_handoff_multi');
  const choice = { kind: 'postgres' as const, url: pgdb.url, schema: freshSchema(), poolSize: 2 };
  store = await openPostgresHubStore(choice);
  await applySeed(store, { kiosks: [KIOSK_A, KIOSK_B], agents: [AGENT] }, TEST_ITERATIONS);
  const env = { HUB_STORE: 'postgres', HUB_PG_URL: choice.url, HUB_PG_SCHEMA: choice.schema };
  const started = await Promise.all([
    startHubChild({ ...env, HUB_DATA_DIR: dirs.make() }),
    startHubChild({ ...env, HUB_DATA_DIR: dirs.make() }),
  ]);
  hubs = started.map((s) => s.child);
  urls = started.map((s) => s.url);
  proxy = await RoundRobinProxy.start(urls.map((u) => Number(new URL(u).port)));
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await proxy?.close();
  await Promise.all(hubs.map((h) => stopChild(h)));
  await store?.close();
  await pgdb?.drop();
  dirs.cleanup();
});

describe('handoff across two hub instances on one PostgreSQL', () => {
  it('connects a kiosk on A with an agent on B: offer, answer and ICE relayed both ways', async () => {
    const a = await ask(KIOSK_A);
    const kiosk = await openVia(0, a.joinToken);
    await kiosk.next('ready');
    expect(await kiosk.next('queue')).toMatchObject({ position: 1 });
    const agent = await openVia(1, await login());
    await agent.next('ready');
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(a.handoffId);
    expect((await kiosk.next('connected')).agentName).toBe(AGENT.displayName);
    // An offer bigger than one NOTIFY may carry (8000 bytes) goes by row id.
    const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host\r\n'.repeat(350)}`;
    expect(sdp.length).toBeGreaterThan(8000);
    kiosk.send({ t: 'signal', data: { kind: 'offer', sdp } });
    expect((await agent.next('signal')).data).toEqual({ kind: 'offer', sdp });
    agent.send({ t: 'signal', data: { kind: 'answer', sdp: 'v=0 answer from B' } });
    expect((await kiosk.next('signal')).data).toEqual({ kind: 'answer', sdp: 'v=0 answer from B' });
    const ice = {
      kind: 'ice' as const,
      candidate: 'candidate:2 1 udp 1 10.0.0.2 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    for (let i = 0; i < 5; i += 1)
      agent.send({ t: 'signal', data: { ...ice, candidate: `${ice.candidate} ${i}` } });
    for (let i = 0; i < 5; i += 1)
      expect((await kiosk.next('signal')).data).toEqual({ ...ice, candidate: `${ice.candidate} ${i}` });
    agent.send({ t: 'end', notes: 'Helped across instances.', resolved: true });
    expect((await kiosk.next('ended')).ticketId).toBe(`handoff-${a.handoffId}`);
    expect((await agent.next('ended')).ticketId).toBe(`handoff-${a.handoffId}`);
    agent.close();
  });

  it('keeps waiting customers in their places when instance A is killed: they resume through B', async () => {
    const first = await ask(KIOSK_A);
    const second = await ask(KIOSK_B);
    const kiosk1 = await openVia(0, first.joinToken);
    await kiosk1.next('ready');
    const kiosk2 = await openVia(0, second.joinToken);
    await kiosk2.next('ready');
    expect(await kiosk2.next('queue', (m) => m.position === 2)).toMatchObject({ position: 2 });
    const before = await Promise.all([
      store.handoffs.get(first.handoffId),
      store.handoffs.get(second.handoffId),
    ]);

    hubs[0]?.kill('SIGKILL');
    expect(await kiosk1.closed(10_000)).toBe(1006);
    expect(await kiosk2.closed(10_000)).toBe(1006);

    // The second customer happens to come back first, sent to A: the proxy finds A refusing and takes them to B.
    proxy.sendNextTo(0);
    const back2 = await SignalClient.open(proxy.url, second.joinToken);
    sockets.push(back2);
    expect(proxy.routed.at(-1)).toBe(1);
    await back2.next('ready');
    const back1 = await openVia(1, first.joinToken);
    await back1.next('ready');
    expect(await back1.next('queue', (m) => m.position === 1)).toMatchObject({ position: 1 });
    expect(await back2.next('queue', (m) => m.position === 2)).toMatchObject({ position: 2 });
    const after = await Promise.all([
      store.handoffs.get(first.handoffId),
      store.handoffs.get(second.handoffId),
    ]);
    expect(after.map((h) => [h?.state, h?.enqueuedAt, h?.priority])).toEqual(
      before.map((h) => ['waiting', h?.enqueuedAt, h?.priority]),
    );

    // The agent (on B, the instance left) gets the customer who waited longest.
    const agent = await openVia(1, await login());
    await agent.next('ready');
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(first.handoffId);
    await back1.next('connected');
    expect(await back2.next('queue', (m) => m.position === 1)).toMatchObject({ position: 1 });
  });
});
