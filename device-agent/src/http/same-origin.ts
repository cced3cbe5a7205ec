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
