// A signalling socket for tests (and the signalling benchmark): sends client messages, keeps every
// server message, and waits for the next one that fits.
import WebSocket from 'ws';
import type { ClientSignal, ServerSignal } from '../../src/index.ts';
import { HANDOFF_WS_PATH } from '../../src/index.ts';

export class SignalClient {
  readonly received: ServerSignal[] = [];
  closeCode: number | null = null;
  private readonly ws: WebSocket;
  private waiters: (() => void)[] = [];

  private constructor(hubUrl: string) {
    this.ws = new WebSocket(hubUrl.replace(/^http/, 'ws') + HANDOFF_WS_PATH);
    this.ws.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as ServerSignal);
      this.wake();
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  /** Opens the socket and authenticates with the token (a kiosk's join token or an agent's bearer). */
  static async open(hubUrl: string, token: string | null): Promise<SignalClient> {
    const c = new SignalClient(hubUrl);
    await new Promise<void>((resolve, reject) => {
      c.ws.once('open', () => resolve());
      c.ws.once('error', reject);
    });
    if (token !== null) c.send({ t: 'auth', token });
    return c;
  }

  send(msg: ClientSignal | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(msg));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** The first message of type `t` (after `from`) that fits `where`; fails after `timeoutMs`. */
  async next<T extends ServerSignal['t']>(
    t: T,
    where: (m: Extract<ServerSignal, { t: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<ServerSignal, { t: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.received.findIndex((m) => m.t === t && where(m as Extract<ServerSignal, { t: T }>));
      if (i >= 0) return this.received.splice(i, 1)[0] as Extract<ServerSignal, { t: T }>;
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) before a ${t} message`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no ${t} message in ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the close code once the hub has closed the socket. */
  async closed(timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > deadline) throw new Error('the socket stayed open');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closeCode;
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
