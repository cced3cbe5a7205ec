// Personal technician accounts (issue 14, "Also"): each person signs in with their own name and PIN; a
// safety reset, a runbook and a jog are recorded against that person, not 'technician'. The trial
// account (the single legacy PIN hash of the branch in a box) still signs in. Lockout is per client
// address, never per account (tech-lockout.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';
import { postJson, startHarness, TECH_PIN, waitFor, type Harness } from './harness.ts';
import { nodeRequest } from './support/node-request.ts';
import { waitArmLinkUp } from './support/readiness.ts';

const FAST = { N: 1024, r: 8, p: 1 };
const LI = { user: 'li.wei', pin: '135790' };
const CHEN = { user: 'chen.jing', pin: '246801' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    technician: {
      pinHash: await hashTechnicianPin(TECH_PIN, FAST),
      accounts: [
        { id: LI.user, name: 'Li Wei', role: 'technician', pinHash: await hashTechnicianPin(LI.pin, FAST) },
        { id: CHEN.user, name: 'Chen Jing', role: 'lead', pinHash: await hashTechnicianPin(CHEN.pin, FAST) },
      ],
      port: 0,
    },
  });
  await waitArmLinkUp(h.agent.url);
});
afterAll(async () => {
  await h?.close();
});

const login = (body: unknown) => postJson(`${h.agent.techUrl}/tech/api/login`, body);
async function signIn(who: { user: string; pin: string }): Promise<string> {
  const r = await login(who);
  expect(r.status).toBe(200);
  return r.json.token as string;
}
async function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${h.agent.techUrl}/tech/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const sim = (path: string) => `${h.agent.url}/sim/api${path}`;

describe('technician personal accounts', () => {
  it('signs each person in by name and PIN, and tells who they are', async () => {
    const li = await login(LI);
    expect(li.json.technician).toEqual({ id: 'li.wei', name: 'Li Wei', role: 'technician' });
    expect((await login({ user: CHEN.user, pin: LI.pin })).status).toBe(401);
    // An unknown name and a missing name (there are several accounts) look like a wrong PIN.
    expect((await login({ user: 'nobody', pin: LI.pin })).json.error).toBe('wrong name or PIN');
    expect((await login({ pin: LI.pin })).status).toBe(401);
    // The trial account of the branch in a box stays.
    expect((await login({ user: 'trial', pin: TECH_PIN })).json.technician).toMatchObject({ id: 'trial' });
    const me = await call(li.json.token as string, 'GET', '/me');
    expect(me.json.technician).toMatchObject({ id: 'li.wei' });
  });

  it('records a safety reset and a runbook against the person who did them', async () => {
    const li = await signIn(LI);
    expect((await postJson(sim('/gpio'), { input: 'estop', active: true })).status).toBe(200);
    await postJson(sim('/gpio'), { input: 'estop', active: false });
    await waitFor(
      async () => {
        const r = await call(li, 'POST', '/safety/reset');
        return r.status === 200 || undefined;
      },
      10_000,
      'a reset once the button is released',
    );
    const events = (await call(li, 'GET', '/safety/events')).json.events as { cause: string }[];
    expect(events[0]?.cause).toBe('technician_reset:li.wei');

    const chen = await signIn(CHEN);
    const start = await call(chen, 'POST', '/runbooks/printer-reset/run', {});
    expect(start.status).toBe(202);
    const run = await waitFor(
      async () => {
        const runs = (await call(chen, 'GET', '/runbooks/runs')).json.runs as { runId: string; by: string }[];
        return runs.find((r) => r.runId === start.json.runId);
      },
      10_000,
      'the run in the history',
    );
    expect(run.by).toBe('chen.jing');
  });

  it('locks the guessing address after repeated wrong PINs, not the account', async () => {
    const from = (body: unknown) =>
      nodeRequest(`${h.agent.techUrl}/tech/api/login`, { body, localAddress: '127.0.0.2' });
    for (let i = 0; i < 5; i++) await from({ user: LI.user, pin: '000000' });
    expect((await from(LI)).status).toBe(429);
    expect((await login(LI)).status).toBe(200);
  });
});
