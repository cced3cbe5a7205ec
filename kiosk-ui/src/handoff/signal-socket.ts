// The hub's handoff signalling socket, as both pages use it: authenticate with the first message,
// then JSON both ways. The hub validates everything it receives; this side only routes by `t`.
// A socket that drops (network, a hub instance restarted or killed) opens again with the same token,
// backing off, for as long as the hub keeps a waiting customer's place (`retryForMs`); the hub then
// says `ready` and the place in line again. Only a close the hub meant (token refused, replaced,
// session ended) or giving up reaches onClose.
import type { ClientSignal, ServerSignal } from '@branch/cloud-sync';

/** Closes after which opening again cannot help: ours, bad or spent token, replaced elsewhere. */
const FINAL_CLOSES = new Set([1000, 4401, 4403, 4409]);

export class SignalSocket {
  private ws: WebSocket;
  private readonly handlers = new Set<(m: ServerSignal) => void>();
  private readonly closers = new Set<(code: number) => void>();
  private closedByUs = false;
  private droppedAt: number | null = null;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
    /** How long to keep trying after a drop; 0: never reopen. Default 2 minutes (the hub's unclaimed timeout). */
    private readonly retryForMs = 120_000,
  ) {
    this.ws = this.open();
  }

  private open(): WebSocket {
    const ws = new WebSocket(this.url);
    ws.onopen = () => {
      this.attempt = 0;
      this.droppedAt = null;
      ws.send(JSON.stringify({ t: 'auth', token: this.token } satisfies ClientSignal));
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let msg: ServerSignal;
      try {
        msg = JSON.parse(ev.data) as ServerSignal;
      } catch {
        return;
      }
      for (const h of [...this.handlers]) h(msg);
    };
    ws.onclose = (ev: CloseEvent) => this.dropped(ev.code);
    return ws;
  }

  private dropped(code: number): void {
    if (this.closedByUs) return;
    const now = Date.now();
    this.droppedAt ??= now;
    if (FINAL_CLOSES.has(code) || now - this.droppedAt >= this.retryForMs) {
      for (const c of [...this.closers]) c(code);
      return;
    }
    const delay = Math.min(5000, 250 * 2 ** this.attempt);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closedByUs) this.ws = this.open();
    }, delay);
  }

  onMessage(handler: (m: ServerSignal) => void): void {
    this.handlers.add(handler);
  }

  onClose(handler: (code: number) => void): void {
    this.closers.add(handler);
  }

  send(msg: ClientSignal): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  close(): void {
    this.closedByUs = true;
    if (this.retry) clearTimeout(this.retry);
    this.handlers.clear();
    this.closers.clear();
    this.ws.close(1000, 'done');
  }
}

/** The signalling URL on the hub that served this page (the console). */
export function sameOriginSignalUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}
