// The agent's HTTP app. Runtime-agnostic (Hono only, no Node built-ins): the Node entry supplies the
// page handlers and mounts the WebSocket next to it.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { scrubText } from '../log/pan-guard.ts';
import { BOOT_HEADER, bootTokenMatches, crossSiteFetch } from './boot-token.ts';
import { fromSameOrigin, hostAllowed } from './same-origin.ts';
import { simRoutes, type SimRoutesDeps } from './sim-routes.ts';
import { voiceRoutes, type LineStreamer } from '../voice/voice-routes.ts';

/** Largest HTTP request body accepted, bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface AppDeps {
  health(): { ok: boolean } & Record<string, unknown>;
  metrics(): string;
  /** Present in simulation mode only. */
  sim?: SimRoutesDeps;
  pages?: { index: MiddlewareHandler; sim: MiddlewareHandler; assets: MiddlewareHandler };
  /** The kiosk's voice engine (POST /voice/line); absent when the page uses the browser's voice. */
  voice?: LineStreamer;
  /** Host header values answered (see listenerHosts); any other Host gets 403 (DNS rebinding). */
  allowedHosts?: () => ReadonlySet<string>;
  /** The per-boot secret (see boot-token.ts): handed out at GET /kiosk/boot, required on sim writes. */
  bootToken: string;
}

/** Security headers, body limit and same-origin writes: shared by the kiosk and technician apps. */
export function guardApp(app: Hono): void {
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body larger than ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );
  // Requests from pages of another origin are refused (the kiosk browser may show other sites).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && !fromSameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json({ error: 'cross-origin requests are not accepted' }, 403);
    }
    await next();
  });
  app.onError((err, c) => c.json({ error: `internal error: ${scrubText(err.message.slice(0, 200))}` }, 500));
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const allowed = deps.allowedHosts;
  if (allowed)
    app.use('*', async (c, next) => {
      if (!hostAllowed(c.req.header('host'), allowed()))
        return c.json({ error: 'this agent does not answer to that Host name' }, 403);
      await next();
    });
  guardApp(app);
  app.get('/healthz', (c) => {
    const h = deps.health();
    return c.json(h, h.ok ? 200 : 503);
  });
  app.get('/metrics', (c) =>
    c.text(deps.metrics(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  const token = deps.bootToken;
  app.get('/kiosk/boot', (c) => {
    if (crossSiteFetch(c.req.header('sec-fetch-site')))
      return c.json({ error: 'the boot secret is for the kiosk’s own pages' }, 403);
    return c.json({ token }, 200, { 'cache-control': 'no-store' });
  });
  if (deps.sim) {
    // Every state-changing simulation request carries the secret.
    app.use('/sim/api/*', async (c, next) => {
      if (c.req.method !== 'GET' && !bootTokenMatches(c.req.header(BOOT_HEADER), token))
        return c.json({ error: `missing or wrong ${BOOT_HEADER} (GET /kiosk/boot)`, code: 'bootToken' }, 403);
      await next();
    });
    app.route('/sim/api', simRoutes(deps.sim));
  }
  if (deps.voice) app.route('/voice', voiceRoutes(deps.voice));
  if (deps.pages) {
    app.get('/', deps.pages.index);
    if (deps.sim) app.get('/sim', deps.pages.sim);
    app.get('/assets/*', deps.pages.assets);
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
