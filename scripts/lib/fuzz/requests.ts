// Requests for one route of a server under fuzz, in two kinds: well-formed (the route's own method and
// path, a valid credential, JSON, one of its valid bodies with up to three places made hostile: this
// reaches the handler behind the schema) and anything (method, path, content type, credential, extra
// headers and body all generated: this hits the guards). Shared by the hub's and the agent's fuzz tests.
import fc from 'fast-check';
import { toJsonText } from './arbitraries.ts';
import { authorization, contentType, httpMethod, pathNear, rawBody } from './http-arbitraries.ts';
import { mutated } from './mutate.ts';
import type { FuzzRequest } from './http-client.ts';

export interface RouteUnderFuzz {
  method: string;
  /** With `:param` placeholders, filled from `knownIds` or hostile segments. */
  path: string;
  /** Valid bodies (none for a route without one). */
  samples: readonly unknown[];
}

export interface RequestOptions {
  /** Bearer tokens that pass the route's guard (none: the route needs none). */
  tokens: readonly string[];
  /** Ids of records that exist, for `:param`s. */
  knownIds?: readonly string[];
  /** Headers a well-formed request carries besides content type and credential (Origin, a secret). */
  headers?: Record<string, string | undefined>;
}

/** The route's own method and path, a valid token, JSON, and one of its valid bodies mutated. */
export function wellFormedRequest(route: RouteUnderFuzz, o: RequestOptions): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: route.path.includes(':')
        ? pathNear([route.path], o.knownIds).map((p) => p.split('?')[0] ?? p)
        : fc.constant(route.path),
      auth: o.tokens.length ? fc.constantFrom(...o.tokens.map((t) => `Bearer ${t}`)) : fc.constant(undefined),
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
      headers: { ...o.headers, 'content-type': 'application/json', authorization: auth },
      body,
    }));
}

/**
 * Anything near the route: another method now and then, a path near it or near `nearPaths` (the
 * server's other routes), any content type, credential and body, and each of `extraHeaders` generated.
 */
export function anyRequest(
  route: RouteUnderFuzz,
  o: RequestOptions & {
    nearPaths: readonly string[];
    extraHeaders?: Record<string, fc.Arbitrary<string | undefined>>;
  },
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 2, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: httpMethod },
      ),
      path: fc.oneof(
        { weight: 3, arbitrary: pathNear([route.path], o.knownIds) },
        { weight: 1, arbitrary: pathNear(o.nearPaths) },
      ),
      type: contentType,
      auth: authorization(o.tokens),
      extra: fc.record(o.extraHeaders ?? {}),
      body: rawBody(route.samples),
    })
    .map(({ method, path, type, auth, extra, body }) => ({
      method,
      path,
      headers: { ...extra, 'content-type': type, authorization: auth },
      body,
    }));
}
