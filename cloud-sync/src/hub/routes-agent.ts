// Remote-agent console API: sign-in with lockout, conversations, tickets, and (supervisors) knowledge.
import { audit } from './audit.ts';
import type { AuditListResponse } from '../schema/audit.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { Hlc } from '../schema/hlc.ts';
import {
  TicketStatusSchema,
  TicketUpdateSchema,
  canTransition,
  type TicketUpdate,
} from '../schema/ticket.ts';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ConversationListResponse } from '../schema/agent-api.ts';
import { apiError, bearerToken, readJson, tooLarge } from './http-util.ts';
import { randomToken, sha256Hex } from './crypto.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import type { HubMetrics } from './metrics.ts';
import type { HubEvents } from './events.ts';
import type { Logger } from '../logger.ts';
import { knowledgeRoutes } from './routes-knowledge.ts';
import { missesRoutes } from './routes-misses.ts';
import { loginRoutes, type LoginOptions } from './routes-login.ts';
import { conversationScope, mayRead, mayUseTicket } from './conversation-access.ts';
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
}

const TicketEditSchema = z
  .object({
    status: TicketStatusSchema.optional(),
    priority: TicketUpdateSchema.shape.priority,
    assignee: z.string().min(1).max(64).nullable().optional(),
    comment: z.string().min(1).max(4000).optional(),
  })
  .refine((e) => Object.values(e).some((v) => v !== undefined), { message: 'nothing to change' });

export type Env = { Variables: { agent: AgentSession } };

/** How many of the most recently updated tickets are searched for a plain agent's own. */
const ASSIGNED_TICKET_WINDOW = 500;

const ticketForbidden = (c: Context) =>
  apiError(c, 403, 'forbidden', 'this ticket is not assigned to you (supervisors see all)');

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

  app.get(HUB_ROUTES.agent.tickets, async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 500);
    const agent = c.get('agent');
    if (agent.role === 'supervisor') return c.json({ tickets: await store.listTickets(limit) });
    // Not a supervisor: their own tickets among the most recently updated.
    const own = (await store.listTickets(ASSIGNED_TICKET_WINDOW)).filter((t) => mayUseTicket(agent, t));
    return c.json({ tickets: own.slice(0, limit) });
  });

  // An agent edits a ticket: merged field by field with the kiosk's own updates (hub clock).
  app.post(
    '/tickets/:id',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => tooLarge(c, 'ticket edit too large') }),
    async (c) => {
      const body = await readJson(c, TicketEditSchema);
      if (!body.ok) return body.response;
      const current = await store.getTicket(c.req.param('id'));
      if (!current) return apiError(c, 404, 'not_found', 'no such ticket');
      const agent = c.get('agent');
      if (!mayUseTicket(agent, current)) return ticketForbidden(c);
      const edit = body.value;
      if (edit.assignee !== undefined && agent.role !== 'supervisor')
        return apiError(c, 403, 'forbidden', 'only a supervisor assigns or reassigns a ticket');
      if (edit.status !== undefined && !canTransition(current.status, edit.status)) {
        return apiError(c, 409, 'bad_transition', `a ${current.status} ticket cannot become ${edit.status}`);
      }
      const at = new Date(opts.now()).toISOString();
      const update: TicketUpdate = {
        id: current.id,
        kioskId: current.kioskId,
        updatedAt: at,
        ...(edit.status !== undefined ? { status: edit.status, statusFrom: current.status } : {}),
        ...(edit.priority !== undefined ? { priority: edit.priority } : {}),
        ...(edit.assignee !== undefined ? { assignee: edit.assignee } : {}),
        ...(edit.comment !== undefined
          ? {
              comments: [
                { id: `hub-${randomToken(9)}`, author: c.get('agent').username, text: edit.comment, at },
              ],
            }
          : {}),
      };
      const result = await store.editTicket(update, Hlc.serialize(opts.hlc.now()), current.status);
      if (result.outcome === 'not_found') return apiError(c, 404, 'not_found', 'no such ticket');
      if (result.outcome === 'status_changed')
        return apiError(
          c,
          409,
          'ticket_changed',
          `the ticket is now ${result.ticket.status}; reload and retry`,
        );
      // A field the merge kept from a newer change: the edit lost there, and the agent must know.
      const lost = (['status', 'priority', 'assignee'] as const).filter(
        (f) => edit[f] !== undefined && (result.ticket[f] ?? null) !== edit[f],
      );
      if (lost.length > 0)
        return apiError(
          c,
          409,
          'edit_lost',
          `a newer change of ${lost.join(', ')} was kept; reload and retry`,
          { fields: lost, ticket: result.ticket },
        );
      return c.json({ ticket: result.ticket });
    },
  );

  app.get(`${HUB_ROUTES.agent.tickets}/:id`, async (c) => {
    const ticket = await store.getTicket(c.req.param('id'));
    if (!ticket) return apiError(c, 404, 'not_found', 'no such ticket');
    if (!mayUseTicket(c.get('agent'), ticket)) return ticketForbidden(c);
    await audit(store, {
      actor: c.get('agent').username,
      action: 'ticket.read',
      subject: ticket.id,
      kioskId: ticket.kioskId,
      detail: `${ticket.kind} ticket`,
    });
    return c.json({ ticket });
  });

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
