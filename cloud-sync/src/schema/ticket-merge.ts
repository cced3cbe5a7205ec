// Field-by-field merge of ticket updates by HLC. Each scalar field is its own last-writer-wins
// register; comments are a grow-only set by id; status is last-writer-wins except that 'closed' is
// final (a closing write beats any non-closing one, whatever their clocks). Every rule is commutative,
// associative and idempotent, so the hub reaches the same ticket whatever order updates arrive in and
// however often they are repeated. Pure: no Node built-ins.
import {
  TICKET_FIELDS,
  TicketSchema,
  type Ticket,
  type TicketComment,
  type TicketField,
  type TicketUpdate,
} from './ticket.ts';

export interface FieldRegister {
  value: unknown;
  hlc: string;
}

export interface TicketMergeState {
  id: string;
  kioskId: string;
  fields: Partial<Record<TicketField, FieldRegister>>;
  comments: Record<string, TicketComment>;
  /** Newest HLC of any write merged in. */
  hlc: string;
}

function wins(field: TicketField, incoming: FieldRegister, current: FieldRegister | undefined): boolean {
  if (!current) return true;
  if (field === 'status') {
    const inClosed = incoming.value === 'closed';
    const curClosed = current.value === 'closed';
    if (inClosed !== curClosed) return inClosed;
  }
  if (incoming.hlc !== current.hlc) return incoming.hlc > current.hlc;
  // Same HLC (a repeat of the same write): order by value so the merge stays deterministic.
  return JSON.stringify(incoming.value) > JSON.stringify(current.value);
}

/** Merges one update (stamped `hlc`) into the state; returns a new state. */
export function mergeTicket(
  state: TicketMergeState | null,
  update: TicketUpdate,
  hlc: string,
): TicketMergeState {
  const next: TicketMergeState = state
    ? { ...state, fields: { ...state.fields }, comments: { ...state.comments } }
    : { id: update.id, kioskId: update.kioskId, fields: {}, comments: {}, hlc };
  for (const field of TICKET_FIELDS) {
    const value = update[field];
    if (value === undefined) continue;
    const incoming = { value, hlc };
    if (wins(field, incoming, next.fields[field])) next.fields[field] = incoming;
  }
  for (const c of update.comments ?? []) {
    if (!(c.id in next.comments)) next.comments[c.id] = c;
  }
  if (hlc > next.hlc) next.hlc = hlc;
  return next;
}

/** The ticket the state describes, or null while required fields are still missing (out-of-order arrival). */
export function materializeTicket(state: TicketMergeState): Ticket | null {
  const plain: Record<string, unknown> = { id: state.id, kioskId: state.kioskId };
  for (const field of TICKET_FIELDS) {
    const v = state.fields[field]?.value;
    if (v !== undefined && v !== null) plain[field] = v;
  }
  plain.comments = Object.values(state.comments).sort((a, b) =>
    a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1,
  );
  const parsed = TicketSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}
