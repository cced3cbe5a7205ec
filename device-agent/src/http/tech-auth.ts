// Bearer-token check for the technician API (tokens from POST /tech/api/login).
import type { MiddlewareHandler } from 'hono';

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

export function requireTechnician(verify: (token: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const m = BEARER.exec(c.req.header('authorization') ?? '');
    if (!m || !verify(m[1] as string)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'technician sign-in required' }, 401);
    }
    c.set('techToken' as never, m[1] as never);
    await next();
  };
}
