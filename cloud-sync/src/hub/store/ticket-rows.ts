// Ticket rows as both stores write and check them: the merge state per field, and the ticket it
// materializes (null until the creation arrived).
import { materializeTicket, type TicketMergeState } from '../../schema/ticket-merge.ts';
import type { Ticket, TicketStatus } from '../../schema/ticket.ts';
import type { TicketEditOutcome } from './types.ts';

/** The columns of a ticket row after a merge, and the ticket they hold. */
export function ticketRow(state: TicketMergeState): {
  ticket: Ticket | null;
  hlc: string;
  state: string;
  data: string | null;
  updatedAt: string | null;
} {
  const ticket = materializeTicket(state);
  return {
    ticket,
    hlc: state.hlc,
    state: JSON.stringify(state),
    data: ticket ? JSON.stringify(ticket) : null,
    updatedAt: ticket?.updatedAt ?? null,
  };
}

/** Why a hub-side edit stops before merging (the row is missing, or its status moved on); null: go on. */
export function editRefusal(
  row: { state: string } | undefined,
  expectStatus: TicketStatus,
): TicketEditOutcome | null {
  const current = row ? materializeTicket(JSON.parse(row.state) as TicketMergeState) : null;
  if (!row || !current) return { outcome: 'not_found' };
  if (current.status !== expectStatus) return { outcome: 'status_changed', ticket: current };
  return null;
}
