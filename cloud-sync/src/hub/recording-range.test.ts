import { describe, expect, it } from 'vitest';
import { parseRange } from './routes-recordings.ts';

describe('parseRange', () => {
  it('reads a closed and an open byte range, clamped to the file', () => {
    expect(parseRange('bytes=100-199', 300)).toEqual([100, 199]);
    expect(parseRange('bytes=100-', 300)).toEqual([100, 299]);
    expect(parseRange('bytes=0-9999', 300)).toEqual([0, 299]);
  });

  it('serves the whole file for no range, a suffix range, several ranges or one past the end', () => {
    expect(parseRange(undefined, 300)).toBeNull();
    expect(parseRange('bytes=-100', 300)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 300)).toBeNull();
    expect(parseRange('bytes=300-', 300)).toBeNull();
    expect(parseRange('items=0-1', 300)).toBeNull();
  });
});
