// The signalling socket's wire: one JSON text message each way, client messages validated by zod.
import { ClientSignalSchema, type ClientSignal, type ServerSignal } from '../schema/handoff.ts';
import { MAX_SIGNAL_BYTES } from '../wire.ts';

/** One end of a signalling socket, whatever the runtime. */
export interface SignalPeer {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface SignalConnection {
  message(text: string): void;
  closed(): void;
}

/**
 * The socket protocol around a party: the first message must be `auth` (within `authTimeoutMs`, else
 * close 4401; a token nobody knows: 4403); later messages are validated and handled one at a time, in
 * order, even across async authentication and store calls.
 */
export function serialConnection<P>(
  peer: SignalPeer,
  o: {
    authTimeoutMs: number;
    authenticate(token: string): Promise<P | null>;
    handle(party: P, msg: ClientSignal): void | Promise<void>;
    closed(party: P | null): void | Promise<void>;
    failed(err: Error): void;
  },
): SignalConnection {
  let party: P | null = null;
  let chain = Promise.resolve();
  const timer = setTimeout(() => {
    if (party === null) peer.close(4401, 'authenticate first');
  }, o.authTimeoutMs);
  return {
    message: (text) => {
      chain = chain
        .then(async () => {
          const parsed = parseSignal(text);
          if (!parsed.ok) return send(peer, { t: 'error', code: 'invalid_message', message: parsed.error });
          if (party !== null) return o.handle(party, parsed.msg);
          if (parsed.msg.t !== 'auth') return peer.close(4401, 'authenticate first');
          party = await o.authenticate(parsed.msg.token);
          clearTimeout(timer);
          if (party === null) peer.close(4403, 'bad or expired token');
        })
        .catch((err: unknown) => {
          o.failed(err as Error);
          send(peer, { t: 'error', code: 'internal', message: 'the message was not applied' });
        });
    },
    closed: () => {
      clearTimeout(timer);
      // A failing close must not become an unhandled rejection (that would end the process).
      chain = chain.then(() => o.closed(party)).catch((err: unknown) => o.failed(err as Error));
    },
  };
}

export function send(peer: SignalPeer, msg: ServerSignal): void {
  peer.send(JSON.stringify(msg));
}

export function parseSignal(text: string): { ok: true; msg: ClientSignal } | { ok: false; error: string } {
  if (text.length > MAX_SIGNAL_BYTES) return { ok: false, error: `message over ${MAX_SIGNAL_BYTES} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = ClientSignalSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, error: i ? `${i.path.join('.') || '(message)'}: ${i.message}` : 'invalid message' };
  }
  return { ok: true, msg: parsed.data };
}
