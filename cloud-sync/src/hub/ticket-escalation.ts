// The escalation job: every ticket past its SLA due time and still worked is flagged to the supervisors
// once (ticket_escalations), with an audit entry. Idempotent across passes and hub instances: the flag's
// insert decides who reports it. Web-standard; the runtime entry schedules it (serve/node.ts).
import type { Logger } from '../logger.ts';
import { isOverdue, ticketDueAt, type TicketSla } from '../schema/ticket-sla.ts';
import { audit } from './audit.ts';
import type { HubStore } from './store/types.ts';

/** One pass at `nowMs`; returns the ids of the tickets it escalated. */
export async function escalateOverdueTickets(
  store: HubStore,
  sla: TicketSla,
  nowMs: number,
  log?: Logger,
): Promise<string[]> {
  const escalated: string[] = [];
  const at = new Date(nowMs);
  for (const ticket of await store.ticketDesk.unescalatedOpen(5000)) {
    if (!isOverdue(ticket, sla, nowMs)) continue;
    const dueAt = ticketDueAt(ticket, sla);
    if (!(await store.ticketDesk.escalate(ticket.id, dueAt, at.toISOString()))) continue;
    await audit(
      store,
      {
        actor: 'hub',
        action: 'ticket.escalate',
        subject: ticket.id,
        kioskId: ticket.kioskId,
        detail: `${ticket.kind} ${ticket.priority} due ${dueAt}, ${ticket.status}, assignee ${ticket.assignee ?? 'none'}`,
      },
      at,
    );
    escalated.push(ticket.id);
    log?.warn({ event: 'hub.ticket.escalated', ticketId: ticket.id, dueAt }, 'ticket past its due time');
  }
  return escalated;
}

/** Runs a pass now and every `everyMs`; a failed pass is logged and the next one tries again. */
export function scheduleEscalation(
  store: HubStore,
  sla: TicketSla,
  everyMs: number,
  log: Logger,
): ReturnType<typeof setInterval> {
  const pass = (): void => {
    escalateOverdueTickets(store, sla, Date.now(), log).catch((err: unknown) =>
      log.warn({ event: 'hub.ticket.escalation_failed', err: (err as Error).message }),
    );
  };
  pass();
  const timer = setInterval(pass, everyMs);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
