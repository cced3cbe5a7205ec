// Issue 14: fast-check throws generated requests at a real agent's HTTP API: the kiosk listener
// (health, boot secret, the simulation panel's API, the voice) and the technician listener's API.
// Well-formed requests (the route's method and path, its boot secret or technician token, same Origin,
// JSON, a valid body with up to three places made hostile) reach the handlers; anything-goes requests
// (methods, paths with hostile segments, content types, credentials, broken or non-UTF-8 bodies) hit
// the guards. No answer may be a 5xx (but a 503 from /healthz, which reports an unhealthy agent), and
// the agent still answers afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorization,
  contentType,
  headerValue,
  httpMethod,
  mutated,
  pathNear,
  rawBody,
  toJsonText,
} from '../../scripts/lib/fuzz/arbitraries.ts';
import { describe as exchange, send, type FuzzRequest } from '../../scripts/lib/fuzz/http-client.ts';
import { bootTokenOf, startHarness, type Harness } from './harness.ts';
import { TechApi } from './tech-client.ts';
import { AGENT_ROUTES_UNDER_FUZZ, type AgentFuzzRoute } from './support/fuzz-agent-routes.ts';

const RUNS_PER_ROUTE = 50;
const RUNS = 300;
const KNOWN_IDS = ['printer-reset', 'card-slot-reseat'];

let h: Harness;
let boot: string;
let techToken: string;
let spare: string[];
beforeAll(async () => {
  h = await startHarness();
  boot = await bootTokenOf(h.agent.url);
  techToken = (await TechApi.signIn(h.agent.techUrl)).token;
  spare = await Promise.all([1, 2, 3].map(async () => (await TechApi.signIn(h.agent.techUrl)).token));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const baseOf = (r: AgentFuzzRoute) => (r.listener === 'kiosk' ? h.agent.url : h.agent.techUrl);
const tokensOf = (r: AgentFuzzRoute) => (r.token === 'tech' ? [techToken] : r.token === 'spare' ? spare : []);

/** No 5xx; /healthz alone may answer 503 (its way of saying the agent is not healthy). */
async function check(base: string, req: FuzzRequest): Promise<void> {
  const res = await send(base, req);
  const health = req.method === 'GET' && req.path.split('?')[0] === '/healthz' && res.status === 503;
  if (res.status === 0 || (res.status >= 500 && !health)) throw new Error(exchange(req, res));
}

function wellFormed(route: AgentFuzzRoute): fc.Arbitrary<FuzzRequest> {
  const tokens = tokensOf(route);
  return fc
    .record({
      path: pathNear([route.path], KNOWN_IDS).map((p) =>
        route.path.includes(':') ? (p.split('?')[0] ?? p) : route.path,
      ),
      auth: tokens.length ? fc.constantFrom(...tokens.map((t) => `Bearer ${t}`)) : fc.constant(undefined),
      body: route.samples.length
        ? fc
            .constantFrom(...route.samples)
            .chain(mutated)
            .map(toJsonText)
        : fc.constant(undefined),
    })
    .map(({ path, auth, body }) => ({
      method: route.method,
      path,
      headers: {
        'content-type': 'application/json',
        authorization: auth,
        origin: baseOf(route),
        'x-kiosk-boot': route.listener === 'kiosk' ? boot : undefined,
      },
      body,
    }));
}

function anything(route: AgentFuzzRoute): fc.Arbitrary<FuzzRequest> {
  // Other routes' paths, but not the sign-out's, which would end the token the other routes use.
  const same = AGENT_ROUTES_UNDER_FUZZ.filter(
    (r) => r.listener === route.listener && r.token !== 'spare',
  ).map((r) => r.path);
  return fc
    .record({
      method: fc.oneof(
        { weight: 2, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: httpMethod },
      ),
      path: fc.oneof(
        { weight: 3, arbitrary: pathNear([route.path], KNOWN_IDS) },
        { weight: 1, arbitrary: pathNear(same) },
      ),
      type: contentType,
      auth: authorization(tokensOf(route)),
      origin: fc.option(fc.oneof(fc.constant(baseOf(route)), headerValue), { nil: undefined }),
      host: fc.option(headerValue, { freq: 5, nil: undefined }),
      boot: fc.option(fc.oneof(fc.constant(boot), headerValue), { nil: undefined }),
      body: rawBody(route.samples),
    })
    .map(({ method, path, type, auth, origin, host, boot: b, body }) => ({
      method,
      path,
      headers: { 'content-type': type, authorization: auth, origin, host, 'x-kiosk-boot': b },
      body,
    }));
}

describe('agent HTTP fuzz', () => {
  it.each(AGENT_ROUTES_UNDER_FUZZ.map((r) => [`${r.method} ${r.path}`, r] as const))(
    'answers well-formed requests with hostile fields to %s without a 5xx',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(wellFormed(route), (req) => check(baseOf(route), req)),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );

  it('answers any method, path, headers and body on both listeners without a 5xx', async () => {
    const request = fc
      .constantFrom(...AGENT_ROUTES_UNDER_FUZZ)
      .chain((r) => anything(r).map((req) => [r, req] as const));
    await fc.assert(
      fc.asyncProperty(request, ([r, req]) => check(baseOf(r), req)),
      { numRuns: RUNS },
    );
    expect((await fetch(`${h.agent.url}/kiosk/boot`)).status).toBe(200);
    const fresh = await TechApi.signIn(h.agent.techUrl);
    expect((await fresh.call('GET', '/me')).status).toBe(200);
  });
});
