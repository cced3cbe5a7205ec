// Review finding 2 (issue 14), on real SQLite and PostgreSQL: agent sign-in counts failures atomically,
// limits failures per client address, answers a locked account exactly like an unknown one, and takes
// JSON bodies only (a text/plain form post from any web page must not reach it).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../src/index.ts';
import { AGENT, TempDirs, api, startTestHub, testSeed } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const VICTIM = {
  username: 'shared.desk',
  password: 'shared desk pass 3',
  role: 'agent' as const,
  displayName: 'Desk',
};

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_agent_login');

describe.each(stores)('agent sign-in (%s)', (_name, store) => {
  let hub: RunningHub | null = null;
  afterEach(async () => {
    await hub?.close();
    hub = null;
  });
  const start = async (more: { maxFailedLogins?: number; loginFailuresPerAddress?: number } = {}) => {
    hub = await startTestHub(dirs.make(), {
      store: store(),
      seed: testSeed({ agents: [AGENT, VICTIM] }),
      ...more,
    });
    return hub;
  };
  const attempt = (h: RunningHub, username: string, password: string) =>
    api(h, 'POST', '/api/agent/login', { body: { username, password } });

  it('counts ten parallel wrong passwords as ten', async () => {
    const h = await start({ maxFailedLogins: 100 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt(h, VICTIM.username, 'wrong')));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    expect((await h.store.getAgent(VICTIM.username))?.failedLogins).toBe(10);
  });

  it('answers a locked account exactly like an unknown user', async () => {
    const h = await start();
    await Promise.all(Array.from({ length: 5 }, () => attempt(h, VICTIM.username, 'wrong')));
    const locked = await attempt(h, VICTIM.username, VICTIM.password);
    const unknown = await attempt(h, 'no.such.user', 'whatever');
    expect(locked.status).toBe(401);
    expect(locked).toEqual(unknown);
  });

  it('refuses a sign-in body that is not JSON, counting nothing', async () => {
    const h = await start();
    const res = await fetch(`${h.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ username: VICTIM.username, password: 'wrong' }),
    });
    expect(res.status).toBe(415);
    expect((await h.store.getAgent(VICTIM.username))?.failedLogins).toBe(0);
  });

  it('limits failed sign-ins per client address, whatever the usernames', async () => {
    const h = await start({ loginFailuresPerAddress: 6 });
    for (let i = 0; i < 6; i++) expect((await attempt(h, `guess.${i}`, 'x')).status).toBe(401);
    const blocked = await attempt(h, AGENT.username, AGENT.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
  });
});
