import { describe, expect, it } from 'vitest';
import { AddressThrottle } from './address-throttle.ts';

describe('AddressThrottle', () => {
  it('blocks an address after its failures fill the window, until the oldest leaves it', () => {
    const t = new AddressThrottle({ maxFailures: 3, windowMs: 1000 });
    t.fail('a', 0);
    t.fail('a', 100);
    expect(t.retryAfterMs('a', 200)).toBe(0);
    t.fail('a', 200);
    expect(t.retryAfterMs('a', 300)).toBe(700);
    expect(t.retryAfterMs('b', 300)).toBe(0);
    expect(t.retryAfterMs('a', 1001)).toBe(0);
  });

  it('forgets the address that failed longest ago beyond its bound', () => {
    const t = new AddressThrottle({ maxFailures: 1, windowMs: 1000, maxAddresses: 2 });
    t.fail('a', 0);
    t.fail('b', 1);
    t.fail('c', 2);
    expect(t.retryAfterMs('a', 3)).toBe(0);
    expect(t.retryAfterMs('b', 3)).toBeGreaterThan(0);
    expect(t.retryAfterMs('c', 3)).toBeGreaterThan(0);
  });
});
