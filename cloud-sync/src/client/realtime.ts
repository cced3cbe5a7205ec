// The hub's realtime nudge: a WebSocket on which the hub says "articles changed". It carries no data;
// the client answers every event (and every reconnect) with an ordinary pull, so a lost event costs
// at most one poll interval.
import WebSocket from 'ws';
import { HubEventSchema, type HubEvent } from '../schema/change.ts';
import { Backoff } from './backoff.ts';
import { EVENTS_PATH } from '../wire.ts';
import { tlsOptions, type HubClientTls } from './hub-fetch.ts';

export interface RealtimeHandlers {
  onConnected(): void;
  onEvent(event: HubEvent): void;
  onDisconnected(reason: string): void;
}

export class RealtimeLink {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private readonly backoff = new Backoff({ baseMs: 250, capMs: 15_000, jitter: 'full' });

  constructor(
    private readonly hub: { url: string; token: string; tls?: HubClientTls | undefined },
    private readonly handlers: RealtimeHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Closes the socket and resolves once it is gone. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1000, 'kiosk stopping');
      // A dead peer never answers the close handshake.
      setTimeout(() => {
        socket.terminate();
        resolve();
      }, 1000).unref();
    });
  }

  private connect(): void {
    const url = new URL(EVENTS_PATH, this.hub.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${this.hub.token}` },
      handshakeTimeout: 10_000,
      maxPayload: 64 * 1024,
      ...tlsOptions(this.hub.tls),
    });
    this.socket = socket;
    socket.on('open', () => {
      this.backoff.reset();
      this.handlers.onConnected();
    });
    socket.on('message', (raw) => {
      let event: HubEvent;
      try {
        event = HubEventSchema.parse(JSON.parse(String(raw)));
      } catch {
        return; // an event of a newer hub: the periodic pull still covers it
      }
      this.handlers.onEvent(event);
    });
    socket.on('error', () => {
      // 'close' follows and schedules the reconnect
    });
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handlers.onDisconnected(`realtime closed (${code}${reason.length ? ` ${String(reason)}` : ''})`);
      if (!this.stopped) this.timer = setTimeout(() => this.connect(), this.backoff.next());
    });
  }
}
