// Short-lived TURN credentials by the TURN REST scheme (draft-uberti-behave-turn-rest, coturn's
// `use-auth-secret`): the username is "<expiry unix seconds>:<who>", the password the base64 HMAC-SHA1
// of that username under a secret the hub shares with the TURN server. Nothing is stored: the TURN
// server checks the HMAC and refuses the pair once the expiry has passed. WebCrypto only (Node, Deno).
import type { IceServer } from '../schema/handoff.ts';
import { toBase64 } from '../hub/crypto.ts';

export interface TurnConfig {
  /** turn: URLs of the TURN server(s), e.g. ["turn:turn.branch.example:3478?transport=udp"]. */
  urls: string[];
  /** The shared secret (coturn's static-auth-secret). */
  secret: string;
  /** How long a credential works. Default 3 h: TURN refreshes of a long call need it valid to the end. */
  ttlS?: number;
}

export const DEFAULT_TURN_TTL_S = 3 * 3600;

const encoder = new TextEncoder();

/** One credential for `who` (a handoff id or an agent's username: it shows in the TURN server's log). */
export async function turnCredential(
  config: TurnConfig,
  who: string,
  nowMs: number,
): Promise<Required<IceServer>> {
  const expiry = Math.floor(nowMs / 1000) + (config.ttlS ?? DEFAULT_TURN_TTL_S);
  // A colon in `who` would move the expiry the server reads; the REST scheme splits on the first one.
  const username = `${expiry}:${who.replace(/:/g, '_')}`;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(config.secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(username)));
  return { urls: config.urls, username, credential: toBase64(mac) };
}

/** The ICE servers one party gets: the configured ones, then a fresh TURN credential when TURN is set. */
export async function iceServersFor(
  staticServers: readonly IceServer[],
  turn: TurnConfig | undefined,
  who: string,
  nowMs: number,
): Promise<IceServer[]> {
  if (!turn) return [...staticServers];
  return [...staticServers, await turnCredential(turn, who, nowMs)];
}
