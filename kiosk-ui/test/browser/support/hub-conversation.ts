// What the hub holds, read through the agent API with the branch's supervisor account: a conversation
// ({} while the hub does not have it yet), a visit's consents, the audit log, the calls' recordings.
import type { Conversation } from '@branch/cloud-sync';
import type { RunningBranch } from './branch-process.ts';

/** GET `path` of the hub as the branch's supervisor. */
export async function supervisorGet(branch: RunningBranch, path: string): Promise<Response> {
  const login = await fetch(`${branch.runtime.hub.url}/api/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: branch.secrets.agentPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  return fetch(`${branch.runtime.hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

export async function hubConversation(branch: RunningBranch, id: string): Promise<Partial<Conversation>> {
  const res = await supervisorGet(branch, `/api/agent/conversations/${encodeURIComponent(id)}`);
  if (res.status === 404) return {};
  if (res.status !== 200) throw new Error(`hub agent API: HTTP ${res.status} for conversation ${id}`);
  return ((await res.json()) as { conversation: Conversation }).conversation;
}

/** The hub's audit log, newest first. */
export async function hubAudit(
  branch: RunningBranch,
): Promise<{ action: string; actor: string; subject: string; detail: string }[]> {
  const res = await supervisorGet(branch, '/api/agent/audit');
  if (res.status !== 200) throw new Error(`hub audit API: HTTP ${res.status}`);
  return (
    (await res.json()) as { entries: { action: string; actor: string; subject: string; detail: string }[] }
  ).entries;
}

/** The hub's consent audit entries of one visit, as `action kind` strings (supervisor's audit API). */
export async function hubConsents(branch: RunningBranch, visitId: string): Promise<string[]> {
  return (await hubAudit(branch))
    .filter((e) => e.action.startsWith('consent.') && e.subject === visitId)
    .map((e) => `${e.action} ${e.detail}`);
}
