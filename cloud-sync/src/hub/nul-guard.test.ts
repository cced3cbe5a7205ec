import { describe, expect, it } from 'vitest';
import { findNul, pathHasNul } from './nul-guard.ts';

describe('NUL in hub input', () => {
  it('names where a NUL sits in a JSON body: a value, a key, or the body itself', () => {
    expect(findNul({ changes: [{ data: { id: 'c-\u00001' } }] })).toBe('changes.0.data.id');
    expect(findNul(JSON.parse('{"a":{"k\\u0000":1}}'))).toBe('a.k\u0000');
    expect(findNul('\u0000')).toBe('(body)');
    expect(findNul({ text: '银行 \ud800 ok', n: 1, list: [null, true] })).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + '"\\u0000"' + ']'.repeat(100_000)) as unknown;
    expect(findNul(deep)).not.toBeNull();
  });

  it('finds a percent-encoded NUL in a path, not in the query or an encoded percent sign', () => {
    expect(pathHasNul('http://hub/api/agent/conversations/%00')).toBe(true);
    expect(pathHasNul('http://hub/api/agent/conversations/a%2500')).toBe(false);
    expect(pathHasNul('http://hub/api/sync/pull?since=%00')).toBe(false);
  });
});
