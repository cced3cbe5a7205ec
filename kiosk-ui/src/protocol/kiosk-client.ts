// Typed client of the device-agent's kiosk WebSocket: commands carry a request id, completions are matched
// to it, each command has a timeout, and the connection comes back by itself with backoff.
import type {
  CommandName,
  CommandPayload,
  CompletionCode,
  CompletionResults,
  Envelope,
  UnsolicitedName,
  UnsolicitedPayloads,
} from '@branch/device-agent';
import { backoffDelay, type BackoffPolicy } from './backoff.ts';

/** The part of the browser WebSocket this client uses; tests pass a fake with the same shape. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** The agent's version of the envelope this client speaks (PROTOCOL_VERSION in device-agent). */
export const CLIENT_PROTOCOL_VERSION = '1.0';
/** Reconnects to the agent: equal jitter, so a dropped agent is never hammered yet kiosks fall out of step. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 8000, jitter: 'equal' };
const OPEN = 1;

export class CommandFailed extends Error {
  constructor(
    readonly command: string,
    readonly completionCode: CompletionCode | 'disconnected' | 'clientTimeout',
    readonly errorCode: string | undefined,
    description: string,
  ) {
    super(description);
    this.name = 'CommandFailed';
  }
}

export interface KioskClientOptions {
  url: string;
  /**
   * Asked before every connect for the socket's URL (the agent's per-boot secret changes when it
   * restarts, so a reconnect fetches it again); `url` is used when absent.
   */
  resolveUrl?: () => Promise<string>;
  createSocket?: (url: string) => SocketLike;
  /** Default per-command timeout, ms. */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Pending {
  name: string;
  resolve: (payload: Record<string, unknown>) => void;
  reject: (err: CommandFailed) => void;
  timer: unknown;
}

type UnsolicitedHandler<N extends UnsolicitedName> = (payload: UnsolicitedPayloads[N]) => void;

export class KioskClient {
  private socket: SocketLike | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly unsolicited = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private closed = false;
  private resolving = false;
  private _state: ConnectionState = 'disconnected';
  private readonly o: Required<Omit<KioskClientOptions, 'resolveUrl'>> &
    Pick<KioskClientOptions, 'resolveUrl'>;

  constructor(options: KioskClientOptions) {
    this.o = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      timeoutMs: 15_000,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  get state(): ConnectionState {
    return this._state;
  }

  connect(): void {
    this.closed = false;
    if (this.socket || this.resolving) return;
    this.setState('connecting');
    const resolve = this.o.resolveUrl;
    if (!resolve) {
      this.open(this.o.url);
      return;
    }
    this.resolving = true;
    resolve().then(
      (url) => {
        this.resolving = false;
        if (!this.closed) this.open(url);
      },
      () => {
        this.resolving = false;
        if (!this.closed) this.scheduleReconnect();
      },
    );
  }

  private open(url: string): void {
    let socket: SocketLike;
    try {
      socket = this.o.createSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('connected');
    };
    socket.onmessage = (ev) => this.onMessage(ev.data);
    socket.onerror = () => {
      // onclose follows and does the work.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failAll('disconnected', 'connection lost');
      if (this.closed) this.setState('disconnected');
      else this.scheduleReconnect();
    };
  }

  /** Closes for good: pending commands fail and no reconnect follows. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer !== null) this.o.clearTimer(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.failAll('disconnected', 'client closed');
    socket?.close(1000, 'bye');
    this.setState('disconnected');
  }

  onState(cb: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(cb);
    return () => this.stateListeners.delete(cb);
  }

  on<N extends UnsolicitedName>(name: N, cb: UnsolicitedHandler<N>): () => void {
    let set = this.unsolicited.get(name);
    if (!set) this.unsolicited.set(name, (set = new Set()));
    const handler = cb as (payload: unknown) => void;
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Sends a command; resolves with its completion's results on success, rejects with CommandFailed. */
  send<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
    options: { timeoutMs?: number } = {},
  ): Promise<CompletionResults[N]> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || this._state !== 'connected') {
      return Promise.reject(new CommandFailed(name, 'disconnected', undefined, 'not connected'));
    }
    const requestId = this.nextRequestId++;
    const message: Envelope<CommandPayload<N>> = {
      header: { type: 'command', name, requestId, version: CLIENT_PROTOCOL_VERSION },
      payload,
    };
    return new Promise<CompletionResults[N]>((resolve, reject) => {
      const timer = this.o.setTimer(() => {
        this.pending.delete(requestId);
        reject(new CommandFailed(name, 'clientTimeout', undefined, `${name} timed out`));
      }, options.timeoutMs ?? this.o.timeoutMs);
      this.pending.set(requestId, {
        name,
        resolve: (p) => resolve(p as unknown as CompletionResults[N]),
        reject,
        timer,
      });
      socket.send(JSON.stringify(message));
    });
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: Envelope<Record<string, unknown>>;
    try {
      msg = JSON.parse(data) as Envelope<Record<string, unknown>>;
    } catch {
      return;
    }
    const header = msg?.header;
    if (!header || typeof header.name !== 'string' || typeof header.requestId !== 'number') return;
    if (header.type === 'unsolicited') {
      for (const cb of this.unsolicited.get(header.name) ?? []) cb(msg.payload);
      return;
    }
    if (header.type !== 'completion') return; // acknowledge and events: the command is still running
    const pending = this.pending.get(header.requestId);
    if (!pending) return;
    this.pending.delete(header.requestId);
    this.o.clearTimer(pending.timer);
    const payload = (msg.payload ?? {}) as Record<string, unknown>;
    const code = payload.completionCode as CompletionCode | undefined;
    if (code === 'success') {
      const { completionCode: _c, errorDescription: _d, errorCode: _e, ...results } = payload;
      pending.resolve(results);
    } else {
      const description =
        typeof payload.errorDescription === 'string' ? payload.errorDescription : String(code);
      const errorCode = typeof payload.errorCode === 'string' ? payload.errorCode : undefined;
      pending.reject(new CommandFailed(pending.name, code ?? 'internalError', errorCode, description));
    }
  }

  private failAll(code: 'disconnected', description: string): void {
    for (const [id, p] of this.pending) {
      this.o.clearTimer(p.timer);
      this.pending.delete(id);
      p.reject(new CommandFailed(p.name, code, undefined, description));
    }
  }

  private scheduleReconnect(): void {
    this.setState('disconnected');
    const delay = backoffDelay(this.attempt++, this.o.backoff, this.o.random);
    this.reconnectTimer = this.o.setTimer(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.connect();
    }, delay);
  }

  private setState(s: ConnectionState): void {
    if (s === this._state) return;
    this._state = s;
    for (const cb of this.stateListeners) cb(s);
  }
}
