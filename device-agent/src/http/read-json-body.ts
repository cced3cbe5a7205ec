// Reads and validates a JSON request body; the error is a ready 400 response naming the problem.
import type { Context } from 'hono';
import type { z } from 'zod';

export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  // JSON only: a cross-site page cannot send it without a CORS preflight, which this agent never grants.
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return {
      ok: false,
      response: c.json({ error: 'the request body must be JSON (content-type: application/json)' }, 415),
    };
  }
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    return { ok: false, response: c.json({ error: 'the request body must be JSON' }, 400) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`)
      .join('; ');
    return { ok: false, response: c.json({ error: `invalid body: ${detail}` }, 400) };
  }
  return { ok: true, data: parsed.data };
}
