// The technician WebSocket on /tech/ws (sign-in token in the subprotocol header): arm telemetry, live status, runbook progress, safety
// transitions, bundle progress and jog events go out; hold-to-run jog start/heartbeat/stop come in.
// Every incoming message is checked with zod; a bad one gets an error message and the socket stays.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import { JogStartBody } from '../http/tech-routes.ts';
import type { TechDeps } from '../tech/tech-deps.ts';
import { TECH_WS_PROTOCOL, techWsCredential } from './tech-ws-auth.ts';
import { frameBytes, listenForUpgrades, refuseUpgrade, sameOrigin, sendText } from './ws-plumbing.ts';

const MAX_MESSAGE_BYTES = 4096;
/** Telemetry sent to a console at most this often, ms (the charts need no more). */
const TELEMETRY_EVERY_MS = 40;
const STATUS_EVERY_MS = 500;

export const TechClientMessage = z.discriminatedUnion('type', [
  JogStartBody.extend({ type: z.literal('jog.start') }).strict(),
  z.object({ type: z.literal('jog.heartbeat'), jogId: z.uuid() }).strict(),
  z.object({ type: z.literal('jog.stop'), jogId: z.uuid() }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
]);
export type TechClientMessage = z.infer<typeof TechClientMessage>;

export class TechWs {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    // Select our protocol name only: the default would echo the first entry, which could be the token.
    handleProtocols: (offered) => (offered.has(TECH_WS_PROTOCOL) ? TECH_WS_PROTOCOL : false),
  });
  private readonly unsubscribers: (() => void)[] = [];
  private readonly lastTelemetry = new WeakMap<WebSocket, number>();
  private readonly statusTimer: NodeJS.Timeout;
  private readonly stopUpgrades: () => void;

  constructor(
    server: Server,
    private readonly deps: TechDeps,
    private readonly logger: Logger,
  ) {
    this.stopUpgrades = listenForUpgrades(server, (req, socket, head) => this.upgrade(req, socket, head));
    this.wss.on('connection', (ws: WebSocket, token: string) => this.onConnection(ws, token));
    this.unsubscribers.push(
      deps.onTelemetry((t) => {
        const now = Date.now();
        const text = JSON.stringify({ type: 'telemetry', ...t });
        for (const ws of this.wss.clients) {
          if (now - (this.lastTelemetry.get(ws) ?? 0) < TELEMETRY_EVERY_MS) continue;
          this.lastTelemetry.set(ws, now);
          sendText(ws, text);
        }
      }),
      deps.onProgress((p) => this.broadcast({ type: 'runbook.progress', ...p })),
      deps.onJog((e) => this.broadcast({ ...e, type: 'jog', event: e.type })),
      deps.onTransition((t) => this.broadcast({ type: 'safety', ...t })),
      deps.onBundle((b) => this.broadcast({ type: 'bundle', ...b })),
    );
    this.statusTimer = setInterval(() => this.tick(), STATUS_EVERY_MS);
    this.statusTimer.unref();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://agent');
    if (url.pathname !== '/tech/ws') {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    if (!sameOrigin(req)) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const credential = techWsCredential(req.headers['sec-websocket-protocol']);
    if (!credential.ok || !this.deps.verify(credential.token)) {
      refuseUpgrade(socket, '401 Unauthorized');
      return;
    }
    const { token } = credential;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, token));
  }

  private onConnection(ws: WebSocket, token: string): void {
    const jogs = new Set<string>();
    (ws as WebSocket & { techToken?: string }).techToken = token;
    ws.on('message', (data, isBinary) => this.onMessage(ws, data, isBinary, jogs));
    ws.on('error', (err) =>
      this.logger.warn({ err: { message: err.message } }, 'technician websocket error'),
    );
    // A console that goes away stops its jog at once (its heartbeats would lapse anyway).
    ws.on('close', () => {
      for (const id of jogs) this.deps.jogStop(id);
    });
    this.send(ws, { type: 'status', status: this.deps.status() });
  }

  private onMessage(ws: WebSocket, data: RawData, isBinary: boolean, jogs: Set<string>): void {
    const buf = frameBytes(data);
    if (isBinary || buf.byteLength > MAX_MESSAGE_BYTES) {
      this.send(ws, {
        type: 'error',
        message: `text JSON messages of at most ${MAX_MESSAGE_BYTES} bytes only`,
      });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8'));
    } catch {
      this.send(ws, { type: 'error', message: 'not JSON' });
      return;
    }
    const parsed = TechClientMessage.safeParse(value);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      this.send(ws, {
        type: 'error',
        message: `invalid message: ${i?.path.join('.') || 'message'}: ${i?.message}`,
      });
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'jog.start': {
        const token = (ws as WebSocket & { techToken?: string }).techToken ?? '';
        const by = this.deps.whoIs(token)?.id ?? 'unknown';
        const r = this.deps.jogStart({ axis: m.axis, direction: m.direction, speedMmS: m.speedMmS }, by);
        if (r.ok) jogs.add(r.jogId);
        this.send(ws, { type: 'jog.start.result', ...r });
        break;
      }
      case 'jog.heartbeat':
        if (!this.deps.jogHeartbeat(m.jogId)) this.send(ws, { type: 'jog.ended', jogId: m.jogId });
        break;
      case 'jog.stop':
        jogs.delete(m.jogId);
        this.deps.jogStop(m.jogId);
        break;
      case 'ping':
        this.send(ws, { type: 'pong' });
        break;
    }
  }

  private tick(): void {
    if (this.wss.clients.size === 0) return;
    const status = this.deps.status();
    for (const ws of this.wss.clients) {
      const token = (ws as WebSocket & { techToken?: string }).techToken ?? '';
      // The sign-in is short-lived: an expired token ends the socket too.
      if (!this.deps.verify(token)) ws.close(4401, 'sign-in expired');
      else this.send(ws, { type: 'status', status });
    }
  }

  private broadcast(message: object): void {
    const text = JSON.stringify(message);
    for (const ws of this.wss.clients) sendText(ws, text);
  }

  private send(ws: WebSocket, message: object): void {
    sendText(ws, JSON.stringify(message));
  }

  clients(): number {
    return this.wss.clients.size;
  }

  close(): void {
    clearInterval(this.statusTimer);
    for (const u of this.unsubscribers) u();
    this.stopUpgrades();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
