// The technician API under /tech/api: sign-in (public), then everything behind a bearer token: safety
// reset and history, inventory, live status, self-test, runbooks, hold-to-run jog, diagnostic bundle.
// Every body is checked with zod (readJsonBody) and limited in size by the app.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { TechDeps } from '../tech/tech-deps.ts';
import { readJsonBody } from './read-json-body.ts';
import { requireTechnician } from './tech-auth.ts';
import { TechnicianId } from '../tech/technician-accounts.ts';

const LoginBody = z
  .object({
    pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits'),
    /** The personal account; may be left out when the agent has only one. */
    user: TechnicianId.optional(),
  })
  .strict();
const Empty = z.object({}).strict();
const RunId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a run id');
const AbortBody = z.object({ runId: RunId.optional() }).strict();
export const JogStartBody = z
  .object({
    axis: z.enum(['x', 'y', 'z']),
    direction: z.union([z.literal(1), z.literal(-1)]),
    speedMmS: z.number().positive().max(1000).default(250),
  })
  .strict();
const JogIdBody = z.object({ jogId: z.uuid() }).strict();
const Limit = z.coerce.number().int().min(1).max(1000).default(100);

/** The address a request's sign-in attempts are counted against (supplied by the server side). */
export type ClientOf = (c: Context) => string;

export function techRoutes(deps: TechDeps, clientOf: ClientOf): Hono {
  const app = new Hono();
  app.post('/login', async (c) => {
    const body = await readJsonBody(c, LoginBody);
    if (!body.ok) return body.response;
    const r = await deps.login(body.data.pin, body.data.user, clientOf(c));
    if (r.ok)
      return c.json({
        token: r.token,
        expiresAt: new Date(r.expiresAt).toISOString(),
        technician: r.technician,
      });
    if (r.reason === 'locked') {
      c.header('Retry-After', String(Math.ceil(r.retryAfterMs / 1000)));
      return c.json(
        { error: 'too many failed sign-ins from this address; locked', retryAfterMs: r.retryAfterMs },
        429,
      );
    }
    // One answer for a wrong PIN and an unknown name: sign-in does not tell which names exist.
    return c.json({ error: 'wrong name or PIN', attemptsLeft: r.attemptsLeft }, 401);
  });

  // Everything below needs a live token.
  app.use(
    '*',
    requireTechnician((t) => deps.verify(t)),
  );
  // Who is acting: recorded with every reset, runbook and jog.
  const actor = (c: { get(k: never): unknown }): string =>
    deps.whoIs(c.get('techToken' as never) as string)?.id ?? 'unknown';
  app.get('/me', (c) => c.json({ technician: deps.whoIs(c.get('techToken' as never) as string) }));
  app.post('/logout', (c) => {
    deps.signOut(c.get('techToken' as never) as string);
    return c.json({ ok: true });
  });
  app.post('/safety/reset', (c) => {
    const r = deps.reset(actor(c));
    return r.ok ? c.json({ state: r.state }) : c.json({ error: r.reason }, 409);
  });
  app.get('/safety/events', (c) => c.json({ events: deps.safetyEvents(100) }));
  app.get('/inventory', async (c) => c.json(await deps.inventory()));
  app.get('/status', (c) => c.json(deps.status()));
  app.post('/selftest', async (c) => c.json(await deps.selfTest()));
  app.get('/events', (c) => {
    const limit = Limit.safeParse(c.req.query('limit'));
    if (!limit.success) return c.json({ error: 'limit: 1 to 1000' }, 400);
    return c.json({ events: deps.history(limit.data) });
  });

  app.get('/runbooks', (c) => c.json({ runbooks: deps.runbooks(), current: deps.status().runbook }));
  app.get('/runbooks/runs', (c) => c.json({ runs: deps.runHistory(50) }));
  app.post('/runbooks/:id/run', async (c) => {
    const body = await readJsonBody(c, Empty);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) return c.json({ error: 'invalid runbook id' }, 400);
    const r = deps.startRunbook(id, actor(c));
    return r.ok ? c.json({ runId: r.runId }, 202) : c.json({ error: r.reason }, r.status);
  });
  app.post('/runbooks/abort', async (c) => {
    const body = await readJsonBody(c, AbortBody);
    if (!body.ok) return body.response;
    return deps.abortRunbook(body.data.runId)
      ? c.json({ aborted: true })
      : c.json({ error: 'no such runbook is running' }, 409);
  });

  app.post('/jog/start', async (c) => {
    const body = await readJsonBody(c, JogStartBody);
    if (!body.ok) return body.response;
    const r = deps.jogStart(body.data, actor(c));
    return r.ok ? c.json(r) : c.json({ error: r.reason }, 409);
  });
  app.post('/jog/heartbeat', async (c) => {
    const body = await readJsonBody(c, JogIdBody);
    if (!body.ok) return body.response;
    return deps.jogHeartbeat(body.data.jogId)
      ? c.json({ ok: true })
      : c.json({ error: 'jog not running' }, 409);
  });
  app.post('/jog/stop', async (c) => {
    const body = await readJsonBody(c, JogIdBody);
    if (!body.ok) return body.response;
    return c.json({ stopped: deps.jogStop(body.data.jogId) });
  });

  app.post('/bundle', async (c) => {
    const body = await readJsonBody(c, Empty);
    if (!body.ok) return body.response;
    return c.json(deps.bundleStart(), 202);
  });
  app.get('/bundle/:id', (c) => {
    const s = deps.bundleState(c.req.param('id'));
    return s ? c.json(s) : c.json({ error: 'no such bundle' }, 404);
  });
  app.get('/bundle/:id/download', (c) => {
    const id = c.req.param('id');
    const text = deps.bundleBody(id);
    if (text === null) return c.json({ error: 'bundle not ready' }, 404);
    return c.body(text, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="diagnostic-${id.replace(/[^A-Za-z0-9-]/g, '')}.json"`,
    });
  });
  return app;
}
