// The headers every hub response carries (issue 14, finding 12): no MIME sniffing, no framing by another
// site (clickjacking the agent console), and a content policy. The console page may load only its own
// scripts, styles and images and talk only to its own origin (HTTP and WebSocket); API answers are data
// and may load nothing at all. Frozen: pass a copy as a Response's headers (Node's adapter may add to
// the object it is given).

/** For JSON and text answers of the API. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
});

/** For the agent console's page and assets. Inline style attributes stay allowed (the views set them). */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...API_SECURITY_HEADERS,
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
});

/** Sets each header the response does not already have (a route may choose its own). */
export function withSecurityHeaders(headers: Headers, set: Readonly<Record<string, string>>): void {
  for (const [k, v] of Object.entries(set)) if (!headers.has(k)) headers.set(k, v);
}
