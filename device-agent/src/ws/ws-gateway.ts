// The kiosk WebSocket on /ws: validates every message, acknowledges commands, runs them, sends
// completions, and pushes unsolicited messages. A bad message gets an error completion and the
// connection stays up.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { findNul } from '@branch/cloud-sync';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { scrubText } from '../log/pan-guard.ts';
import type { Metrics } from '../obs/metrics.ts';
import { MAX_MESSAGE_BYTES, type CompletionPayload } from '../protocol/envelope.ts';
import type { UnsolicitedName, UnsolicitedPayloads } from '../protocol/messages.ts';
import { envelope, validateMessage } from '../protocol/validate-message.ts';
import { CommandError, runCommand, type CommandContext } from './command-handlers.ts';
import { BOOT_PARAM, bootTokenMatches } from '../http/boot-token.ts';
import { hostAllowed } from '../http/same-origin.ts';
import { frameBytes, listenForUpgrades, refuseUpgrade, sameOrigin, sendText } from './ws-plumbing.ts';

/** Frames above this are refused by ws itself (connection closed); between it and MAX_MESSAGE_BYTES we answer. */
const HARD_FRAME_LIMIT = 4 * MAX_MESSAGE_BYTES;

export type GatewayContext = Omit<CommandContext, 'ownedSessions' | 'pendingRead' | 'identified'>;

export class WsGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  private readonly messages: (labels: Record<string, string>) => void;
  private readonly stopUpgrades: () => void;

  constructor(
    server: Server,
    private readonly ctx: GatewayContext,
    private readonly logger: Logger,
    metrics: Metrics,
    /** Host header values answered (see listenerHosts). */
    private readonly allowedHosts: () => ReadonlySet<string>,
    /** The per-boot secret the kiosk page fetched from GET /kiosk/boot, as ?boot= on the upgrade. */
    private readonly bootToken: string,
  ) {
    this.messages = metrics.counter('agent_ws_messages_total', 'WebSocket messages received, by result');
    metrics.gauge('agent_ws_connections', 'Open kiosk WebSocket connections', () => [
      { value: this.wss.clients.size },
    ]);
    this.stopUpgrades = listenForUpgrades(server, (req, socket, head) => this.upgrade(req, socket, head));
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://agent');
    // Only pages served by this agent may connect: a browser page always names its Origin (no
    // cross-site hijacking), under a Host this agent answers to (no DNS rebinding), and carries
    // this boot's secret, which only the agent's own pages could read.
    const fromPage =
      req.headers.origin !== undefined &&
      hostAllowed(req.headers.host, this.allowedHosts()) &&
      sameOrigin(req) &&
      bootTokenMatches(url.searchParams.get(BOOT_PARAM), this.bootToken);
    if (url.pathname !== '/ws' || !fromPage) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private onConnection(ws: WebSocket, _req: IncomingMessage): void {
    const owned = new Set<string>();
    const ctx: CommandContext = {
      ...this.ctx,
      ownedSessions: owned,
      pendingRead: null,
      identified: new Map(),
    };
    ws.on('message', (data, isBinary) => this.onMessage(ws, ctx, data, isBinary));
    ws.on('error', (err) => this.logger.warn({ err: { message: err.message } }, 'websocket error'));
    ws.on('close', () => {
      if (ctx.pendingRead) this.ctx.cards.cancel();
      // A page that goes away leaves nothing behind: its sessions end as abandoned.
      for (const id of owned) if (this.ctx.sessions.has(id)) this.ctx.sessions.end(id, 'abandoned');
    });
    this.send(ws, envelope('unsolicited', 'Common.StatusChanged', 0, this.ctx.availability()));
  }

  private onMessage(ws: WebSocket, ctx: CommandContext, data: RawData, isBinary: boolean): void {
    const buf = frameBytes(data);
    if (isBinary) {
      this.messages({ result: 'invalid' });
      this.complete(ws, 'Common.Error', 0, {
        completionCode: 'invalidMessage',
        errorDescription: 'binary frames are not accepted; send JSON text',
      });
      return;
    }
    const v = validateMessage(buf.toString('utf8'), buf.byteLength);
    if (!v.ok) {
      this.messages({ result: v.completionCode });
      this.complete(ws, v.name, v.requestId, {
        completionCode: v.completionCode,
        errorDescription: scrubText(v.description),
      });
      return;
    }
    const { name, requestId } = v.command;
    // The hub refuses NUL (PostgreSQL's text cannot hold it): a change carrying one would wait in the
    // outbox for good, so it is refused here, as an invalid message, before anything is stored.
    const nul = findNul(v.command.payload);
    if (nul !== null) {
      this.messages({ result: 'invalidMessage' });
      this.complete(ws, name, requestId, {
        completionCode: 'invalidMessage',
        errorDescription: `payload.${nul}: NUL characters are not accepted`,
      });
      return;
    }
    this.messages({ result: 'ok' });
    this.send(ws, envelope('acknowledge', name, requestId, {}));
    runCommand(v.command, ctx).then(
      (result) => this.complete(ws, name, requestId, { completionCode: 'success', ...result }),
      (err: Error) => {
        if (err instanceof CommandError) {
          const p: CompletionPayload = { completionCode: err.completionCode, errorDescription: err.message };
          if (err.errorCode !== undefined) p.errorCode = err.errorCode;
          this.complete(ws, name, requestId, p);
        } else {
          this.logger.error(
            { err: { message: err.message, stack: err.stack }, command: name },
            'command failed',
          );
          this.complete(ws, name, requestId, {
            completionCode: 'internalError',
            errorDescription: 'internal error',
          });
        }
      },
    );
  }

  private complete(
    ws: WebSocket,
    name: string,
    requestId: number,
    payload: CompletionPayload | Record<string, unknown>,
  ): void {
    this.send(ws, envelope('completion', name, requestId, payload));
  }

  private send(ws: WebSocket, message: unknown): void {
    sendText(ws, JSON.stringify(message));
  }

  broadcast<N extends UnsolicitedName>(name: N, payload: UnsolicitedPayloads[N]): void {
    const text = JSON.stringify(envelope('unsolicited', name, 0, payload));
    for (const ws of this.wss.clients) sendText(ws, text);
  }

  async close(): Promise<void> {
    this.stopUpgrades();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
