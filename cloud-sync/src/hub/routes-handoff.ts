// POST /api/handoff/requests: a kiosk (its own credential) asks for a person. The answer says where
// the request was routed and, when queued, carries the join token for the signalling socket. Over the
// kiosk's handoff limits (handoff-limits.ts) it answers 429 with the reason and Retry-After.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HandoffRequestSchema } from '../schema/handoff.ts';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import { apiError, readJson, tooLarge } from './http-util.ts';
import { authenticateKiosk } from './routes-sync.ts';
import type { HubStore } from './store/types.ts';
import { ownsOrUnknown } from '../handoff/call-records.ts';
import { HUB_ROUTES } from '../wire.ts';
import { HandoffLimitError } from '../handoff/handoff-limits.ts';

export function handoffRoutes(store: HubStore, handoff: HandoffHub): Hono {
  const app = new Hono();
  app.post(
    HUB_ROUTES.handoff.requests,
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => tooLarge(c, 'handoff request too large') }),
    async (c) => {
      const kiosk = await authenticateKiosk(store, c.req.header('authorization'));
      if (!kiosk) return apiError(c, 401, 'unauthorized', 'kiosk credential missing or unknown');
      const body = await readJson(c, HandoffRequestSchema);
      if (!body.ok) return body.response;
      // A kiosk names only its own conversations: a stolen credential must not pull in another's.
      if (!(await ownsOrUnknown(store, body.value.sessionId, kiosk.id)))
        return apiError(c, 403, 'forbidden', 'sessionId is a conversation of another kiosk');
      try {
        return c.json(await handoff.request(kiosk.id, body.value));
      } catch (err) {
        // Over the kiosk's open or per-minute limit: a clear 429 the kiosk can show, not a 500.
        if (!(err instanceof HandoffLimitError)) throw err;
        c.header('Retry-After', String(err.retryAfterS));
        return apiError(c, 429, err.code, err.message, { retryAfterS: err.retryAfterS });
      }
    },
  );
  return app;
}
