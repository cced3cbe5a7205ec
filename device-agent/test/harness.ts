// Test harness: a real firmware simulator (pty child process), a real hub, and a real agent on
// ephemeral ports, with the agent's log captured to a file for the privacy scans.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ARTICLES, startHub, type RunningHub, type StartHubOptions } from '@branch/cloud-sync';
import { startSimulatorProcess, type SimulatorProcess } from '@branch/firmware-bridge';
import WebSocket from 'ws';
import { startAgent, type AgentOptions, type RunningAgent } from '../src/index.ts';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';
import { closeSocket, opened } from './support/socket-lifecycle.ts';

export const TECH_PIN = '482916';
export const CARD_KEY = '8f4c2a1e9b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a29181716151413121110ffee';

export interface Harness {
  dir: string;
  logFile: string;
  sim: SimulatorProcess;
  hub: RunningHub;
  agent: RunningAgent;
  close(): Promise<void>;
}

/**
 * Resolves once the agent serves customers (its arm link up, as the kiosk page waits for it too): a test
 * that starts a session sooner would meet deviceNotReady while the arm still connects.
 */
async function untilAvailable(agentUrl: string): Promise<void> {
  let last: unknown = null;
  await waitFor(
    async () => {
      const res = await fetch(new URL('/healthz', agentUrl)).catch(() => null);
      last = res ? ((await res.json()) as { availability?: unknown }).availability : 'no answer';
      return (last as { available?: boolean } | null)?.available === true ? true : undefined;
    },
    30_000,
    'the agent to become available',
  ).catch((err: Error) => {
    throw new Error(`${err.message}; last availability ${JSON.stringify(last)}`);
  });
}

/** `hubOverrides`: more options of the real hub (a store test hook, for instance). */
export async function startHarness(
  overrides: Partial<AgentOptions> = {},
  hubOverrides: Partial<StartHubOptions> = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'device-agent-'));
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
    closers.push(() => sim.stop());
    const kioskToken = 'kiosk-token-for-tests-0123456789abcdef';
    const hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(dir, 'hub'),
      seed: { kiosks: [{ id: 'kiosk-t1', token: kioskToken }], articles: DEFAULT_ARTICLES },
      passwordIterations: 1000,
      ...hubOverrides,
    });
    closers.push(() => hub.close());
    const logFile = join(dir, 'agent.log');
    const agent = await startAgent({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(dir, 'agent'),
      mode: 'simulation',
      kioskId: 'kiosk-t1',
      hub: { url: hub.url, token: kioskToken },
      cardKey: CARD_KEY,
      arm: { dialect: 'binary', path: sim.port },
      safety: { presenceClearMs: 200, estopDebounceMs: 5 },
      technician: { pinHash: await hashTechnicianPin(TECH_PIN, { N: 1024, r: 8, p: 1 }), port: 0 },
      deviceStatus: { kind: 'simulator', url: sim.control.url },
      logger: { level: 'debug', file: logFile },
      ...overrides,
    });
    closers.push(() => agent.close());
    await untilAvailable(agent.url);
    return { dir, logFile, sim, hub, agent, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Frame {
  header: { type: string; name: string; requestId: number; version: string };
  payload: Record<string, unknown>;
}

/** A kiosk WebSocket client that records every frame it receives (raw text kept for scans). */
export class KioskClient {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  private nextId = 1;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      this.frames.push(JSON.parse(text) as Frame);
    });
  }

  static async connect(agentUrl: string): Promise<KioskClient> {
    // As the kiosk page does: it fetches this boot's secret, and its browser names the agent's origin.
    const boot = encodeURIComponent(await bootTokenOf(agentUrl));
    const ws = new WebSocket(`${agentUrl.replace('http', 'ws')}/ws?boot=${boot}`, { origin: agentUrl });
    const c = new KioskClient(ws);
    await opened(ws);
    return c;
  }

  sendRaw(text: string): void {
    this.raw.push(`>>${text}`);
    this.ws.send(text);
  }

  /** Sends a command and resolves with its completion. */
  async command(name: string, payload: unknown, timeoutMs = 10_000): Promise<Frame> {
    const requestId = this.nextId++;
    this.sendRaw(JSON.stringify({ header: { type: 'command', name, requestId, version: '1.0' }, payload }));
    return this.completion(requestId, timeoutMs);
  }

  completion(requestId: number, timeoutMs = 10_000): Promise<Frame> {
    return waitFor(
      () => this.frames.find((f) => f.header.type === 'completion' && f.header.requestId === requestId),
      timeoutMs,
      `completion ${requestId}`,
    );
  }

  close(): Promise<void> {
    return closeSocket(this.ws);
  }
}

/** This boot's kiosk secret, as the agent hands it to its own pages (GET /kiosk/boot). */
export async function bootTokenOf(agentUrl: string): Promise<string> {
  const res = await fetch(new URL('/kiosk/boot', agentUrl));
  if (!res.ok) throw new Error(`GET /kiosk/boot answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** POSTs JSON; a request to the agent's /sim/api carries the boot secret, as the panel page's do. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const boot: Record<string, string> = new URL(url).pathname.startsWith('/sim/api/')
    ? { 'x-kiosk-boot': await bootTokenOf(url) }
    : {};
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...boot, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
