import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hlc, HlcError } from './hlc.ts';

function fixedClock(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

describe('Hlc', () => {
  it('moves strictly forward even when the wall clock stands still or goes back', () => {
    const clock = fixedClock(1_000);
    const hlc = new Hlc('k1', clock.now);
    const a = hlc.now();
    const b = hlc.now();
    clock.set(500);
    const c = hlc.now();
    expect(Hlc.compare(a, b)).toBeLessThan(0);
    expect(Hlc.compare(b, c)).toBeLessThan(0);
    expect(c).toEqual({ wall: 1_000, counter: 2, node: 'k1' });
    clock.set(2_000);
    expect(hlc.now()).toEqual({ wall: 2_000, counter: 0, node: 'k1' });
  });

  it('orders a receipt after the remote event', () => {
    const clock = fixedClock(1_000);
    const hlc = new Hlc('hub', clock.now);
    const remote = { wall: 1_500, counter: 7, node: 'k2' };
    const got = hlc.receive(Hlc.serialize(remote));
    expect(got).toEqual({ wall: 1_500, counter: 8, node: 'hub' });
    expect(Hlc.compare(remote, got)).toBeLessThan(0);
    expect(Hlc.compare(got, hlc.now())).toBeLessThan(0);
  });

  it('refuses a remote clock too far ahead', () => {
    const hlc = new Hlc('hub', () => 0, 1_000);
    expect(() => hlc.receive({ wall: 5_000, counter: 0, node: 'k' })).toThrow(HlcError);
  });

  it('never goes behind a restored timestamp', () => {
    const hlc = new Hlc('k1', () => 10);
    hlc.restore(Hlc.serialize({ wall: 99, counter: 3, node: 'k1' }));
    expect(hlc.now()).toEqual({ wall: 99, counter: 4, node: 'k1' });
  });

  it('serializes so that string order equals clock order, and round-trips', () => {
    const ts = fc.record({
      wall: fc.integer({ min: 0, max: 2 ** 47 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      node: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    });
    fc.assert(
      fc.property(ts, ts, (a, b) => {
        const sa = Hlc.serialize(a);
        const sb = Hlc.serialize(b);
        expect(Hlc.parse(sa)).toEqual(a);
        expect(Math.sign(sa < sb ? -1 : sa > sb ? 1 : 0)).toBe(Math.sign(Hlc.compare(a, b)));
      }),
    );
  });

  it('rejects text that is not a timestamp', () => {
    expect(() => Hlc.parse('12-3-x')).toThrow(HlcError);
  });
});
