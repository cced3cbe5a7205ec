// A WebSocket client for fuzzing: sends generated frames (text, binary, text that is not UTF-8, or
// oversize) and records what the server answers and how it closes, with deadlines so that a server
// which neither answers nor closes fails the property instead of hanging it.
import fc from 'fast-check';
import WebSocket from 'ws';
import { hostileJson, toJsonText } from './arbitraries.ts';
import { mutated } from './mutate.ts';

/** One frame as sent: text, binary bytes, or bytes sent as a text frame (need not be UTF-8). */
export type FuzzFrame = { text: string } | { binary: Uint8Array } | { badText: Uint8Array };

export interface FuzzSocket {
  ws: WebSocket;
  /** Text messages received, in order. */
  received: string[];
  /** The close code once closed (1006: dropped without a close frame). */
  closeCode: number | null;
}

/** Opens a socket; rejects with the HTTP status text when the upgrade is refused. */
export function openSocket(
  url: string,
  options: WebSocket.ClientOptions = {},
  timeoutMs = 10_000,
): Promise<FuzzSocket> {
  const ws = new WebSocket(url, { ...options, handshakeTimeout: timeoutMs });
  const s: FuzzSocket = { ws, received: [], closeCode: null };
  ws.on('message', (data, isBinary) => {
    if (!isBinary) s.received.push(String(data));
  });
  ws.on('close', (code) => (s.closeCode = code));
  // A server that drops the connection raises 'error' on the client too; the close code tells it.
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(s));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export function sendFrame(s: FuzzSocket, f: FuzzFrame): void {
  if (s.ws.readyState !== WebSocket.OPEN) return;
  if ('text' in f) s.ws.send(f.text);
  else if ('binary' in f) s.ws.send(f.binary, { binary: true });
  else s.ws.send(f.badText, { binary: false });
}

/** Resolves when `until` holds or the socket has closed; rejects after `timeoutMs` (a hang). */
export async function settle(
  s: FuzzSocket,
  until: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!until() && s.closeCode === null) {
    if (Date.now() > deadline)
      throw new Error(
        `neither ${what} nor a close in ${timeoutMs} ms; received ${JSON.stringify(s.received).slice(0, 500)}`,
      );
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A protocol-level ping answered by the peer's WebSocket library once it has read every frame before it. */
export async function pingPong(s: FuzzSocket, timeoutMs = 10_000): Promise<boolean> {
  if (s.ws.readyState !== WebSocket.OPEN) return false;
  let pong = false;
  s.ws.once('pong', () => (pong = true));
  s.ws.ping();
  await settle(s, () => pong, 'a pong', timeoutMs);
  return pong;
}

export function closeSocket(s: FuzzSocket): Promise<void> {
  if (s.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    s.ws.once('close', () => resolve());
    s.ws.terminate();
  });
}

/**
 * Frames around valid `samples` of a protocol: mutated samples (as JSON text), hostile JSON, text that
 * is not JSON, binary frames, bytes that are not UTF-8 in a text frame, and frames of `oversize` bytes.
 */
export function fuzzFrame(samples: readonly unknown[], oversize: number): fc.Arbitrary<FuzzFrame> {
  const text = (t: fc.Arbitrary<string>) => t.map((x): FuzzFrame => ({ text: x }));
  const around = samples.length
    ? [
        {
          weight: 8,
          arbitrary: text(
            fc
              .constantFrom(...samples)
              .chain(mutated)
              .map(toJsonText),
          ),
        },
      ]
    : [];
  return fc.oneof(
    ...around,
    { weight: 2, arbitrary: text(hostileJson().map(toJsonText)) },
    { weight: 1, arbitrary: text(fc.string({ unit: 'binary', maxLength: 50 })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b): FuzzFrame => ({ binary: b })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x7b, 0x22, 0xfe, 0x22, 0x7d])
        .map((b): FuzzFrame => ({ badText: Uint8Array.from(b) })),
    },
    {
      weight: 1,
      // From under the limit to far past it (where the WebSocket library itself gives up).
      arbitrary: fc
        .tuple(
          fc.constantFrom('a', '[', '银'),
          fc.integer({ min: Math.floor(oversize / 4), max: oversize * 3 }),
        )
        .map(([c, bytes]): FuzzFrame => ({
          text: c.repeat(Math.ceil(bytes / new TextEncoder().encode(c).length)),
        })),
    },
  );
}
