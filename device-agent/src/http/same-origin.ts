// The same-origin rule of the HTTP API and both WebSockets: a request from a browser page names its
// page's origin, and only pages served by this listener (the same host:port) may write or connect.
// No Node built-ins, so the runtime-agnostic HTTP app can use it too.

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** True when there is no Origin header (not a browser page) or its host is this listener's `host`. */
export function fromSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || originHost(origin) === host;
}

/**
 * The Host header values this listener answers to: loopback names and the listen address, plus the
 * configured `extraNames` (host names without a port), each with the listener's port. A DNS-rebinding
 * page reaches the listener under its own name, which is not among them.
 */
export function listenerHosts(port: number, extraNames: readonly string[]): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', ...extraNames]
    .map((n) => n.toLowerCase())
    .filter((n) => n !== '0.0.0.0' && n !== '::' && n !== '[::]');
  const hosts = new Set<string>();
  for (const n of names) {
    const name = n.includes(':') && !n.startsWith('[') ? `[${n}]` : n;
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/** True when the request's Host header is one this listener answers to. */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}
