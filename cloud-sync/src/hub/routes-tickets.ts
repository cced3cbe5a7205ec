// The ticket desk's API (mounted under /api/agent, after sign-in): list with SLA flags, filters and
// search; open; read with the conversation's recordings and a device fault's context; edit (status,
// priority, assignee, comment), merged field by field with the kiosk's own updates under the status
// machine of schema/ticket.ts. Plain agents see and edit only tickets assigned to them; only a
// supervisor assigns (conversation-access.ts).
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { Hlc } from '../schema/hlc.ts';
import { mergeTicket } from '../schema/ticket-merge.ts';
import { TicketStatusSchema, TicketUpdateSchema, canTransition, type Ticket } from '../schema/ticket.ts';
import type { TicketSla } from '../schema/ticket-sla.ts';
import {
  CreateTicketRequestSchema,
  TicketQuerySchema,
  type TicketDetailResponse,
} from '../schema/ticket-desk-api.ts';
import { audit } from './audit.ts';
import { conversationScope, mayRead, mayUseTicket } from './conversation-access.ts';
import { randomToken } from './crypto.ts';
import { apiError, readJson, tooLarge } from './http-util.ts';
import { deviceFaultContext } from './ticket-context.ts';
import { deskOrder, matchesTicketQuery, ticketView } from './ticket-query.ts';
import { ticketRow } from './store/ticket-rows.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import { HUB_ROUTES } from '../wire.ts';

type Env = { Variables: { agent: AgentSession } };

export interface TicketRouteOptions {
  hlc: Hlc;
  sla: TicketSla;
  now: () => number;
}

const TicketEditSchema = z
  .object({
    status: TicketStatusSchema.optional(),
    priority: TicketUpdateSchema.shape.priority,
    assignee: z.string().min(1).max(64).nullable().optional(),
    comment: z.string().min(1).max(4000).optional(),
  })
  .refine((e) => Object.values(e).some((v) => v !== undefined), { message: 'nothing to change' });

/** How many of the most recently updated tickets the desk's list filters and searches. */
const DESK_WINDOW = 2000;

const ticketForbidden = (c: Context) =>
  apiError(c, 403, 'forbidden', 'this ticket is not assigned to you (supervisors see all)');

