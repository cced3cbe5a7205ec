// The remote-agent console API: sign-in, lockout, conversation list and detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  AgentLoginResponseSchema,
  ConversationDetailSchema,
  ConversationListResponseSchema,
  Hlc,
  type RunningHub,
} from '../src/index.ts';
import {
  AGENT,
  SUPERVISOR,
  KIOSK_A,
  KIOSK_B,
  TempDirs,
  api,
  conversation,
  message,
  startTestHub,
  testSeed,
} from './helpers.ts';

const dirs = new TempDirs();
let hub: RunningHub;
const LOCKED = {
  username: 'wang.wei',
  password: 'another secret 7',
  role: 'risk' as const,
  displayName: 'Wang Wei',
};

beforeAll(async () => {
  hub = await startTestHub(dirs.make(), { seed: testSeed({ agents: [AGENT, SUPERVISOR, LOCKED] }) });
});
afterAll(async () => {
  await hub.close();
  dirs.cleanup();
});

async function push(
  kiosk: { id: string; token: string },
  entity: 'conversation' | 'message' | 'ticket',
  data: { id: string },
) {
  const hlc = Hlc.serialize(new Hlc(kiosk.id).now());
  const change = { id: ulid(), kioskId: kiosk.id, entity, entityId: data.id, op: 'upsert', hlc, data };
  const res = await api(hub, 'POST', '/api/sync/push', { token: kiosk.token, body: { changes: [change] } });
  expect(res.status).toBe(200);
}

async function login(account: { username: string; password: string } = AGENT): Promise<string> {
  const res = await api(hub, 'POST', '/api/agent/login', {
    body: { username: account.username, password: account.password },
  });
  expect(res.status).toBe(200);
  return AgentLoginResponseSchema.parse(res.body).token;
}

describe('agent API', () => {
  it('signs in with the seeded account and refuses a wrong password', async () => {
    const ok = await api(hub, 'POST', '/api/agent/login', {
      body: { username: AGENT.username, password: AGENT.password },
    });
    expect(AgentLoginResponseSchema.parse(ok.body).agent).toEqual({
      username: AGENT.username,
      role: AGENT.role,
      displayName: AGENT.displayName,
    });
    expect(Date.parse(ok.body.expiresAt)).toBeGreaterThan(Date.now());
    const bad = await api(hub, 'POST', '/api/agent/login', {
      body: { username: AGENT.username, password: 'nope' },
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('bad_credentials');
    const unknown = await api(hub, 'POST', '/api/agent/login', {
      body: { username: 'nobody', password: 'x' },
    });
    expect(unknown.status).toBe(401);
    expect((await api(hub, 'POST', '/api/agent/login', { body: { username: 'x' } })).status).toBe(400);
  });

  it('locks an account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await api(hub, 'POST', '/api/agent/login', {
        body: { username: LOCKED.username, password: 'wrong' },
      });
      expect(r.status).toBe(401);
    }
    const locked = await api(hub, 'POST', '/api/agent/login', {
      body: { username: LOCKED.username, password: LOCKED.password },
    });
    // Answered like any wrong password, so a locked account cannot be told from an unknown one.
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('bad_credentials');
  });

  it('lists conversations newest first with counts and the last message', async () => {
    const older = conversation(KIOSK_A.id, '2026-11-20T09:00:00.000Z');
    const newer = conversation(KIOSK_B.id, '2026-11-21T09:00:00.000Z', {
      locale: 'zh-CN',
      maskedPan: '622848******1234',
      outcome: 'handed_off',
      endedAt: '2026-11-21T09:05:00.000Z',
    });
    await push(KIOSK_A, 'conversation', older);
    await push(KIOSK_B, 'conversation', newer);
    await push(KIOSK_B, 'message', message(newer.id, '我的卡丢了', '2026-11-21T09:00:05.000Z'));
    await push(
      KIOSK_B,
      'message',
      message(newer.id, '正在为您转接人工坐席。', '2026-11-21T09:00:06.000Z', 'bot'),
    );

    const token = await login(SUPERVISOR);
    const list = ConversationListResponseSchema.parse(
      (await api(hub, 'GET', '/api/agent/conversations', { token })).body,
    ).conversations;
    const ours = list.filter((c) => c.id === older.id || c.id === newer.id);
    expect(ours.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(ours[0]).toMatchObject({
      kioskId: KIOSK_B.id,
      locale: 'zh-CN',
      maskedPan: '622848******1234',
      outcome: 'handed_off',
      messageCount: 2,
      lastMessage: { role: 'bot', text: '正在为您转接人工坐席。' },
    });
    expect(ours[1]).toMatchObject({ messageCount: 0 });
    expect(ours[1]?.lastMessage).toBeUndefined();

    const detail = ConversationDetailSchema.parse(
      (await api(hub, 'GET', `/api/agent/conversations/${newer.id}`, { token })).body,
    );
    expect(detail.messages.map((m) => m.role)).toEqual(['customer', 'bot']);
    expect((await api(hub, 'GET', '/api/agent/conversations/nope', { token })).status).toBe(404);
  });

  it('shows a plain agent no conversation a ticket merely names; a supervisor sees all', async () => {
    const theirs = conversation(KIOSK_A.id, '2026-11-22T09:00:00.000Z');
    const other = conversation(KIOSK_A.id, '2026-11-22T10:00:00.000Z');
    await push(KIOSK_A, 'conversation', theirs);
    await push(KIOSK_A, 'conversation', other);
    const token = await login();
    const listed = async (t: string) =>
      ConversationListResponseSchema.parse(
        (await api(hub, 'GET', '/api/agent/conversations', { token: t })).body,
      ).conversations.map((c) => c.id);
    expect(await listed(token)).not.toContain(theirs.id);
    expect((await api(hub, 'GET', `/api/agent/conversations/${theirs.id}`, { token })).status).toBe(403);

    // A ticket naming this agent opens nothing: access comes from accepting the call (agent-access.test.ts).
    const at = '2026-11-22T09:10:00.000Z';
    await push(KIOSK_A, 'ticket', {
      id: `handoff-${ulid()}`,
      kioskId: KIOSK_A.id,
      kind: 'customer',
      status: 'open',
      priority: 'normal',
      title: 'Video call (agent): customer_request',
      description: 'Lost card, blocked and reissued.',
      conversationId: theirs.id,
      assignee: AGENT.username,
      createdAt: at,
      updatedAt: at,
      comments: [],
    } as { id: string });
    expect(await listed(token)).not.toContain(theirs.id);
    const forbidden = await api(hub, 'GET', `/api/agent/conversations/${theirs.id}`, { token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect(await listed(await login(SUPERVISOR))).toEqual(expect.arrayContaining([theirs.id, other.id]));
  });

  it('denies by default: every agent route but sign-in needs a session, trailing slashes included', async () => {
    for (const [method, path] of [
      ['GET', '/api/agent/articles/'],
      ['POST', '/api/agent/articles/'],
      ['GET', '/api/agent/tickets/'],
      ['GET', '/api/agent/conversations/'],
      ['GET', '/api/agent/anything-new'],
      ['POST', '/api/agent/logout/'],
    ] as const) {
      const res = await api(hub, method, path, method === 'POST' ? { body: {} } : {});
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('requires a valid agent token', async () => {
    expect((await api(hub, 'GET', '/api/agent/conversations')).status).toBe(401);
    expect((await api(hub, 'GET', '/api/agent/conversations', { token: KIOSK_A.token })).status).toBe(401);
    expect((await api(hub, 'GET', '/api/agent/conversations/x', { token: 'forged' })).status).toBe(401);
  });
});
