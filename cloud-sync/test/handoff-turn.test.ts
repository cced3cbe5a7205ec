// TURN by the REST scheme at the hub: each party of a call gets its own short-lived credential,
// which coturn (use-auth-secret) would check with the shared secret; relay-only reaches both ends.
import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { HandoffAcceptedSchema, type IceServer } from '../src/index.ts';
import { AGENT, KIOSK_A, TempDirs, api } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const turn = {
  urls: ['turn:127.0.0.1:3478?transport=udp'],
  secret: 'shared-with-the-turn-server',
  ttlS: 900,
};

/** The TURN entry of a party's ICE servers, checked as the TURN server checks it. */
function checkedTurn(servers: IceServer[], who: string, now: number): IceServer {
  const entry = servers.find((s) => [s.urls].flat().some((u) => u.startsWith('turn:')));
  if (!entry?.username || !entry.credential) throw new Error('no TURN credential');
  const [expiry, name] = entry.username.split(':');
  expect(name).toBe(who);
  // Short-lived: it expires about ttlS from now, not later.
  expect(Number(expiry) * 1000 - now).toBeGreaterThan((turn.ttlS - 60) * 1000);
  expect(Number(expiry) * 1000 - now).toBeLessThanOrEqual(turn.ttlS * 1000);
  expect(entry.credential).toBe(createHmac('sha1', turn.secret).update(entry.username).digest('base64'));
  return entry;
}

describe('TURN credentials and the relay-only policy', () => {
  const t = hubPerTest(
    dirs,
    () => ({ kind: 'sqlite' }),
    [AGENT],
    () => ({
      turn,
      iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
      iceTransportPolicy: 'relay',
    }),
  );

  it('gives the kiosk and the agent their own credentials, and relay-only to both', async () => {
    const res = await api(t.hub, 'POST', '/api/handoff/requests', {
      token: KIOSK_A.token,
      body: { sessionId: `c-${ulid()}`, locale: 'en', reason: 'customer_request' },
    });
    const asked = HandoffAcceptedSchema.parse(res.body);
    if (!asked.queued) throw new Error('expected the request to be queued');
    expect(asked.iceTransportPolicy).toBe('relay');
    expect(asked.iceServers[0]).toEqual({ urls: 'stun:127.0.0.1:3478' });
    checkedTurn(asked.iceServers, asked.handoffId, Date.now());

    const agent = await t.open(await t.login(AGENT));
    const ready = await agent.next('ready');
    expect(ready.iceTransportPolicy).toBe('relay');
    const agentTurn = checkedTurn(ready.iceServers, AGENT.username, Date.now());
    agent.send({ t: 'accept' });
    const assigned = await agent.next('assigned');
    // A fresh credential with the call, made out to the same agent.
    checkedTurn(assigned.iceServers, AGENT.username, Date.now());
    expect(assigned.iceTransportPolicy).toBe('relay');
    expect(agentTurn.username).toMatch(/^\d+:/);
  });
});
