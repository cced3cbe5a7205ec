// Which past conversations and tickets an agent may read. Supervisors see all. Every other role (agent,
// expert, risk) reads only the conversations of calls they accepted, as recorded in the store's grants
// when they accepted (never derived from a ticket's assignee, which is an editable field), and only the
// tickets assigned to them. A live call's transcript reaches its agent through the handoff socket.
import type { Ticket } from '../schema/ticket.ts';
import type { AgentSession, HubStore } from './store/types.ts';

export type ConversationScope = { all: true } | { all: false; grants: ReadonlyMap<string, string> };

export async function conversationScope(store: HubStore, agent: AgentSession): Promise<ConversationScope> {
  if (agent.role === 'supervisor') return { all: true };
  const grants = await store.conversationGrants(agent.username);
  return { all: false, grants: new Map(grants.map((g) => [g.conversationId, g.kioskId])) };
}

/** May read this conversation; `kioskId` (when known) must be the kiosk of the granted call. */
export function mayRead(scope: ConversationScope, conversationId: string, kioskId?: string): boolean {
  if (scope.all) return true;
  const granted = scope.grants.get(conversationId);
  return granted !== undefined && (kioskId === undefined || granted === kioskId);
}

/** Tickets hold other desks' call notes: a plain agent sees and edits only those assigned to them. */
export function mayUseTicket(agent: AgentSession, ticket: Ticket): boolean {
  return agent.role === 'supervisor' || ticket.assignee === agent.username;
}
