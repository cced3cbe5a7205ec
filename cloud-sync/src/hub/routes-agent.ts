// Remote-agent console API: sign-in with lockout, conversations, tickets (routes-tickets.ts), accounts
// (routes-accounts.ts), and (supervisors) knowledge.
import { audit } from './audit.ts';
import type { AuditListResponse } from '../schema/audit.ts';
import { Hono } from 'hono';
import type { Hlc } from '../schema/hlc.ts';
import type { TicketSla } from '../schema/ticket-sla.ts';
import { createMiddleware } from 'hono/factory';
import type { ConversationListResponse } from '../schema/agent-api.ts';
import { apiError, bearerToken } from './http-util.ts';
import { sha256Hex } from './crypto.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import type { HubMetrics } from './metrics.ts';
import type { HubEvents } from './events.ts';
import type { Logger } from '../logger.ts';
import { knowledgeRoutes } from './routes-knowledge.ts';
import { missesRoutes } from './routes-misses.ts';
import { loginRoutes, type LoginOptions } from './routes-login.ts';
import { conversationScope, mayRead } from './conversation-access.ts';
import { ticketRoutes } from './routes-tickets.ts';
import { accountRoutes } from './routes-accounts.ts';
import { callDeskRoutes } from './routes-call-desk.ts';
import { HUB_ROUTES } from '../wire.ts';

export interface AgentAuthOptions extends LoginOptions {
  /** The instance's clock: stamps agents' ticket edits. */
  hlc: Hlc;
  /** Realtime fan-out: a supervisor's article publish nudges the kiosks like an operator's. */
  events: HubEvents;
  log: Logger;
  /** After a session was signed out: re-check open signalling sockets. */
  onSignOut: () => Promise<void>;
  /** Calls' recordings (uploads, supervisors' playback); absent when the hub records no calls. */
  recordings?: Hono<Env>;
  /** The supervisor's wallboard, quality scores and CSV export (routes-supervisor.ts). */
  supervisor?: Hono<Env>;
  /** Tickets' resolution targets per kind and priority (schema/ticket-sla.ts). */
  ticketSla: TicketSla;
}

export type Env = { Variables: { agent: AgentSession } };

export function agentRoutes(store: HubStore, metrics: HubMetrics, opts: AgentAuthOptions): Hono<Env> {
  const app = new Hono<Env>();
  app.route('/', loginRoutes(store, metrics, opts));

  const requireAgent = createMiddleware<Env>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const session = token ? await store.findSession(await sha256Hex(token), new Date(opts.now())) : null;
    if (!session)
      return apiError(c, 401, 'unauthorized', 'sign in first (agent bearer token missing or expired)');
    c.set('agent', session);
    await next();
  });
  // Deny by default: everything registered after this needs a session (sign-in was registered above).
  app.use('*', requireAgent);
  // Sign-out ends the session at the hub; this instance's open socket of it closes at once.
  app.post(HUB_ROUTES.agent.logout, async (c) => {
    const token = bearerToken(c.req.header('authorization')) ?? '';
    await store.deleteSession(await sha256Hex(token));
    await opts.onSignOut();
    return c.body(null, 204);
  });
  app.route(HUB_ROUTES.agent.articles, knowledgeRoutes(store, opts.events, metrics, opts.log));
  app.route(HUB_ROUTES.agent.misses, missesRoutes(store, opts.now));
  if (opts.recordings) app.route(HUB_ROUTES.agent.recordings, opts.recordings);
  if (opts.supervisor) app.route(HUB_ROUTES.agent.supervisor, opts.supervisor);
  app.route('/', callDeskRoutes(store, opts.now));

  app.get(HUB_ROUTES.agent.conversations, async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 500);
    const scope = await conversationScope(store, c.get('agent'));
    // Not a supervisor: their own calls among the newest conversations.
    const conversations = scope.all
      ? await store.listConversations(limit)
      : (await store.listConversations(500)).filter((v) => mayRead(scope, v.id, v.kioskId)).slice(0, limit);
    const response: ConversationListResponse = { conversations };
    return c.json(response);
  });

  app.get(`${HUB_ROUTES.agent.conversations}/:id`, async (c) => {
    const id = c.req.param('id');
    const scope = await conversationScope(store, c.get('agent'));
    const forbidden = () =>
      apiError(c, 403, 'forbidden', 'this conversation is not one of your calls (supervisors see all)');
    if (!mayRead(scope, id)) return forbidden();
    const detail = await store.getConversation(id);
    if (!detail) return apiError(c, 404, 'not_found', 'no such conversation');
    if (!mayRead(scope, id, detail.conversation.kioskId)) return forbidden();
    const agent = c.get('agent');
    await audit(store, {
      actor: agent.username,
      action: 'conversation.read',
      subject: id,
      kioskId: detail.conversation.kioskId,
      detail: `role ${agent.role}`,
    });
    return c.json(detail);
  });

  app.route('/', ticketRoutes(store, { hlc: opts.hlc, sla: opts.ticketSla, now: opts.now }));
  app.route('/', accountRoutes(store, { ...opts, onSessionsEnded: opts.onSignOut }));

  // Supervisors read the audit log, newest first.
  app.get('/audit', async (c) => {
    if (c.get('agent').role !== 'supervisor')
      return apiError(c, 403, 'forbidden', 'the audit log is for supervisors');
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 200) || 200, 1), 1000);
    const response: AuditListResponse = { entries: await store.listAudit(limit) };
    return c.json(response);
  });

  return app;
}
