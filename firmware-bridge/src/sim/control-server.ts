// The simulator's control channel: JSON over HTTP on 127.0.0.1 at an ephemeral port. Routes only; what
// each answer holds is the simulator's business.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Fault, HaltRecord, SimulatorState } from './control-types.ts';

export interface ControlTarget {
  state(): SimulatorState;
  halts(): { halts: HaltRecord[]; nowNs: string };
  fixtures(): SimulatorState['fixtures'];
  inject(f: Fault): void;
  clearFaults(): void;
}

/** Listens on 127.0.0.1:0; resolves with the server and its base URL. */
export async function startControlServer(target: ControlTarget): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void handle(target, req, res).catch((e: Error) => json(res, 400, { error: e.message }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('control server has no port');
  return { server, url: `http://127.0.0.1:${addr.port}` };
}

async function handle(target: ControlTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /state':
      return json(res, 200, target.state());
    case 'GET /halts':
      return json(res, 200, target.halts());
    case 'GET /fixtures':
      return json(res, 200, { fixtures: target.fixtures() });
    case 'GET /healthz':
      return json(res, 200, { ok: true });
    case 'POST /inject': {
      const body = (await readJson(req)) as Fault;
      target.inject(body);
      return json(res, 200, { ok: true });
    }
    case 'POST /clear':
      target.clearFaults();
      return json(res, 200, { ok: true });
    default:
      return json(res, 404, { error: `no route ${route}` });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s) });
  res.end(s);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 16 * 1024) throw new Error('body too large');
    chunks.push(c);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('body is not JSON');
  }
}
