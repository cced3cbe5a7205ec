// The kiosk's handoff signalling socket across a hub restart (SQLite, one hub): two customers wait,
// the hub stops and starts again on the same port and data; both sockets reopen with their join
// tokens by themselves and hear the same places in line. A close the hub means (a spent token, 4403)
// is final: onClose hears it once and nothing reopens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HANDOFF_WS_PATH, startHub, type RunningHub, type ServerSignal } from '@branch/cloud-sync';
import { SignalSocket } from '../src/handoff/signal-socket.ts';

// Node 20 has no global WebSocket; ws's speaks the same onopen/onmessage/onclose interface.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const KIOSK = { id: 'kiosk-r', token: 'kiosk-r-token-0123456789abcdef' };
const dir = mkdtempSync(join(tmpdir(), 'kiosk-ui-reconnect-'));
const sockets: SignalSocket[] = [];
let hub: RunningHub | null = null;

const start = (port: number) =>
  startHub({ host: '127.0.0.1', port, dataDir: dir, seed: { kiosks: [KIOSK] }, passwordIterations: 1000 });

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A socket with every message it heard and every close that reached onClose. */
function open(url: string, token: string) {
  const heard: ServerSignal[] = [];
  const closes: number[] = [];
  const socket = new SignalSocket(url, token);
  socket.onMessage((m) => heard.push(m));
  socket.onClose((code) => closes.push(code));
  sockets.push(socket);
  return { socket, heard, closes, token };
}

async function ask(base: string): Promise<{ joinToken: string }> {
  const res = await fetch(`${base}/api/handoff/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KIOSK.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: `s-${Math.random()}`, locale: 'en', reason: 'customer_request' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { joinToken: string };
}

const positions = (heard: ServerSignal[]) => heard.flatMap((m) => (m.t === 'queue' ? [m.position] : []));

describe('kiosk handoff socket', () => {
  it('reopens with its join token after a hub restart and keeps its place in line', async () => {
    hub = await start(0);
    const base = hub.url;
    const port = Number(new URL(base).port);
    const url = base.replace(/^http/, 'ws') + HANDOFF_WS_PATH;
    const first = open(url, (await ask(base)).joinToken);
    const second = open(url, (await ask(base)).joinToken);
    await expect.poll(() => positions(first.heard).at(-1), { timeout: 5000 }).toBe(1);
    await expect.poll(() => positions(second.heard).at(-1), { timeout: 5000 }).toBe(2);

    await hub.close();
    hub = null;
    for (const s of [first, second]) s.heard.length = 0;
    hub = await start(port);

    await expect.poll(() => first.heard.some((m) => m.t === 'ready'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => second.heard.some((m) => m.t === 'ready'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => positions(first.heard).at(-1), { timeout: 5000 }).toBe(1);
    await expect.poll(() => positions(second.heard).at(-1), { timeout: 5000 }).toBe(2);
    expect([...first.closes, ...second.closes]).toEqual([]);

    // The first customer leaves: the token is spent, and a socket that shows it again is refused for good.
    first.socket.send({ t: 'cancel' });
    await expect.poll(() => first.heard.some((m) => m.t === 'ended'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => positions(second.heard).at(-1), { timeout: 5000 }).toBe(1);
    const spent = open(url, first.token);
    await expect.poll(() => spent.closes, { timeout: 5000 }).toEqual([4403]);
    await new Promise((r) => setTimeout(r, 600));
    expect(spent.closes).toEqual([4403]);
    expect(spent.heard).toEqual([]);
  });
});
