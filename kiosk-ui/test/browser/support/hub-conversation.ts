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
