// The call desk's API (mounted under /api/agent/call-desk, after sign-in): any agent searches the
// knowledge articles in effect to push into a call, and lists the canned replies; supervisors add, edit
// and remove canned replies, each in the audit log. What reaches the kiosk goes over the signalling socket
// (handoff/call-desk.ts), looked up there by id.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ulid } from 'ulid';
import {
  CallArticleQuerySchema,
  CannedReplyCreateSchema,
  type CallArticleSearchResponse,
  type CannedReplyCreate,
  type CannedReplyListResponse,
  type CannedReplyResponse,
} from '../schema/call-desk-api.ts';
import { maskDigitRuns, HUB_ROUTES } from '../wire.ts';
import { audit } from './audit.ts';
import { searchArticles } from './call-articles.ts';
import { apiError, invalidBody, readJson, tooLarge } from './http-util.ts';
import type { AgentSession, HubStore } from './store/types.ts';

type Env = { Variables: { agent: AgentSession } };

const R = { articles: HUB_ROUTES.agent.callDeskArticles, canned: HUB_ROUTES.agent.callDeskCanned };

export function callDeskRoutes(store: HubStore, now: () => number): Hono<Env> {
  const app = new Hono<Env>();

  app.get(R.articles, async (c) => {
    const query = CallArticleQuerySchema.safeParse({ q: c.req.query('q'), locale: c.req.query('locale') });
    if (!query.success) return invalidBody(c, query.error, 'query');
    const { q, locale } = query.data;
    const response: CallArticleSearchResponse = {
      articles: searchArticles(await store.currentArticles(), q, new Date(now()), locale),
    };
    return c.json(response);
  });

  app.get(R.canned, async (c) => {
    const response: CannedReplyListResponse = { replies: await store.callDesk.cannedReplies() };
    return c.json(response);
  });

  const supervisorOnly = (role: string) => role !== 'supervisor';
  const notKept = (c: Context<Env>) =>
    apiError(c, 403, 'forbidden', 'canned replies are kept by supervisors');
  const bounded = bodyLimit({ maxSize: 8 * 1024, onError: (c) => tooLarge(c, 'canned reply too large') });
  // A card number typed into a reply would reach every customer it is said to: masked like notes.
  const masked = (r: CannedReplyCreate): CannedReplyCreate => ({
    title: maskDigitRuns(r.title),
    en: maskDigitRuns(r.en),
    'zh-CN': maskDigitRuns(r['zh-CN']),
  });

  app.post(R.canned, bounded, async (c) => {
    const agent = c.get('agent');
    if (supervisorOnly(agent.role)) return notKept(c);
    const body = await readJson(c, CannedReplyCreateSchema);
    if (!body.ok) return body.response;
    const reply = {
      id: ulid(),
      ...masked(body.value),
      createdBy: agent.username,
      createdAt: new Date(now()).toISOString(),
    };
    await store.callDesk.addCannedReply(reply);
    await audit(store, {
      actor: agent.username,
      action: 'canned.add',
      subject: reply.id,
      detail: reply.title,
    });
    const response: CannedReplyResponse = { reply };
    return c.json(response, 201);
  });

  // An edit replaces the title and both texts (the last save wins); who edited, and when, is in the audit
  // log. A call that says the reply afterwards says the edited text.
  app.put(`${R.canned}/:id`, bounded, async (c) => {
    const agent = c.get('agent');
    if (supervisorOnly(agent.role)) return notKept(c);
    const body = await readJson(c, CannedReplyCreateSchema);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    const reply = await store.callDesk.editCannedReply(id, masked(body.value));
    if (!reply) return apiError(c, 404, 'not_found', 'no such canned reply');
    await audit(store, { actor: agent.username, action: 'canned.edit', subject: id, detail: reply.title });
    const response: CannedReplyResponse = { reply };
    return c.json(response);
  });

  app.delete(`${R.canned}/:id`, async (c) => {
    const agent = c.get('agent');
    if (supervisorOnly(agent.role)) return notKept(c);
    const id = c.req.param('id');
    const gone = await store.callDesk.removeCannedReply(id);
    if (!gone) return apiError(c, 404, 'not_found', 'no such canned reply');
    await audit(store, { actor: agent.username, action: 'canned.remove', subject: id, detail: gone.title });
    return c.body(null, 204);
  });

  return app;
}
