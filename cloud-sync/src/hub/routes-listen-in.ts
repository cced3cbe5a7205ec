// Listen-in routes on the supervisor's desk (mounted under /api/agent/supervisor/calls, so behind the
// agent sign-in and the supervisor-role check, 403 for others): the live calls, start listening to
// one, step in. Each start and step-in is in the audit log before the call's ends hear of it. The
// media and its negotiation then go over the signalling socket (handoff/listen-in.ts).
import { Hono, type Context } from 'hono';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import { ListenInRefused } from '../handoff/listen-in.ts';
import type { ListenInAnswer, LiveCallsResponse } from '../schema/listen-in.ts';
import { apiError } from './http-util.ts';
import type { AgentSession } from './store/types.ts';

type Env = { Variables: { agent: AgentSession } };

export function listenInRoutes(handoff: HandoffHub): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/live', async (c) => c.json({ calls: await handoff.listen.live() } satisfies LiveCallsResponse));

  const act =
    (what: 'start' | 'stepIn') =>
    async (c: Context<Env>): Promise<Response> => {
      const agent = c.get('agent');
      try {
        const answer: ListenInAnswer = await handoff.listen[what](agent, c.req.param('handoffId') ?? '');
        return c.json(answer);
      } catch (err) {
        if (!(err instanceof ListenInRefused)) throw err;
        return apiError(c, err.status, err.code, err.message);
      }
    };
  app.post('/:handoffId/listen', act('start'));
  app.post('/:handoffId/step-in', act('stepIn'));
  return app;
}
