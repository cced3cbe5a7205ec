// Shared pieces of the hub's HTTP core: the error body, bearer parsing, JSON body reading.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { findNul } from './nul-guard.ts';

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/**
 * 413 for a body over its limit. The rest of that body is never read, so the connection cannot carry
 * another request: tell the client to open a new one.
 */
export function tooLarge(c: Context, message: string) {
  c.header('Connection', 'close');
  return apiError(c, 413, 'body_too_large', message);
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return m ? (m[1] as string) : null;
}

export type ParsedBody<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Reads and validates a JSON body; answers 400 with the zod issues when it does not fit, or holds a NUL. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<ParsedBody<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: apiError(c, 400, 'bad_json', 'body is not valid JSON') };
  }
  const nul = findNul(raw);
  if (nul !== null)
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_body', `${nul}: NUL characters are not accepted`),
    };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: invalidBody(c, parsed.error) };
  return { ok: true, value: parsed.data };
}

/** 400 `invalid_body` naming the first bad field; `prefix` places a nested value's paths in the body. */
export function invalidBody(c: Context, error: z.ZodError, prefix = ''): Response {
  const issues = error.issues
    .slice(0, 20)
    .map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? `${first.path || '(body)'}: ${first.message}` : 'invalid body';
  return apiError(c, 400, 'invalid_body', message, issues);
}
