// Requests' parts for HTTP fuzzing: bodies as sent (mutated, hostile, broken, deeply nested, not UTF-8),
// methods, content types, paths near a server's routes, header values and credentials.
import fc from 'fast-check';
import { hostileJson, hostileString, toJsonText } from './arbitraries.ts';
import { mutated } from './mutate.ts';

/** JSON text nested `n` levels deep (arrays or objects), the classic stack-depth attack. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([n, arrays]) => (arrays ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));

/** A request body as sent: JSON text, broken JSON, deep nesting, bytes that are not UTF-8, or nothing. */
export type RawBody = string | Uint8Array | undefined;

/** Raw bodies around `samples` (valid bodies of the route): mutated, hostile, broken or binary. */
export function rawBody(samples: readonly unknown[] = []): fc.Arbitrary<RawBody> {
  const around = samples.length
    ? [
        {
          weight: 8,
          arbitrary: fc
            .constantFrom(...samples)
            .chain((s) => mutated(s))
            .map(toJsonText),
        },
      ]
    : [];
  return fc.oneof(
    ...around,
    { weight: 3, arbitrary: hostileJson().map(toJsonText) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: hostileJson().map((v) => toJsonText(v).slice(0, -1)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'null', '[]', '"\\u0000"', '{"a":"\\ud800"}') },
  );
}

export const httpMethod: fc.Arbitrary<string> = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PROPFIND',
);

export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json\t;',
  '',
  undefined,
);

/** Percent-encodes text byte by byte (lone surrogates become U+FFFD, as a browser sends them). */
export function percentEncode(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9._~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One path segment: ordinary, hostile (percent-encoded), bad escapes, dot segments, or empty. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }).map(percentEncode) },
  { weight: 3, arbitrary: hostileString(20, false).map(percentEncode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%', '%zz', '%ff', '%c0%af', '%ed%a0%80', '%00', '..', '.', '', '%2e%2e'),
  },
);

/** A query string: nothing, or hostile keys and values. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('since', 'limit', 'boot', 'x', '__proto__'), pathSegment), {
        minLength: 1,
        maxLength: 3,
      })
      .map((kv) => `?${kv.map(([k, v]) => `${k}=${v}`).join('&')}`),
  },
);

/**
 * A path near the given routes: a route as is, with a trailing slash, with segments added or replaced
 * (`:param` placeholders filled with hostile segments or `knownIds`), or a path of random segments; plus a
 * query.
 */
export function pathNear(routes: readonly string[], knownIds: readonly string[] = []): fc.Arbitrary<string> {
  const route = fc.constantFrom(...routes);
  const param = knownIds.length
    ? fc.oneof(pathSegment, fc.constantFrom(...knownIds.map(percentEncode)))
    : pathSegment;
  const filled = fc.tuple(route, fc.array(param, { minLength: 4, maxLength: 4 })).map(([r, segs]) =>
    r
      .split('/')
      .map((s, i) => (s.startsWith(':') ? (segs[i % 4] ?? 'x') : s))
      .join('/'),
  );
  const shaped = fc.oneof(
    { weight: 4, arbitrary: filled },
    { weight: 1, arbitrary: filled.map((p) => `${p}/`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(filled, fc.array(pathSegment, { minLength: 1, maxLength: 3 }))
        .map(([p, more]) => [p, ...more].join('/')),
    },
    { weight: 1, arbitrary: filled.map((p) => p.replace(/\/([^/]*)$/, '//$1')) },
    {
      weight: 1,
      arbitrary: fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`),
    },
  );
  return fc.tuple(shaped, queryString).map(([p, q]) => `${p.startsWith('/') ? p : `/${p}`}${q}`);
}

/** A header value a client library lets through: visible Latin-1 text, hostile but legal. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.string({
    // What Node lets into a header value: tab, visible ASCII, Latin-1 (not DEL or other controls).
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((n) => n !== 0x7f)
      .map((n) => String.fromCharCode(n)),
    maxLength: 40,
  }),
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer \u00ff', `Bearer ${'x'.repeat(600)}`, 'Basic YTpi', '*'),
);

/** An authorization header: one of the valid `tokens` (so the route's handler runs), a hostile one, or none. */
export function authorization(tokens: readonly string[]): fc.Arbitrary<string | undefined> {
  const valid = tokens.length
    ? [{ weight: 4, arbitrary: fc.constantFrom(...tokens.map((t) => `Bearer ${t}`)) }]
    : [];
  return fc.oneof(
    ...valid,
    { weight: 1, arbitrary: headerValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
