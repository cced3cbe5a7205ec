// fast-check arbitraries for fuzzing the hub's and the agent's inputs: hostile strings and numbers,
// JSON-ish values with prototype keys. With mutate.ts (a valid body made hostile in a few places) and
// http-arbitraries.ts (bodies, paths, headers, methods) the one set every fuzz test uses
// (cloud-sync/test/fuzz-*.test.ts, device-agent/test/fuzz-*.test.ts).
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
