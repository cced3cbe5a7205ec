// fast-check arbitraries for fuzzing the hub's and the agent's inputs: hostile strings and numbers,
// JSON-ish values with prototype keys, mutations of a valid body (so the input passes the outer checks
// and reaches the handler), raw bodies (bytes, broken and deeply nested JSON), paths, headers, methods.
// One set, used by every fuzz test (cloud-sync/test/fuzz-*.test.ts, device-agent/test/fuzz-*.test.ts).
import fc from 'fast-check';

/** Characters that break parsers, databases and logs: NUL, lone surrogates, separators, escapes. */
export const HOSTILE_CHARS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\uffff',
  '\r\n',
  '\u001b[2J',
  '"',
  "'",
  '\\',
  '%',
  '%00',
  '../',
  '<script>',
  '${x}',
  '{{x}}',
  '😀',
  '银行',
] as const;

/** Object keys that reach Object.prototype, or shadow its methods, when merged carelessly. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

/** Numbers at the edges: 32-bit and 53-bit limits, huge, tiny, negative zero, fractions. */
export const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  5e-324,
] as const;

// NUL and lone surrogates on their own besides the list: the characters stores and encoders choke on most.
const hostileUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_CHARS) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud83d') },
);

/** A string mixing ordinary text with hostile characters; sometimes (`long`) tens of thousands long. */
export const hostileString = (maxLength = 40, long = true): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: hostileUnit, maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '-1', '0x10', '1e999') },
    {
      weight: long ? 1 : 0,
      arbitrary: fc
        .tuple(fc.constantFrom('a', '\u0000', '银', '\ud800'), fc.integer({ min: 1000, max: 70_000 }))
        .map(([c, n]) => c.repeat(n)),
    },
  );

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

/** Object keys: ordinary names, prototype keys, hostile text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: hostileString(12, false) },
);

/** Any JSON value (up to `depth` levels), built from hostile leaves and keys. */
export const hostileJson = (depth = 3): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: depth, withCrossShrink: true },
      hostileString(),
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
    ),
  })).value;

/** Serialises like JSON.stringify, but keeps an own `__proto__` key as a key (JSON.parse makes it one). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

type Spot = { path: (string | number)[]; value: unknown };
type Edit = { path: (string | number)[]; set?: unknown; drop?: true; add?: [string, unknown] };

/** Every place in a JSON value: the root, each member, each item. */
function spotsOf(value: unknown, path: (string | number)[] = []): Spot[] {
  const here: Spot[] = [{ path, value }];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => spotsOf(v, [...path, i])));
  if (value !== null && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => spotsOf(v, [...path, k])));
  return here;
}

/** A hostile value of the same type as `value` where it has one (a string another string...). */
function sameTypeAs(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') return hostileString();
  if (typeof value === 'number') return hostileNumber;
  if (typeof value === 'boolean') return fc.boolean();
  if (Array.isArray(value)) return fc.array(hostileJson(1), { maxLength: 600 });
  return hostileJson(2);
}

/** Sets a key as an own property, so '__proto__' stays a key (as JSON.parse makes it), not the prototype. */
function put(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function at(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

const isObject = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === 'object';

function applyEdit(root: unknown, e: Edit): unknown {
  if (e.add) {
    const target = at(root, e.path);
    if (isObject(target) && !Array.isArray(target)) put(target, e.add[0], e.add[1]);
    return root;
  }
  if (e.path.length === 0) return e.drop ? root : e.set;
  const parent = at(root, e.path.slice(0, -1));
  if (!isObject(parent)) return root; // an earlier edit replaced or dropped it
  const key = e.path[e.path.length - 1] as string | number;
  if (!e.drop) put(parent, key, e.set);
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}

/**
 * `sample` with up to three places changed (none: the valid body itself): a value becomes a hostile one of its own type (a string
 * another string, a number another number) or of any type, a member is dropped, or a member with a
 * prototype or hostile key is added. The rest stays valid, so the input gets past the schema's other
 * fields and reaches the handler.
 */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const spots = spotsOf(sample);
  const edit: fc.Arbitrary<Edit> = fc
    .constantFrom(...spots)
    .chain(({ path, value }) =>
      fc.oneof(
        { weight: 6, arbitrary: sameTypeAs(value).map((set) => ({ path, set })) },
        { weight: 2, arbitrary: hostileJson(2).map((set) => ({ path, set })) },
        { weight: 1, arbitrary: fc.constant({ path, drop: true as const }) },
        { weight: 1, arbitrary: fc.tuple(hostileKey, hostileJson(1)).map((add) => ({ path, add })) },
      ),
    );
  return fc
    .array(edit, { minLength: 0, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((v, e) => applyEdit(v, e), structuredClone(sample)));
}

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
