// Issue 14: fast-check throws generated requests at every HTTP route of a real hub, on SQLite and on
// PostgreSQL. Well-formed requests (the route's method, path and credential, a valid body with up to
// three places made hostile) reach the handlers behind the schemas; anything-goes requests (random
// methods, paths near the routes with hostile segments and bad escapes, content types, credentials,
// broken, deeply nested or non-UTF-8 bodies) hit the guards. No answer may be a 5xx, and the hub
// still answers /healthz afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyRequest, wellFormedRequest } from '../../scripts/lib/fuzz/requests.ts';
import {
  describe as exchange,
  noServerError,
  send,
  type FuzzRequest,
} from '../../scripts/lib/fuzz/http-client.ts';
import type { RunningHub } from '../src/index.ts';
import { AGENT, KIOSK_A, OPERATOR_TOKEN, SUPERVISOR, TempDirs, api, startTestHub } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import {
  HUB_ROUTES_UNDER_FUZZ,
  KNOWN_IDS,
  PUSH_SAMPLES,
  type Credential,
  type FuzzRoute,
} from './support/fuzz-hub-routes.ts';

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const RUNS = 200;
const RUNS_PER_ROUTE = 60;

async function signIn(hub: RunningHub, who: { username: string; password: string }): Promise<string> {
  const res = await api(hub, 'POST', '/api/agent/login', { body: who });
  expect(res.status).toBe(200);
  return (res.body as { token: string }).token;
}

type Tokens = Record<Credential, string[]>;
const ALL_PATHS = HUB_ROUTES_UNDER_FUZZ.map((r) => r.path);
const wellFormed = (r: FuzzRoute, t: Tokens) =>
  wellFormedRequest(r, { tokens: t[r.credential], knownIds: KNOWN_IDS });
const anything = (r: FuzzRoute, t: Tokens) =>
  anyRequest(r, { tokens: t[r.credential], knownIds: KNOWN_IDS, nearPaths: ALL_PATHS });

describe.each(hubStoresUnderTest('cloud_sync_fuzz_http'))('hub HTTP fuzz on %s', (_name, store) => {
  let hub: RunningHub;
  let tokens: Tokens;
  beforeAll(async () => {
    // No lockout: the fuzzer signs in wrongly many times, and the sign-in handler must keep running.
    hub = await startTestHub(dirs.make(), {
      store: store(),
      maxFailedLogins: 1_000_000,
      loginFailuresPerAddress: 1_000_000,
      recording: {},
    });
    // The records the routes' ids name exist, so reads and edits reach the store.
    for (const body of PUSH_SAMPLES)
      expect((await api(hub, 'POST', '/api/sync/push', { token: KIOSK_A.token, body })).status).toBe(200);
    tokens = {
      kiosk: [KIOSK_A.token],
      agent: [await signIn(hub, AGENT)],
      supervisor: [await signIn(hub, SUPERVISOR)],
      operator: [OPERATOR_TOKEN],
      none: [],
      // The sign-out route ends the session it is called with: it gets sessions of its own.
      spare: await Promise.all([signIn(hub, AGENT), signIn(hub, SUPERVISOR), signIn(hub, AGENT)]),
    };
  });
  afterAll(async () => {
    await hub?.close();
  });

  const check = async (req: FuzzRequest) => {
    const res = await send(hub.url, req);
    if (!noServerError(res)) throw new Error(exchange(req, res));
  };

  it.each(HUB_ROUTES_UNDER_FUZZ.map((r) => [`${r.method} ${r.path}`, r] as const))(
    'answers well-formed requests with hostile fields to %s without a 5xx',
    async (_route, route) => {
      await fc.assert(fc.asyncProperty(wellFormed(route, tokens), check), { numRuns: RUNS_PER_ROUTE });
    },
  );

  it('answers any method, path, content type, credential and body without a 5xx', async () => {
    const request = fc.constantFrom(...HUB_ROUTES_UNDER_FUZZ).chain((r) => anything(r, tokens));
    await fc.assert(fc.asyncProperty(request, check), { numRuns: RUNS });
    expect((await api(hub, 'GET', '/healthz')).status).toBe(200);
  });
});
