// How a technician console proves its sign-in when it opens /tech/ws. The token travels in the
// Sec-WebSocket-Protocol header ("branch-tech.v1, bearer.<token>"), never in the URL: URLs end up in
// proxy and access logs, browser history and crash reports; a header does not. The server answers with
// the protocol name alone, so the token is never echoed back.

/** The subprotocol a technician console asks for; the server selects exactly this one. */
export const TECH_WS_PROTOCOL = 'branch-tech.v1';
export type TechWsProtocol = typeof TECH_WS_PROTOCOL;
/** Prefix of the subprotocol entry that carries the sign-in token. */
export const TECH_WS_BEARER_PREFIX = 'bearer.';
export type TechWsBearerPrefix = typeof TECH_WS_BEARER_PREFIX;

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export type TechWsCredential =
  { ok: true; token: string } | { ok: false; reason: 'no protocol' | 'no token' | 'malformed token' };

/** The token offered in a Sec-WebSocket-Protocol header value, if the header is well formed. */
export function techWsCredential(header: string | string[] | undefined): TechWsCredential {
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (!entries.includes(TECH_WS_PROTOCOL)) return { ok: false, reason: 'no protocol' };
  const bearers = entries.filter((p) => p.startsWith(TECH_WS_BEARER_PREFIX));
  if (bearers.length === 0) return { ok: false, reason: 'no token' };
  const token = bearers[0]!.slice(TECH_WS_BEARER_PREFIX.length);
  if (bearers.length > 1 || !TOKEN.test(token)) return { ok: false, reason: 'malformed token' };
  return { ok: true, token };
}

/** The subprotocol list a client offers for `token`. */
export function techWsProtocols(token: string): [TechWsProtocol, string] {
  return [TECH_WS_PROTOCOL, `${TECH_WS_BEARER_PREFIX}${token}`];
}
