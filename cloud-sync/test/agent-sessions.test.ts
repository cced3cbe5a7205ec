// Review finding 7 (issue 14), on real SQLite and PostgreSQL: agent sessions end on the server. Sign-out
// revokes the token, an open signalling socket of a revoked session is closed, and a password change
// ends every session of that account.
import { afterAll, describe, expect, it } from 'vitest';
import { applySeed } from '../src/index.ts';
import { AGENT, TempDirs, TEST_ITERATIONS, api } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_agent_sessions');

describe.each(stores)('agent sessions end at the hub (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT]);
  const works = async (token: string) =>
    (await api(t.hub, 'GET', '/api/agent/conversations', { token })).status;

  it('signs out on the server: the token stops working', async () => {
    const token = await t.login(AGENT);
    const other = await t.login(AGENT);
    const out = await api(t.hub, 'POST', '/api/agent/logout', { token });
    expect(out.status).toBe(204);
    expect(await works(token)).toBe(401);
    expect(await works(other)).toBe(200);
    expect((await api(t.hub, 'POST', '/api/agent/logout', { token })).status).toBe(401);
  });

  it('closes the open signalling socket of a session signed out', async () => {
    const token = await t.login(AGENT);
    const socket = await t.open(token);
    await socket.next('ready');
    expect((await api(t.hub, 'POST', '/api/agent/logout', { token })).status).toBe(204);
    expect(await socket.closed()).toBe(4401);
  });

  it('ends every session of an account whose password changed', async () => {
    const token = await t.login(AGENT);
    const socket = await t.open(token);
    await socket.next('ready');
    const report = await applySeed(
      t.hub.store,
      { agents: [{ ...AGENT, password: 'a brand new password 8' }] },
      TEST_ITERATIONS,
    );
    expect(report.agentsWritten).toBe(1);
    expect(await works(token)).toBe(401);
    // The socket is re-checked on its next message.
    socket.send({ t: 'presence', status: 'away' });
    expect(await socket.closed()).toBe(4401);
    // Re-seeding the same password keeps sessions.
    const fresh = await t.login({ ...AGENT, password: 'a brand new password 8' });
    await applySeed(
      t.hub.store,
      { agents: [{ ...AGENT, password: 'a brand new password 8' }] },
      TEST_ITERATIONS,
    );
    expect(await works(fresh)).toBe(200);
  });
});
