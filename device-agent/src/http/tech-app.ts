// The technician app, on its own listener (address configurable, unlike the kiosk API's loopback):
// the console page at /tech, its assets, and the API under /tech/api. Runtime-agnostic (Hono only).
import { Hono, type MiddlewareHandler } from 'hono';
import type { TechDeps } from '../tech/tech-deps.ts';
import { guardApp } from './app.ts';
import { techRoutes, type ClientOf } from './tech-routes.ts';

export interface TechPages {
  tech: MiddlewareHandler;
  assets: MiddlewareHandler;
}

/** `clientOf`: the address sign-in attempts are counted against (the server knows the connection). */
export function createTechApp(deps: TechDeps, clientOf: ClientOf, pages?: TechPages): Hono {
  const app = new Hono();
  guardApp(app);
  app.route('/tech/api', techRoutes(deps, clientOf));
  if (pages) {
    app.get('/', (c) => c.redirect('/tech'));
    app.get('/tech', pages.tech);
    app.get('/assets/*', pages.assets);
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
