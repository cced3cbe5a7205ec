// The benchmark's WebSocket clients for ws_event_p99_ms: the kiosk page's stand-in in a process of its
// own (kiosk-page-child.ts), a client inside the bench's own process (beside the hub), and the floor (a
// bare server process, ws-floor-child.ts, sending to a second page stand-in). Each keeps the
// Common.StatusChanged messages it received with their hrtime.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export interface Receipt {
  available: boolean;
  ns: bigint;
}

export interface WsClient {
  readonly at: Receipt[];
  close(): void;
}

const child = (file: string, args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });

const lines = (c: ChildProcess, on: (m: Record<string, string | boolean>) => void): void =>
  void createInterface({ input: c.stdout! }).on('line', (l) => on(JSON.parse(l) as Record<string, string>));

/** The page's stand-in, connected to `url` (the agent's origin) with this boot's secret. */
export async function pageInOwnProcess(url: string, boot: string): Promise<WsClient> {
  const c = child('./kiosk-page-child.ts', [url, boot]);
  const at: Receipt[] = [];
  await new Promise<void>((resolve) =>
    lines(c, (m) => {
      if (m.open) resolve();
      else at.push({ available: m.available === true, ns: BigInt(m.ns as string) });
    }),
  );
  return { at, close: () => c.stdin?.end() };
}

/** A client in this process, as the page connects. */
export async function clientHere(url: string, boot: string): Promise<WsClient> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?boot=${encodeURIComponent(boot)}`, {
    origin: url,
  });
  const at: Receipt[] = [];
  ws.on('message', (data) => {
    const ns = process.hrtime.bigint();
    const m = JSON.parse(String(data)) as { header: { name: string }; payload: { available?: boolean } };
    if (m.header.name === 'Common.StatusChanged') at.push({ available: m.payload.available === true, ns });
  });
  await new Promise((r) => ws.once('open', r));
  return { at, close: () => ws.close() };
}

/** The floor: `send()` has the bare server send one message and resolves with its send time. */
export async function wsFloor(): Promise<WsClient & { send(): Promise<bigint> }> {
  const server = child('./ws-floor-child.ts', []);
  const sent: ((ns: bigint) => void)[] = [];
  const url = await new Promise<string>((resolve) =>
    lines(server, (m) => (m.url ? resolve(m.url as string) : sent.shift()?.(BigInt(m.sentNs as string)))),
  );
  const page = await pageInOwnProcess(url, 'floor');
  return {
    at: page.at,
    send: () =>
      new Promise<bigint>((resolve) => {
        sent.push(resolve);
        server.stdin?.write('\n');
      }),
    close: () => {
      page.close();
      server.stdin?.end();
    },
  };
}

/** The first stop (available: false) received after the first `mark` receipts, polled every ms. */
export async function stopAfter(c: WsClient, mark: number): Promise<Receipt> {
  for (;;) {
    const r = c.at.slice(mark).find((x) => !x.available);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 1));
  }
}