export function ticketRoutes(store: HubStore, opts: TicketRouteOptions): Hono<Env> {
  const app = new Hono<Env>();
  const path = HUB_ROUTES.agent.tickets;
  const views = async (tickets: Ticket[]) => {
    const flags = await store.ticketDesk.escalations(tickets.map((t) => t.id));
    const now = opts.now();
    return tickets.map((t) => ticketView(t, opts.sla, now, flags.get(t.id) ?? null));
  };

  app.get(path, async (c) => {
    const query = TicketQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, 'bad_query', query.error.issues[0]?.message ?? 'bad query');
    const agent = c.get('agent');
    const mine = (await store.listTickets(DESK_WINDOW)).filter((t) => mayUseTicket(agent, t));
    const list = (await views(mine)).filter((t) => matchesTicketQuery(t, query.data)).sort(deskOrder);
    return c.json({ tickets: list.slice(0, query.data.limit ?? 100) });
  });

  // An agent opens a customer ticket on a conversation they may read (its kiosk owns the ticket), or a
  // supervisor on a kiosk. A plain agent's ticket is assigned to them, so they keep seeing it.
  app.post(
    path,
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => tooLarge(c, 'ticket too large') }),
    async (c) => {
      const body = await readJson(c, CreateTicketRequestSchema);
      if (!body.ok) return body.response;
      const agent = c.get('agent');
      const req = body.value;
      let kioskId = req.kioskId;
      if (req.conversationId !== undefined) {
        const scope = await conversationScope(store, agent);
        const found = await store.getConversation(req.conversationId);
        if (!found || !mayRead(scope, req.conversationId, found.conversation.kioskId))
          return apiError(c, 404, 'not_found', 'no such conversation among yours');
        kioskId = found.conversation.kioskId;
      } else if (agent.role !== 'supervisor')
        return apiError(c, 403, 'forbidden', 'open a ticket on one of your conversations');
      else if (!(await store.ticketDesk.kioskExists(kioskId as string)))
        return apiError(c, 404, 'not_found', `no kiosk ${kioskId}`);
      const at = new Date(opts.now()).toISOString();
      const id = `hub-${randomToken(12)}`;
      const update = TicketUpdateSchema.parse({
        id,
        kioskId,
        kind: 'customer',
        status: 'open',
        priority: req.priority,
        title: req.title,
        description: req.description,
        ...(req.conversationId !== undefined ? { conversationId: req.conversationId } : {}),
        ...(agent.role !== 'supervisor' ? { assignee: agent.username } : {}),
        createdAt: at,
        updatedAt: at,
        comments: [],
      });
      const { ticket, ...row } = ticketRow(mergeTicket(null, update, Hlc.serialize(opts.hlc.now())));
      if (!ticket || !(await store.ticketDesk.create({ id, kioskId: kioskId as string, ...row })))
        return apiError(c, 409, 'ticket_exists', 'a ticket with this id exists; retry');
      await audit(store, {
        actor: agent.username,
        action: 'ticket.create',
        subject: id,
        ...(kioskId ? { kioskId } : {}),
        detail: `${ticket.priority} customer ticket`,
      });
      return c.json({ ticket: (await views([ticket]))[0] }, 201);
    },
  );

  // An agent edits a ticket: merged field by field with the kiosk's own updates (hub clock).
  app.post(
    `${path}/:id`,
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
      if (edit.assignee) {
        const who = await store.accounts.get(edit.assignee);
        if (!who || who.disabled)
          return apiError(c, 422, 'unknown_assignee', `${edit.assignee} is not an active account`);
      }
      if (edit.status !== undefined && !canTransition(current.status, edit.status)) {
        return apiError(c, 409, 'bad_transition', `a ${current.status} ticket cannot become ${edit.status}`);
      }
      const at = new Date(opts.now()).toISOString();
      const update = {
        id: current.id,
        kioskId: current.kioskId,
        updatedAt: at,
        ...(edit.status !== undefined ? { status: edit.status, statusFrom: current.status } : {}),
        ...(edit.priority !== undefined ? { priority: edit.priority } : {}),
        ...(edit.assignee !== undefined ? { assignee: edit.assignee } : {}),
        ...(edit.comment !== undefined
          ? { comments: [{ id: `hub-${randomToken(9)}`, author: agent.username, text: edit.comment, at }] }
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
          {
            fields: lost,
            ticket: result.ticket,
          },
        );
      return c.json({ ticket: (await views([result.ticket]))[0] });
    },
  );

  app.get(`${path}/:id`, async (c) => {
    const ticket = await store.getTicket(c.req.param('id'));
    if (!ticket) return apiError(c, 404, 'not_found', 'no such ticket');
    const agent = c.get('agent');
    if (!mayUseTicket(agent, ticket)) return ticketForbidden(c);
    await audit(store, {
      actor: agent.username,
      action: 'ticket.read',
      subject: ticket.id,
      kioskId: ticket.kioskId,
      detail: `${ticket.kind} ticket`,
    });
    // Recordings are played by supervisors only (routes-recordings.ts): only they are told of them.
    const recordings =
      agent.role === 'supervisor' && ticket.conversationId
        ? await store.ticketDesk.recordingsOf(ticket.conversationId, ticket.kioskId)
        : [];
    const response: TicketDetailResponse = {
      ticket: (await views([ticket]))[0]!,
      recordings,
      deviceFault: ticket.kind === 'device_fault' ? await deviceFaultContext(store, ticket) : null,
    };
    return c.json(response);
  });

  return app;
}
