// The hub's audit log: who read which conversation or call record, who published knowledge or changed
// routing, who reset a safety stop, which consent a customer gave or refused in a visit. Entries are appended, never changed; supervisors read them.
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'conversation.read',
  /** The missed questions of every conversation in a window (customers' words): a read of conversations. */
  'misses.read',
  'ticket.read',
  'article.publish',
  'routing.change',
  'config.change',
  'safety.reset',
  /** A customer's camera or recording consent in a visit, reported by the kiosk. */
  'consent.given',
  'consent.refused',
  /** A supervisor played (downloaded) a call's recording. */
  'recording.played',
  /** The operator set or lifted a recording's legal hold. */
  'recording.hold',
  /** A supervisor scored a recorded call (subject: the recording). */
  'quality.score',
  /** A supervisor exported calls, tickets or scores as CSV (subject: the kind; detail: the range). */
  'export.csv',
  /** A supervisor created, changed (role, name, skills), disabled, enabled or reset an agent account. */
  'account.create',
  'account.update',
  'account.disable',
  'account.enable',
  'account.reset',
  /** An agent changed their own password. */
  'account.password',
  /** An agent opened a ticket at the hub. */
  'ticket.create',
  /** The hub's escalation job flagged a ticket past its SLA due time to the supervisors. */
  'ticket.escalate',
  /** A supervisor added, edited or removed a canned reply of the call desk (subject: its id; detail: its title). */
  'canned.add',
  'canned.edit',
  'canned.remove',
  /** A supervisor began listening to a live call (subject: the handoff; detail: its agent). */
  'call.listen',
  /** A listening supervisor stepped in: the customer hears them and is told. */
  'call.step_in',
] as const;

export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export interface AuditEntry {
  id: string;
  /** ISO time of the act (for kiosk-reported acts, the kiosk's time of it). */
  at: string;
  /** Who: an agent's username, an operator, or a kiosk's technician as `kioskId/technician`. */
  actor: string;
  action: AuditAction;
  /** What: a conversation, ticket or article id, a settings kind, a safety state, a visit (consent). */
  subject: string;
  kioskId?: string;
  /** One line of context; never card data. */
  detail: string;
}

export interface AuditListResponse {
  entries: AuditEntry[];
}
