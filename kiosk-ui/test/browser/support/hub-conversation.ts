// A conversation as the hub holds it, read through the agent API with the branch's supervisor account
// ({} while the hub does not have it yet).
import type { Conversation } from '@branch/cloud-sync';
import type { RunningBranch } from './branch-process.ts';

export async function hubConversation(branch: RunningBranch, id: string): Promise<Partial<Conversation>> {
  const login = await fetch(`${branch.runtime.hub.url}/api/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: branch.secrets.agentPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${branch.runtime.hub.url}/api/agent/conversations/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status === 404) return {};
  if (res.status !== 200) throw new Error(`hub agent API: HTTP ${res.status} for conversation ${id}`);
  return ((await res.json()) as { conversation: Conversation }).conversation;
}

/** The hub's consent audit entries of one visit, as `action kind` strings (supervisor's audit API). */
export async function hubConsents(branch: RunningBranch, visitId: string): Promise<string[]> {
  const login = await fetch(`${branch.runtime.hub.url}/api/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: branch.secrets.agentPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${branch.runtime.hub.url}/api/agent/audit`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`hub audit API: HTTP ${res.status}`);
  const { entries } = (await res.json()) as {
    entries: { action: string; subject: string; detail: string }[];
  };
  return entries
    .filter((e) => e.action.startsWith('consent.') && e.subject === visitId)
    .map((e) => `${e.action} ${e.detail}`);
}
