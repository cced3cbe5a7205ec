// Which message a failed handoff request shows, from the agent's completion: the hub's per-kiosk limit
// (a call from this kiosk is already waiting) is told apart from "nobody can take a call".
import type { MessageKey } from '../i18n/index.ts';
import { CommandFailed } from '../protocol/kiosk-client.ts';

export function handoffErrorKey(err: unknown): MessageKey {
  if (err instanceof CommandFailed && err.errorCode === 'tooManyHandoffs') return 'handoff.busy';
  return 'handoff.failed';
}
