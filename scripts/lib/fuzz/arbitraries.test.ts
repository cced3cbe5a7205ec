// The fuzz arbitraries keep producing what the fuzz tests count on: without these a generator could go
// blind (no NUL, no prototype key, no edge number) and every fuzz test would still pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileJson, hostileNumber, hostileString } from './arbitraries.ts';
import { pathNear, percentEncode } from './http-arbitraries.ts';
import { mutated } from './mutate.ts';

const seed = 14;
const sample = <T>(a: fc.Arbitrary<T>, n = 2000) => fc.sample(a, { numRuns: n, seed });

describe('fuzz arbitraries', () => {
  it('hostile strings hold NUL, lone surrogates and prototype keys', () => {
    const strings = sample(hostileString());
    expect(strings.some((s) => s.includes('\u0000'))).toBe(true);
    expect(strings.some((s) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(s))).toBe(true);
    expect(strings).toContain('__proto__');
    expect(strings.some((s) => s.length > 1000)).toBe(true);
    expect(sample(hostileString(20, false)).every((s) => s.length < 1000)).toBe(true);
  });

  it('hostile numbers reach past 32 and 53 bits', () => {
    const numbers = sample(hostileNumber);
    expect(numbers).toContain(2 ** 31);
    expect(numbers.some((n) => n > Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('hostile JSON has own __proto__ keys and nests', () => {
    const texts = sample(hostileJson()).map((v) => JSON.stringify(v));
    expect(texts.some((t) => t.includes('"__proto__":'))).toBe(true);
    expect(texts.some((t) => t.startsWith('[[') || t.includes(':{'))).toBe(true);
  });

  it('mutates a valid body in a few places (sometimes none), never the sample itself', () => {
    const body = { a: 'x', b: 1, c: [true, 'y'], d: { e: 'z' } };
    const text = JSON.stringify(body);
    const variants = sample(mutated(body), 500).map((v) => JSON.stringify(v));
    expect(variants).toContain(text);
    expect(variants.filter((v) => v !== text).length).toBeGreaterThan(300);
    expect(JSON.stringify(body)).toBe(text);
  });

  it('makes paths Node can send: one leading slash, visible ASCII only', () => {
    const paths = sample(pathNear(['/api/agent/tickets/:id', '/healthz'], ['t-1']));
    expect(paths.every((p) => p.startsWith('/') && /^[\x21-\x7e]+$/.test(p))).toBe(true);
    expect(paths.some((p) => p.includes('%00'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/api/agent/tickets/t-1'))).toBe(true);
    expect(percentEncode('a b\u0000银')).toBe('a%20b%00%E9%93%B6');
  });
});
