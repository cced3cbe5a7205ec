// Which message a failed card read shows, from the agent's completion and error codes.
import type { MessageKey } from '../i18n/index.ts';
import { CommandFailed } from '../protocol/kiosk-client.ts';

export function cardErrorKey(err: unknown): MessageKey {
  if (!(err instanceof CommandFailed)) return 'card.error.generic';
  if (err.errorCode === 'badSwipe') return 'card.error.badSwipe';
  switch (err.completionCode) {
    case 'timeOut':
    case 'clientTimeout':
      return 'card.error.timeOut';
    case 'cancelled':
      return 'card.error.cancelled';
    case 'deviceNotReady':
      return 'card.error.deviceNotReady';
    default:
      return 'card.error.generic';
  }
}
