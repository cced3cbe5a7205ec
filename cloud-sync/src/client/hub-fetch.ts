// Requests from the kiosk to an HTTPS hub that the kiosk checks against its configured CA (only that CA,
// not the system's roots) and, for mutual TLS, shows its own certificate to. Node's fetch cannot take a
// CA per request without an undici dispatcher, so with TLS settings the request goes through node:https;
// without them it is the ordinary fetch (the system's roots).
import { request as httpsRequest } from 'node:https';

/** PEM contents. */
export interface HubClientTls {
  /** The CA the hub's certificate must chain to; only it is trusted. */
  ca?: string | Buffer;
  /** The kiosk's client certificate and key (mutual TLS). */
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface HubRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal;
}

/** The TLS options of node:https / ws for these settings. */
export function tlsOptions(tls: HubClientTls | undefined): HubClientTls {
  if (tls === undefined) return {};
  return {
    ...(tls.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls.cert === undefined ? {} : { cert: tls.cert }),
    ...(tls.key === undefined ? {} : { key: tls.key }),
  };
}

const NO_BODY = new Set([101, 204, 205, 304]);

/** fetch(url, init), with the hub's TLS settings when the URL is https and there are any. */
export function hubFetch(url: URL, init: HubRequestInit, tls?: HubClientTls): Promise<Response> {
  const options = tlsOptions(tls);
  if (url.protocol !== 'https:' || Object.keys(options).length === 0) return fetch(url, init);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: init.method, headers: init.headers, signal: init.signal, ...options },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = res.statusCode ?? 502;
          resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers }));
        });
      },
    );
    // As fetch does: a TypeError whose cause is the network or TLS error (its code names it).
    req.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
    req.end(init.body);
  });
}
