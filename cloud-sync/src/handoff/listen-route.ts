// Who a listen-in message on a signalling socket goes to, decided from the sender alone (the hub keeps
// no listen-in state): the agent on the call, answering a supervisor (`to`) on its own call, reaches
// that supervisor; a supervisor reaches the agent on the call it names; anyone else is refused. Pure.
import type { ClientSignal } from '../schema/handoff.ts';

export const LISTENER_ROLE = 'supervisor';

export type ListenMessage = Extract<ClientSignal, { t: 'listen_signal' | 'listen_end' }>;

export function isListenMessage(msg: ClientSignal): msg is ListenMessage {
  return msg.t === 'listen_signal' || msg.t === 'listen_end';
}

export type ListenRoute =
  /** From the call's agent to one supervisor's socket; `supervisor` is who listens. */
  | { to: 'supervisor'; supervisor: string }
  /** From a supervisor to the agent on the call it names. */
  | { to: 'agent'; supervisor: string }
  | { to: 'refused' };

export function listenRoute(
  sender: { username: string; role: string; call: string | null },
  msg: ListenMessage,
): ListenRoute {
  if (sender.call === msg.handoffId && msg.to !== undefined) return { to: 'supervisor', supervisor: msg.to };
  if (sender.role === LISTENER_ROLE) return { to: 'agent', supervisor: sender.username };
  return { to: 'refused' };
}
