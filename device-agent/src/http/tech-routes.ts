// The technician API (this issue: sign-in and safety reset). Bearer tokens from /login.
import { Hono } from 'hono';
import { z } from 'zod';
import type { LoginResult } from '../tech/technician-auth.ts';
import { readJsonBody } from './read-json-body.ts';

export interface TechRoutesDeps {
  login(pin: string): Promise<LoginResult>;
  verify(token: string): boolean;
  reset(by: string): { ok: true; state: string } | { ok: false; reason: string };
  safetyEvents(limit: number): unknown[];
}

const LoginBody = z.object({ pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits') }).strict();

export function techRoutes(deps: TechRoutesDeps): Hono {
  const app = new Hono();
  app.post('/login', async (c) => {
    const body = await readJsonBody(c, LoginBody);
    if (!body.ok) return body.response;
    const r = await deps.login(body.data.pin);
    if (r.ok) return c.json({ token: r.token, expiresAt: new Date(r.expiresAt).toISOString() });
    if (r.reason === 'locked') {
      c.header('Retry-After', String(Math.ceil(r.retryAfterMs / 1000)));
      return c.json({ error: 'too many failed sign-ins; locked', retryAfterMs: r.retryAfterMs }, 429);
    }
    return c.json({ error: 'wrong PIN', attemptsLeft: r.attemptsLeft }, 401);
  });

  // Everything below needs a live token.
  app.use('/safety/*', async (c, next) => {
    const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(c.req.header('authorization') ?? '');
    if (!m || !deps.verify(m[1] as string)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'technician sign-in required' }, 401);
    }
    await next();
  });
  app.post('/safety/reset', (c) => {
    const r = deps.reset('technician');
    return r.ok ? c.json({ state: r.state }) : c.json({ error: r.reason }, 409);
  });
  app.get('/safety/events', (c) => c.json({ events: deps.safetyEvents(100) }));
  return app;
}
