// Byte-identical in firmware-bridge, cloud-sync and kiosk-ui, like the module it tests.
import { describe, expect, it } from 'vitest';
import { Backoff, backoffCeiling, backoffDelay, type BackoffPolicy } from './backoff.ts';

const policy = (jitter: BackoffPolicy['jitter']): BackoffPolicy => ({ baseMs: 100, capMs: 1_000, jitter });

describe('backoff policy', () => {
  it('doubles the ceiling from the base up to the cap, and never past it after a long outage', () => {
    const p = policy('none');
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffCeiling(a, p))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffCeiling(10_000, p)).toBe(1000);
    expect(backoffCeiling(10_000, { ...p, capMs: Number.MAX_SAFE_INTEGER })).toBe(100 * 2 ** 30);
  });

  it('none: the ceiling itself, without asking for randomness', () => {
    const never = (): number => {
      throw new Error('no randomness for jitter none');
    };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, policy('none'), never))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('full: anywhere in [1, ceiling), never 0', () => {
    const p = policy('full');
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, p, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(0, p, () => 0)).toBe(1);
    expect(backoffDelay(2, p, () => 0.5)).toBe(200);
  });

  it('equal: at least half the ceiling, at most the ceiling', () => {
    const p = policy('equal');
    expect(backoffDelay(0, p, () => 0)).toBe(50);
    expect(backoffDelay(0, p, () => 0.999)).toBe(100);
    expect(backoffDelay(3, p, () => 0)).toBe(400);
    expect(backoffDelay(3, p, () => 0.5)).toBe(600);
    expect(backoffDelay(50, p, () => 0.999)).toBeLessThanOrEqual(1000);
  });

  it('spread: the ceiling give or take the fraction', () => {
    const p = policy({ spread: 0.25 });
    expect(backoffDelay(0, p, () => 0)).toBe(75);
    expect(backoffDelay(0, p, () => 0.5)).toBe(100);
    expect(backoffDelay(4, p, () => 0.999)).toBeCloseTo(1249.5, 6);
  });

  it('stays inside its window with real randomness', () => {
    for (const jitter of ['none', 'full', 'equal', { spread: 0.25 }] as const) {
      const b = new Backoff({ baseMs: 50, capMs: 400, jitter });
      for (let i = 0; i < 50; i++) {
        const d = b.next();
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(500);
      }
    }
  });

  it('Backoff counts failures, widens with each, and starts over after reset', () => {
    const b = new Backoff(policy('none'));
    expect([b.next(), b.next(), b.next()]).toEqual([100, 200, 400]);
    expect(b.failures).toBe(3);
    b.reset();
    expect(b.failures).toBe(0);
    expect(b.next()).toBe(100);
    const seeded = new Backoff(policy('full'), () => 0.5);
    expect([seeded.next(), seeded.next()]).toEqual([50, 100]);
  });

  it('refuses a nonsensical policy', () => {
    expect(() => new Backoff({ baseMs: 0, capMs: 10, jitter: 'full' })).toThrow();
    expect(() => new Backoff({ baseMs: 100, capMs: 10, jitter: 'full' })).toThrow();
    expect(() => new Backoff({ baseMs: 10, capMs: 100, jitter: { spread: 2 } })).toThrow();
  });
});
