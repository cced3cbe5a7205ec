// The technician WebSocket (/tech/ws): status, telemetry, runbook progress, jog and bundle events in;
// jog start/heartbeat/stop out. Reconnects with a capped backoff while signed in.
import type {
  TechClientMessage,
  TechServerMessage,
  TechWsBearerPrefix,
  TechWsProtocol,
} from '@branch/device-agent';
import { Backoff } from '../protocol/backoff.ts';

// The sign-in token goes in the subprotocol header, never the URL (kept in step with the agent by type).
const PROTOCOL: TechWsProtocol = 'branch-tech.v1';
const BEARER: TechWsBearerPrefix = 'bearer.';

export class TechSocket {
  private ws: WebSocket | null = null;
  private closed = false;
  /** One page to one local agent: no fleet to spread, so no jitter. */
  private readonly backoff = new Backoff({ baseMs: 250, capMs: 5000, jitter: 'none' });
  private readonly listeners = new Set<(m: TechServerMessage) => void>();

  constructor(private readonly token: string) {
    this.open();
  }

  private open(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/tech/ws`, [PROTOCOL, `${BEARER}${this.token}`]);
    this.ws = ws;
    ws.onopen = () => {
      this.backoff.reset();
    };
    ws.onmessage = (e) => {
      let m: TechServerMessage;
      try {
        m = JSON.parse(String(e.data)) as TechServerMessage;
      } catch {
        return;
      }
      for (const l of [...this.listeners]) l(m);
    };
    ws.onclose = () => {
      this.ws = null;
      if (this.closed) return;
      setTimeout(() => this.open(), this.backoff.next());
    };
  }

  connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  send(m: TechClientMessage): boolean {
    if (!this.connected()) return false;
    this.ws?.send(JSON.stringify(m));
    return true;
  }

  on(listener: (m: TechServerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.ws?.close();
  }
}
