// A raw HTTP client for fuzzing: node:http, so the method, path, headers and body bytes go out as
// generated (fetch would normalise or refuse some), with a deadline so a hang shows as a failure.
import { request } from 'node:http';
import type { RawBody } from './http-arbitraries.ts';

export interface FuzzRequest {
  method: string;
  /** Path and query, already percent-encoded. */
  path: string;
  headers?: Record<string, string | undefined>;
  body?: RawBody;
}

export interface FuzzResponse {
  status: number;
  text: string;
}

/** Sends one request to `baseUrl` and resolves with the status and body text; rejects on a hang. */
export function send(baseUrl: string, req: FuzzRequest, timeoutMs = 10_000): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = v;
  // Framed by length: Node sends a GET's or DELETE's body unframed otherwise, which no server can read.
  if (req.body !== undefined)
    headers['content-length'] = String(
      typeof req.body === 'string' ? Buffer.byteLength(req.body) : req.body.byteLength,
    );
  return new Promise((resolve, reject) => {
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(timeoutMs, () =>
      r.destroy(new Error(`no answer to ${req.method} ${req.path} in ${timeoutMs} ms`)),
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** What a fuzz property reports: the request and the answer, short enough to read in a counterexample. */
export function describe(req: FuzzRequest, res: FuzzResponse): string {
  const body =
    typeof req.body === 'string' ? req.body.slice(0, 300) : req.body ? `<${req.body.byteLength} bytes>` : '';
  return `${req.method} ${req.path} ${body} -> ${res.status} ${res.text.slice(0, 300)}`;
}

/** True for an answer the server may give to any input: anything but a 5xx. */
export const noServerError = (res: FuzzResponse): boolean => res.status > 0 && res.status < 500;
