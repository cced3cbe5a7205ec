import { describe, expect, it } from 'vitest';
import type { BundleState } from './tech-deps.ts';
import { BundleBuilder } from './diagnostic-bundle.ts';

describe('BundleBuilder', () => {
  it('reports each stage, then ready with the size, and scrubs card-number-like strings', async () => {
    const b = new BundleBuilder(() => ({
      stages: [
        ['a', () => ({ note: 'card 4539578763621486 seen', t: 0.1234567890123 })],
        ['b', async () => [1, 2, 3]],
      ],
    }));
    const seen: BundleState[] = [];
    b.onProgress((s) => seen.push(s));
    const first = b.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.map((s) => `${s.state}:${s.done}/${s.total}`)).toEqual([
      'building:0/2',
      'building:1/2',
      'ready:2/2',
    ]);
    const body = b.body(first.id) as string;
    expect(body).not.toContain('4539578763621486');
    const parsed = JSON.parse(body) as { a: { t: number }; b: number[] };
    expect(parsed.a.t).toBeCloseTo(0.1234567890123, 10);
    expect(parsed.b).toEqual([1, 2, 3]);
    expect(b.state(first.id)).toMatchObject({ state: 'ready', bytes: Buffer.byteLength(body) });
  });

  it('reports a failed stage', async () => {
    const b = new BundleBuilder(() => ({
      stages: [
        [
          'x',
          () => {
            throw new Error('disk gone');
          },
        ],
      ],
    }));
    const s = b.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(b.state(s.id)).toMatchObject({ state: 'failed', error: 'disk gone' });
    expect(b.body(s.id)).toBeNull();
  });
});
