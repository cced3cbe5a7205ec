import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReliableLink, LinkQueueFullError } from './link.ts';

/** Two links joined by a lossy in-memory wire; time advances by hand. */
function pair(lossA2B: (i: number) => boolean, lossB2A: (i: number) => boolean, window = 4) {
  const gotB: number[] = [];
  const gotA: number[] = [];
  let a2b: Uint8Array[] = [];
  let b2a: Uint8Array[] = [];
  let na = 0;
  let nb = 0;
  const a: ReliableLink = new ReliableLink({
    write: (bytes) => {
      if (!lossA2B(na++)) a2b.push(bytes.slice());
    },
    onFrame: (f) => f.seq !== 0 && gotA.push(f.body[0]! | (f.body[1]! << 8)),
    window,
    rtoMs: 50,
    maxRetries: 1000,
  });
  const b: ReliableLink = new ReliableLink({
    write: (bytes) => {
      if (!lossB2A(nb++)) b2a.push(bytes.slice());
    },
    onFrame: (f) => f.seq !== 0 && gotB.push(f.body[0]! | (f.body[1]! << 8)),
    window,
    rtoMs: 50,
    maxRetries: 1000,
  });
  let now = 0;
  const step = (ms = 10): void => {
    now += ms;
    const x = a2b;
    a2b = [];
    for (const f of x) b.push(f, now);
    const y = b2a;
    b2a = [];
    for (const f of y) a.push(f, now);
    a.tick(now);
    b.tick(now);
  };
  return { a, b, gotA, gotB, step, now: () => now };
}

const msg = (i: number): Uint8Array => new Uint8Array([i & 0xff, i >> 8]);

describe('reliable link', () => {
  it('delivers every message exactly once and in order despite loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 250 }), (seed, count) => {
        let s = seed;
        const rnd = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const { a, b, gotA, gotB, step } = pair(
          () => rnd() < 0.2,
          () => rnd() < 0.2,
        );
        for (let i = 0; i < count; i++) {
          a.sendReliable(0x10, msg(i), 0);
          if (i % 3 === 0) b.sendReliable(0x11, msg(i), 0);
        }
        for (let k = 0; k < 20000 && a.inFlight + a.queued + b.inFlight + b.queued > 0; k++) step();
        expect(gotB).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(gotA).toEqual(Array.from({ length: count }, (_, i) => i).filter((i) => i % 3 === 0));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps at most `window` frames in flight and suppresses duplicates', () => {
    const { a, b, gotB, step } = pair(
      () => false,
      (i) => i < 6,
      4,
    ); // lose B's first acks: A retransmits
    for (let i = 0; i < 10; i++) a.sendReliable(0x10, msg(i), 0);
    expect(a.inFlight).toBe(4);
    expect(a.queued).toBe(6);
    for (let k = 0; k < 200; k++) step();
    expect(gotB).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(b.counters.duplicates).toBeGreaterThan(0);
    expect(a.counters.retransmits).toBeGreaterThan(0);
  });

  it('refuses to queue without bound', () => {
    const link = new ReliableLink({ write: () => {}, onFrame: () => {}, window: 2, maxQueue: 3 });
    for (let i = 0; i < 5; i++) link.sendReliable(0x10, msg(i), 0);
    expect(() => link.sendReliable(0x10, msg(9), 0)).toThrow(LinkQueueFullError);
    expect(link.reset()).toHaveLength(5);
    expect(link.inFlight + link.queued).toBe(0);
  });

  it('gives up after too many retransmit rounds', () => {
    let gaveUp = 0;
    const link = new ReliableLink({
      write: () => {},
      onFrame: () => {},
      rtoMs: 10,
      maxRetries: 3,
      onGiveUp: () => gaveUp++,
    });
    link.sendReliable(0x10, msg(1), 0);
    for (let t = 10; t <= 100; t += 10) link.tick(t);
    expect(gaveUp).toBeGreaterThanOrEqual(1);
  });
});
