// A fresh hub for each test of a describe block (on the store given), with signalling sockets closed
// and the hub stopped after each; agent sign-in as a helper.
import { afterEach, beforeEach, expect } from 'vitest';
import { ulid } from 'ulid';
import {
  AgentLoginResponseSchema,
  Hlc,
  type HubSeed,
  type HubStoreChoice,
  type RunningHub,
  type StartHubOptions,
} from '../../src/index.ts';
import type { TempDirs } from '../helpers.ts';
import { api, startTestHub, testSeed } from '../helpers.ts';
import { SignalClient } from './signal-client.ts';

export function hubPerTest(
  dirs: TempDirs,
  store: () => HubStoreChoice,
  agents: NonNullable<HubSeed['agents']>,
  /** More hub options (handoff limits, an injected handoff clock), read at each start. */
  more: () => Partial<StartHubOptions> = () => ({}),
) {
  let current: RunningHub | null = null;
  const sockets: SignalClient[] = [];
  const clocks = new Map<string, Hlc>();
  beforeEach(async () => {
    current = await startTestHub(dirs.make(), { store: store(), seed: testSeed({ agents }), ...more() });
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await current?.close();
  });
  const hub = (): RunningHub => {
    if (!current) throw new Error('the hub is started in beforeEach');
    return current;
  };
  return {
    get hub(): RunningHub {
      return hub();
    },
    /** A signalling socket, closed after the test. */
    open: async (token: string | null) => {
      const s = await SignalClient.open(hub().url, token);
      sockets.push(s);
      return s;
    },
    /** One change pushed by a kiosk, stamped with that kiosk's clock; the hub's answer. */
    push: (kiosk: { id: string; token: string }, entity: string, data: { id: string }) => {
      const clock = clocks.get(kiosk.id) ?? new Hlc(kiosk.id);
      clocks.set(kiosk.id, clock);
      const change = {
        id: ulid(),
        kioskId: kiosk.id,
        entity,
        entityId: data.id,
        op: 'upsert',
        hlc: Hlc.serialize(clock.now()),
        data,
      };
      return api(hub(), 'POST', '/api/sync/push', { token: kiosk.token, body: { changes: [change] } });
    },
    login: async (u: { username: string; password: string }) => {
      const res = await api(hub(), 'POST', '/api/agent/login', { body: u });
      expect(res.status).toBe(200);
      return AgentLoginResponseSchema.parse(res.body).token;
    },
  };
}
