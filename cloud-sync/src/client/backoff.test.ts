import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';

describe('Backoff', () => {
  it('doubles the window up to the cap, with the delay anywhere inside it', () => {
    const top = new Backoff({ baseMs: 100, capMs: 1_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(() => top.next())).toEqual([99, 199, 399, 799, 999, 999]);
    const bottom = new Backoff({ baseMs: 100, capMs: 1_000, random: () => 0 });
    expect(bottom.next()).toBe(1);
  });

  it('stays within [1, cap] with real randomness and counts failures until reset', () => {
    const b = new Backoff({ baseMs: 50, capMs: 400 });
    for (let i = 0; i < 50; i++) {
      const d = b.next();
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(400);
    }
    expect(b.failures).toBe(50);
    b.reset();
    expect(b.failures).toBe(0);
    expect(new Backoff({ baseMs: 50, capMs: 400, random: () => 0.999 }).next()).toBeLessThan(50);
  });

  it('refuses a nonsensical window', () => {
    expect(() => new Backoff({ baseMs: 0, capMs: 10 })).toThrow();
    expect(() => new Backoff({ baseMs: 100, capMs: 10 })).toThrow();
  });
});
