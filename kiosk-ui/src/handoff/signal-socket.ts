// The hub's handoff signalling socket, as both pages use it: authenticate with the first message,
// then JSON both ways. The hub validates everything it receives; this side only routes by `t`.
import type { ClientSignal, ServerSignal } from '@branch/cloud-sync';

export class SignalSocket {
  private readonly ws: WebSocket;
  private readonly handlers = new Set<(m: ServerSignal) => void>();
  private readonly closers = new Set<(code: number) => void>();

  constructor(url: string, token: string) {
    this.ws = new WebSocket(url);
    this.ws.onopen = () => this.ws.send(JSON.stringify({ t: 'auth', token } satisfies ClientSignal));
    this.ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let msg: ServerSignal;
      try {
        msg = JSON.parse(ev.data) as ServerSignal;
      } catch {
        return;
      }
      for (const h of [...this.handlers]) h(msg);
    };
    this.ws.onclose = (ev: CloseEvent) => {
      for (const c of [...this.closers]) c(ev.code);
    };
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
    this.handlers.clear();
    this.closers.clear();
    this.ws.close(1000, 'done');
  }
}

/** The signalling URL on the hub that served this page (the console). */
export function sameOriginSignalUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}
