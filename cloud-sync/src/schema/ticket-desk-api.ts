// The agent console's ticket desk: tickets with their SLA due time and escalation flag, opening a
// ticket at the hub, filters and search, and a device fault's context (the failed runbook's steps and
// the kiosk's health). Pure zod and types.
import { z } from 'zod';
import type { HealthSnapshot } from './health.ts';
import { TicketSchema, TicketStatusSchema, type Ticket, type TicketStatus } from './ticket.ts';

const Base = TicketSchema.shape;

/** An agent opens a customer ticket: on a conversation (its kiosk owns the ticket) or on a kiosk. */
export const CreateTicketRequestSchema = z
  .object({
    title: Base.title,
    description: Base.description,
    priority: Base.priority,
    conversationId: z.string().min(1).max(64).optional(),
    kioskId: z.string().min(1).max(64).optional(),
  })
  .refine((r) => r.conversationId !== undefined || r.kioskId !== undefined, {
    message: 'name the conversation or the kiosk the ticket is about',
    path: ['conversationId'],
  });
export type CreateTicketRequest = z.infer<typeof CreateTicketRequestSchema>;

/**
 * A ticket as the desk shows it: the SLA's due time, whether it is overdue, when it was escalated, and
 * the statuses it may move to next (from TICKET_TRANSITIONS, so the console holds no copy of the rules).
 */
export type TicketView = Ticket & {
  dueAt: string;
  overdue: boolean;
  escalatedAt: string | null;
  next: TicketStatus[];
};

/** The list's filters; every one optional, all must hold. `q` searches id, title, text, comments, kiosk, device. */
export const TicketQuerySchema = z.object({
  status: TicketStatusSchema.optional(),
  priority: Base.priority.optional(),
  kind: Base.kind.optional(),
  /** An account's username, or 'none' for unassigned tickets. */
  assignee: z.string().min(1).max(64).optional(),
  overdue: z.enum(['1', '0']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type TicketQuery = z.infer<typeof TicketQuerySchema>;

/** One step of a runbook run as the kiosk reported it with the failure. */
export interface RunbookStepView {
  index: number;
  label: string;
  status: string;
  attempts: number | null;
  message: string | null;
}

/** What the hub has about a device-fault ticket beyond the ticket itself. */
export interface DeviceFaultContext {
  /** The runbook run that failed, from the kiosk's `runbook.result` event; null when not synced. */
  runbook: {
    runbookId: string;
    runId: string;
    failedStep: number | null;
    message: string;
    steps: RunbookStepView[];
  } | null;
  /** The kiosk's last health snapshot at or before the ticket's creation; null when none arrived. */
  health: HealthSnapshot | null;
  /** The device's own events (faults, temperatures) in the hour before the ticket, newest first. */
  events: { at: string; type: string; severity: string; message: string }[];
}

export interface TicketDetailResponse {
  ticket: TicketView;
  /** Recordings of the ticket's conversation (the calls of it), for supervisors. */
  recordings: { id: string; startedAt: string; agent: string }[];
  deviceFault: DeviceFaultContext | null;
}
