// Issue 14: fast-check throws generated requests at a real agent's HTTP API: the kiosk listener
// (health, boot secret, the simulation panel's API, the voice) and the technician listener's API.
// Well-formed requests (the route's method and path, its boot secret or technician token, same Origin,
// JSON, a valid body with up to three places made hostile) reach the handlers; anything-goes requests
// (methods, paths with hostile segments, content types, credentials, broken or non-UTF-8 bodies) hit
// the guards. No answer may be a 5xx (but a 503 from /healthz, which reports an unhealthy agent), and
// the agent still answers afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerValue } from '../../scripts/lib/fuzz/http-arbitraries.ts';
import { anyRequest, wellFormedRequest } from '../../scripts/lib/fuzz/requests.ts';
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

const wellFormed = (route: AgentFuzzRoute): fc.Arbitrary<FuzzRequest> =>
  wellFormedRequest(route, {
    tokens: tokensOf(route),
    knownIds: KNOWN_IDS,
    headers: { origin: baseOf(route), 'x-kiosk-boot': route.listener === 'kiosk' ? boot : undefined },
  });

const anything = (route: AgentFuzzRoute): fc.Arbitrary<FuzzRequest> =>
  anyRequest(route, {
    tokens: tokensOf(route),
    knownIds: KNOWN_IDS,
    // Other routes' paths, but not the sign-out's, which would end the token the other routes use.
    nearPaths: AGENT_ROUTES_UNDER_FUZZ.filter(
      (r) => r.listener === route.listener && r.token !== 'spare',
    ).map((r) => r.path),
    extraHeaders: {
      origin: fc.option(fc.oneof(fc.constant(baseOf(route)), headerValue), { nil: undefined }),
      host: fc.option(headerValue, { freq: 5, nil: undefined }),
      'x-kiosk-boot': fc.option(fc.oneof(fc.constant(boot), headerValue), { nil: undefined }),
    },
  });

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
