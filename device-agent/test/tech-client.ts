// Test helpers for the technician API: sign-in, authorised JSON calls, and a technician WebSocket
// that records every message it receives (raw text kept for the privacy scans).
import WebSocket from 'ws';
import { techWsProtocols } from '../src/ws/tech-ws-auth.ts';
import { TECH_PIN, waitFor } from './harness.ts';
import { closeSocket, opened } from './support/socket-lifecycle.ts';

export interface TechMessage {
  type: string;
  [k: string]: unknown;
}

export class TechApi {
  readonly raw: string[] = [];
  private constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async signIn(techUrl: string): Promise<TechApi> {
    const res = await fetch(`${techUrl}/tech/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: TECH_PIN }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    return new TechApi(techUrl, ((await res.json()) as { token: string }).token);
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
    const res = await fetch(`${this.base}/tech/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    this.raw.push(text);
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: res.status, json, text };
  }
}

export class TechSocket {
  readonly messages: TechMessage[] = [];
  readonly raw: string[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      this.messages.push(JSON.parse(text) as TechMessage);
    });
  }

  static async connect(techUrl: string, token: string): Promise<TechSocket> {
    const ws = new WebSocket(`${techUrl.replace('http', 'ws')}/tech/ws`, techWsProtocols(token));
    const s = new TechSocket(ws);
    await opened(ws);
    return s;
  }

  send(m: object): void {
    this.ws.send(JSON.stringify(m));
  }

  of(type: string): TechMessage[] {
    return this.messages.filter((m) => m.type === type);
  }

  next(
    pred: (m: TechMessage) => boolean,
    timeoutMs = 10_000,
    what = 'message',
    from = 0,
  ): Promise<TechMessage> {
    return waitFor(() => this.messages.slice(from).find(pred), timeoutMs, what);
  }

  close(): Promise<void> {
    return closeSocket(this.ws);
  }
}
