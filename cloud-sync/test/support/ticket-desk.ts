// Shared by the ticket desk's integration tests: a second plain agent, times in the past, and a fresh
// hub per test (hub-per-test.ts) with the desk's calls and a kiosk's pushes.
import type { HubStoreChoice } from '../../src/index.ts';
import { AGENT, KIOSK_A, SUPERVISOR, api, type TempDirs } from '../helpers.ts';
import { hubPerTest } from './hub-per-test.ts';

export const OTHER = {
  username: 'chen.jie',
  password: 'second agent 11',
  role: 'agent' as const,
  displayName: 'Chen Jie',
};

/** `min` minutes ago (negative: ahead), ISO. */
export const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

export function deskHubPerTest(dirs: TempDirs, store: () => HubStoreChoice) {
  // The tests run the escalation job's pass themselves, at the times they choose.
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR, OTHER], () => ({
    ticketEscalationMs: 24 * 3600_000,
  }));
  /** A call of /api/agent/tickets`path`. */
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(t.hub, method, `/api/agent/tickets${path}`, { token, ...(body === undefined ? {} : { body }) });
  /** One change of kiosk A; throws unless the hub took it. */
  const push = async (entity: string, data: { id: string } & Record<string, unknown>) => {
    const res = await t.push(KIOSK_A, entity, data);
    if (res.status !== 200) throw new Error(`push ${entity}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  return { t, call, push };
}
