// Issue 18, accounts, on real SQLite and PostgreSQL: supervisors create, change, disable, enable and
// reset agent accounts; each person signs in with their own password and may change it; a disabled
// account's sessions end at once; every change is in the audit log; the seed leaves a supervisor's
// changes alone.
import { afterAll, describe, expect, it } from 'vitest';
import { applySeed } from '../src/index.ts';
import { AGENT, SUPERVISOR, TEST_ITERATIONS, TempDirs, api } from './helpers.ts';
import { hubPerTest } from './support/hub-per-test.ts';
import { hubStoresUnderTest } from './support/pg.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_agent_accounts');
const NEW = { username: 'wang.fang', password: 'her own pass 77', role: 'expert' as const };

describe.each(stores)('agent accounts (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT, SUPERVISOR]);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(t.hub, method, `/api/agent${path}`, { token, ...(body === undefined ? {} : { body }) });
  const signIn = (username: string, password: string) =>
    api(t.hub, 'POST', '/api/agent/login', { body: { username, password } });
  const works = async (token: string) => (await call('GET', '/conversations', token)).status;
  const auditOf = async (sup: string) =>
    ((await call('GET', '/audit', sup)).body.entries as { action: string; subject: string; actor: string }[])
      .filter((e) => e.action.startsWith('account.'))
      .map((e) => `${e.actor} ${e.action} ${e.subject}`)
      .reverse();
  const create = (sup: string) =>
    call('POST', '/accounts', sup, { ...NEW, displayName: 'Wang Fang', skills: ['expert', 'zh-CN'] });

  it('lets a supervisor create an account with a role and skills, which signs in with its own password', async () => {
    const sup = await t.login(SUPERVISOR);
    const made = await create(sup);
    expect(made.status).toBe(201);
    expect(made.body.account).toMatchObject({
      username: NEW.username,
      role: 'expert',
      skills: ['expert', 'zh-CN'],
      disabled: false,
      changedBy: SUPERVISOR.username,
    });
    expect(JSON.stringify(made.body)).not.toMatch(/pbkdf2|passwordHash|her own pass/);
    expect((await create(sup)).status).toBe(409);
    const listed = (await call('GET', '/accounts', sup)).body.accounts as { username: string }[];
    expect(listed.map((a) => a.username)).toEqual([AGENT.username, NEW.username, SUPERVISOR.username].sort());
    const login = await signIn(NEW.username, NEW.password);
    expect(login.status).toBe(200);
    expect(login.body.agent).toMatchObject({ username: NEW.username, role: 'expert' });
    expect((await signIn(NEW.username, AGENT.password)).status).toBe(401);
    expect(await auditOf(sup)).toEqual([`${SUPERVISOR.username} account.create ${NEW.username}`]);
  });

  it('refuses accounts to plain agents, and bad input to anyone', async () => {
    const agent = await t.login(AGENT);
    expect((await call('GET', '/accounts', agent)).status).toBe(403);
    expect((await create(agent)).status).toBe(403);
    expect((await call('POST', `/accounts/${SUPERVISOR.username}`, agent, { disabled: true })).status).toBe(
      403,
    );
    const sup = await t.login(SUPERVISOR);
    const bad = [
      { ...NEW, username: 'Has Spaces', displayName: 'x', skills: [] },
      { ...NEW, password: 'short', displayName: 'x', skills: [] },
      { ...NEW, displayName: 'x', skills: ['flying'] },
      { ...NEW, role: 'admin', displayName: 'x', skills: [] },
    ];
    for (const body of bad) expect((await call('POST', '/accounts', sup, body)).status).toBe(400);
    expect((await call('POST', '/accounts/nobody', sup, { disabled: true })).status).toBe(404);
    expect((await call('POST', `/accounts/${SUPERVISOR.username}`, sup, { disabled: true })).status).toBe(
      409,
    );
    expect((await call('POST', `/accounts/${SUPERVISOR.username}`, sup, { role: 'agent' })).status).toBe(409);
  });

  it('ends a disabled account’s sessions at once and refuses its sign-in until enabled', async () => {
    const sup = await t.login(SUPERVISOR);
    const agent = await t.login(AGENT);
    expect(await works(agent)).toBe(200);
    const off = await call('POST', `/accounts/${AGENT.username}`, sup, { disabled: true });
    expect(off.status).toBe(200);
    expect(off.body.account.disabled).toBe(true);
    expect(await works(agent)).toBe(401);
    expect((await signIn(AGENT.username, AGENT.password)).status).toBe(401);
    // Re-seeding (a restart of the branch in a box) does not bring it back.
    await applySeed(t.hub.store, { agents: [AGENT] }, TEST_ITERATIONS);
    expect((await signIn(AGENT.username, AGENT.password)).status).toBe(401);
    await call('POST', `/accounts/${AGENT.username}`, sup, { disabled: false, skills: ['agent', 'en'] });
    expect((await signIn(AGENT.username, AGENT.password)).status).toBe(200);
    // The update and the enabling came in one request, at one instant: their order in the log is not told.
    const log = await auditOf(sup);
    expect(log[0]).toBe(`${SUPERVISOR.username} account.disable ${AGENT.username}`);
    expect(log.slice(1).sort()).toEqual([
      `${SUPERVISOR.username} account.enable ${AGENT.username}`,
      `${SUPERVISOR.username} account.update ${AGENT.username}`,
    ]);
  });

  it('resets a password: the old one and its sessions stop, the seed does not undo it', async () => {
    const sup = await t.login(SUPERVISOR);
    const agent = await t.login(AGENT);
    const reset = await call('POST', `/accounts/${AGENT.username}/password`, sup, {
      password: 'handed over 123',
    });
    expect(reset.status).toBe(200);
    expect(await works(agent)).toBe(401);
    expect((await signIn(AGENT.username, AGENT.password)).status).toBe(401);
    await applySeed(t.hub.store, { agents: [AGENT] }, TEST_ITERATIONS);
    expect((await signIn(AGENT.username, AGENT.password)).status).toBe(401);
    expect((await signIn(AGENT.username, 'handed over 123')).status).toBe(200);
    expect(
      (await call('POST', '/accounts/nobody/password', sup, { password: 'handed over 123' })).status,
    ).toBe(404);
    expect(await auditOf(sup)).toEqual([`${SUPERVISOR.username} account.reset ${AGENT.username}`]);
  });

  it('lets anyone change their own password with the current one; their other sessions end', async () => {
    const here = await t.login(AGENT);
    const elsewhere = await t.login(AGENT);
    const wrong = await call('POST', '/password', here, { current: 'not it', password: 'my very own 456' });
    expect(wrong.status).toBe(403);
    const ok = await call('POST', '/password', here, {
      current: AGENT.password,
      password: 'my very own 456',
    });
    expect(ok.status).toBe(204);
    expect(await works(here)).toBe(200);
    expect(await works(elsewhere)).toBe(401);
    expect((await signIn(AGENT.username, 'my very own 456')).status).toBe(200);
    const sup = await t.login(SUPERVISOR);
    expect(await auditOf(sup)).toEqual([`${AGENT.username} account.password ${AGENT.username}`]);
  });
});
