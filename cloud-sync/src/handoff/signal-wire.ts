// The signalling socket's wire: one JSON text message each way, client messages validated by zod.
import {
  ClientSignalSchema,
  MAX_SIGNAL_BYTES,
  type ClientSignal,
  type ServerSignal,
} from '../schema/handoff.ts';

/** One end of a signalling socket, whatever the runtime. */
export interface SignalPeer {
  send(text: string): void;
  close(code: number, reason: string): void;
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
