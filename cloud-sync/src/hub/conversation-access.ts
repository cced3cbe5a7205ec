// Which past conversations an agent may read. Supervisors see all; every other role (agent, expert,
// risk) sees only the conversations of calls assigned to them, i.e. those a ticket assigned to them
// refers to. A live call's transcript reaches its agent through the handoff socket, not through here.
import type { AgentSession, HubStore } from './store/types.ts';

/** How many of the most recently updated tickets are searched for an agent's own calls. */
export const ASSIGNED_TICKET_WINDOW = 500;

export type ConversationScope = { all: true } | { all: false; ids: ReadonlySet<string> };

export async function conversationScope(store: HubStore, agent: AgentSession): Promise<ConversationScope> {
  if (agent.role === 'supervisor') return { all: true };
  const ids = new Set<string>();
  for (const t of await store.listTickets(ASSIGNED_TICKET_WINDOW)) {
    if (t.assignee === agent.username && t.conversationId) ids.add(t.conversationId);
  }
  return { all: false, ids };
}

export function mayRead(scope: ConversationScope, conversationId: string): boolean {
  return scope.all || scope.ids.has(conversationId);
}
