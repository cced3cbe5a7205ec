// Public entry of kiosk-ui. The pages themselves are built by Vite (index.html, sim.html, agent.html);
// these are the reusable, browser-only pieces behind them.
export {
  KioskClient,
  CommandFailed,
  CLIENT_PROTOCOL_VERSION,
  DEFAULT_BACKOFF,
  type ConnectionState,
  type KioskClientOptions,
  type SocketLike,
} from './protocol/kiosk-client.ts';
export {
  Backoff,
  backoffCeiling,
  backoffDelay,
  checkBackoffPolicy,
  type BackoffPolicy,
  type Jitter,
} from './protocol/backoff.ts';
export { messages, t, applyMessages, type Locale, type MessageKey } from './i18n/index.ts';
export { shortSpeech, effectiveDate } from './kiosk/speech-text.ts';
