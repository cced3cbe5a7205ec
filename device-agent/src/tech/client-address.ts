// The address a technician sign-in is counted against. Normally the peer of the TCP connection; behind a
// TLS-terminating proxy listed in trustedProxies, the address that proxy appended last to
// X-Forwarded-For (the only entry it vouches for; earlier ones are whatever the client sent).
import { isIP } from 'node:net';

/** `::ffff:10.0.0.5` and `10.0.0.5` are one client. */
export function normaliseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? (mapped[1] as string) : a;
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  if (peer === undefined) return 'unknown';
  const from = normaliseAddress(peer);
  if (forwardedFor === undefined || !trustedProxies.some((p) => normaliseAddress(p) === from)) return from;
  const last = forwardedFor.split(',').at(-1)?.trim() ?? '';
  return isIP(last) === 0 ? from : normaliseAddress(last);
}

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = normaliseAddress(host.replace(/^\[(.*)\]$/, '$1'));
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}
