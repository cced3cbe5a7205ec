// One contract for the hub's two WebSockets, run against the hub on Node (@hono/node-ws) and on Deno
// (hono/deno): credential before anything else, the same size limits and close codes, keepalive pings
// that drop a silent peer, 426 for a plain GET, and 1001 when the hub stops.
import WebSocket from 'ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EVENTS_PATH, HANDOFF_WS_PATH, MAX_REALTIME_BYTES, MAX_SIGNAL_BYTES, WS_CLOSE } from '../src/wire.ts';
import { KIOSK_A, TempDirs } from './helpers.ts';
import { denoHub, nodeHub, type HubOnRuntime } from './support/hub-runtimes.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());

/** A client socket that records what the hub does to it. */
class Probe {
  readonly ws: WebSocket;
  readonly messages: string[] = [];
  pings = 0;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  readonly refused: Promise<number>;

  constructor(url: string, path: string, options: WebSocket.ClientOptions = {}) {
    this.ws = new WebSocket(url.replace(/^http/, 'ws') + path, options);
    this.ws.on('message', (data) => this.messages.push(String(data)));
    this.ws.on('ping', () => (this.pings += 1));
    this.ws.on('error', () => {});
    this.opened = new Promise((resolve) => this.ws.once('open', () => resolve()));
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.refused = new Promise((resolve) =>
      this.ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      }),
    );
  }
}

const kioskAuth = { headers: { authorization: `Bearer ${KIOSK_A.token}` } };
const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);

const runtimes: [string, (dataDir: string, pingMs: number) => Promise<HubOnRuntime>][] = [
  ['Node', nodeHub],
  ['Deno', denoHub],
];

describe.each(runtimes)('hub sockets on %s', (_name, start) => {
  let hub: HubOnRuntime | null = null;
  const open = async (pingMs = 60_000): Promise<HubOnRuntime> => (hub = await start(dirs.make(), pingMs));
  afterEach(async () => {
    await hub?.stop();
    hub = null;
  });

  it('checks the kiosk credential before the realtime upgrade, and says hello to a kiosk', async () => {
    const { url } = await open();
    expect(await new Probe(url, EVENTS_PATH).refused).toBe(401);
    expect(await new Probe(url, EVENTS_PATH, { headers: { authorization: 'Bearer nope' } }).refused).toBe(
      401,
    );
    const kiosk = new Probe(url, EVENTS_PATH, kioskAuth);
    await kiosk.opened;
    await within(
      (async () => {
        while (kiosk.messages.length === 0) await new Promise((r) => setTimeout(r, 10));
      })(),
      5000,
      'no hello',
    );
    expect(JSON.parse(kiosk.messages[0] as string)).toEqual({ type: 'hello', kioskId: KIOSK_A.id });
    kiosk.ws.close();
  });

  it('answers a plain GET on either socket path with 426', async () => {
    const { url } = await open();
    expect((await fetch(url + EVENTS_PATH, kioskAuth)).status).toBe(426);
    expect((await fetch(url + HANDOFF_WS_PATH)).status).toBe(426);
  });

  it('closes the realtime socket on a binary frame (1003) and on a message over its limit (1009)', async () => {
    const { url } = await open();
    const binary = new Probe(url, EVENTS_PATH, kioskAuth);
    await binary.opened;
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect(await within(binary.closed, 5000, 'still open')).toBe(WS_CLOSE.binaryFrame);
    const large = new Probe(url, EVENTS_PATH, kioskAuth);
    await large.opened;
    large.ws.send('x'.repeat(MAX_REALTIME_BYTES + 1));
    expect(await within(large.closed, 5000, 'still open')).toBe(WS_CLOSE.tooLarge);
  });

  it('wants the signalling token first, and closes on a binary frame (1003) or an oversize message (1009)', async () => {
    const { url } = await open();
    const stranger = new Probe(url, HANDOFF_WS_PATH);
    await stranger.opened;
    stranger.ws.send(JSON.stringify({ t: 'ping', n: 1 }));
    expect(await within(stranger.closed, 5000, 'still open')).toBe(4401);
    const forged = new Probe(url, HANDOFF_WS_PATH);
    await forged.opened;
    forged.ws.send(JSON.stringify({ t: 'auth', token: 'not-a-token' }));
    expect(await within(forged.closed, 5000, 'still open')).toBe(4403);
    const binary = new Probe(url, HANDOFF_WS_PATH);
    await binary.opened;
    binary.ws.send(Buffer.from('{"t":"auth"}'));
    expect(await within(binary.closed, 5000, 'still open')).toBe(WS_CLOSE.binaryFrame);
    const large = new Probe(url, HANDOFF_WS_PATH);
    await large.opened;
    // Multi-byte characters: the limit counts bytes, not string length.
    large.ws.send('é'.repeat(MAX_SIGNAL_BYTES / 2 + 1));
    expect(await within(large.closed, 5000, 'still open')).toBe(WS_CLOSE.tooLarge);
  });

  it('pings a quiet socket and drops a peer that never answers', async () => {
    const { url } = await open(1000);
    const alive = new Probe(url, EVENTS_PATH, kioskAuth);
    const silent = new Probe(url, HANDOFF_WS_PATH, { autoPong: false });
    await Promise.all([alive.opened, silent.opened]);
    await within(silent.closed, 10_000, 'a peer that never answers a ping stayed connected');
    expect(silent.pings).toBeGreaterThan(0);
    expect(alive.pings).toBeGreaterThan(0);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    alive.ws.close();
  });

  it('closes open sockets with 1001 when the hub stops', async () => {
    const running = await open();
    const kiosk = new Probe(running.url, EVENTS_PATH, kioskAuth);
    const signal = new Probe(running.url, HANDOFF_WS_PATH);
    await Promise.all([kiosk.opened, signal.opened]);
    hub = null;
    await running.stop();
    expect(await within(kiosk.closed, 5000, 'kiosk socket stayed open')).toBe(WS_CLOSE.hubStopping);
    expect(await within(signal.closed, 5000, 'signalling socket stayed open')).toBe(WS_CLOSE.hubStopping);
  });
});
