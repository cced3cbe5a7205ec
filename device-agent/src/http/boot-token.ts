// The per-boot secret of the kiosk listener. The agent makes a fresh one at every start and hands it
// only to pages of its own origin (GET /kiosk/boot: a page of another origin cannot read the answer, a
// DNS-rebinding page never passes the Host allowlist). The kiosk socket and every state-changing
// simulation request must carry it, so a page that merely reaches 127.0.0.1 can change nothing.
// Web Crypto only (no Node built-ins), so the runtime-agnostic app can use it.

/** Request header carrying the secret on HTTP calls. */
export const BOOT_HEADER = 'x-kiosk-boot';
/** Query parameter carrying the secret on the /ws upgrade (a browser cannot set socket headers). */
export const BOOT_PARAM = 'boot';

/** 32 random bytes, base64url. */
export function newBootToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Constant-time comparison of a presented value with the secret; absent or wrong length is false. */
export function bootTokenMatches(presented: string | null | undefined, secret: string): boolean {
  if (typeof presented !== 'string' || presented.length !== secret.length) return false;
  let diff = 0;
  for (let i = 0; i < secret.length; i++) diff |= presented.charCodeAt(i) ^ secret.charCodeAt(i);
  return diff === 0;
}

/**
 * True when a browser says the bootstrap request came from another site. Fetch metadata is sent by
 * every current browser; its absence (curl, tests) is allowed, the Host allowlist still applies.
 */
export function crossSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite !== undefined && secFetchSite !== 'same-origin' && secFetchSite !== 'none';
}
