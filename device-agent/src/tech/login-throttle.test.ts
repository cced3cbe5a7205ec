import { describe, expect, it } from 'vitest';
import { clientAddress, isLoopbackHost } from './client-address.ts';
import { LoginThrottle, type ThrottleSettings } from './login-throttle.ts';

const S: ThrottleSettings = {
  maxFailures: 3,
  baseLockMs: 1000,
  maxLockMs: 5000,
  forgetAfterMs: 10_000,
  maxEntries: 4,
};

/** Fails `n` attempts from `who` at `now`; returns the admissions. */
function fail(t: LoginThrottle, who: string, n: number, now: number) {
  return Array.from({ length: n }, () => t.attempt(who, now));
}

describe('LoginThrottle', () => {
  it('locks an address after maxFailures, with a doubling lockout up to the cap', () => {
    const t = new LoginThrottle(S);
    expect(fail(t, 'a', 3, 0)).toEqual([
      { ok: true, attemptsLeft: 2 },
      { ok: true, attemptsLeft: 1 },
      { ok: true, attemptsLeft: 0 },
    ]);
    expect(t.attempt('a', 999)).toEqual({ ok: false, retryAfterMs: 1 });
    // Next run of failures: 2 s, then 4 s, then capped at 5 s.
    let now = 1000;
    for (const lock of [2000, 4000, 5000, 5000]) {
      expect(fail(t, 'a', 3, now).every((a) => a.ok)).toBe(true);
      expect(t.retryAfterMs('a', now)).toBe(lock);
      expect(t.attempt('a', now + lock - 1).ok).toBe(false);
      now += lock;
    }
  });

  it('never locks another address', () => {
    const t = new LoginThrottle(S);
    fail(t, 'a', 3, 0);
    expect(t.attempt('a', 10).ok).toBe(false);
    expect(t.attempt('b', 10)).toEqual({ ok: true, attemptsLeft: 2 });
  });

  it('counts every attempt when it is admitted, so attempts checked in parallel cannot exceed the limit', () => {
    const t = new LoginThrottle(S);
    // Ten attempts admitted before any PIN check finishes: only maxFailures get through.
    const admitted = fail(t, 'a', 10, 0).filter((a) => a.ok);
    expect(admitted).toHaveLength(3);
  });

  it('forgets failures after a success', () => {
    const t = new LoginThrottle(S);
    fail(t, 'a', 2, 0);
    t.succeeded('a');
    expect(t.attempt('a', 0)).toEqual({ ok: true, attemptsLeft: 2 });
  });

  it('starts an idle address over, and keeps the table bounded', () => {
    const t = new LoginThrottle(S);
    fail(t, 'a', 3, 0); // locked until 1000
    expect(t.attempt('a', 1000 + S.forgetAfterMs - 1).ok).toBe(true); // still remembered: second lockout next
    fail(t, 'a', 2, 1000 + S.forgetAfterMs - 1);
    expect(t.retryAfterMs('a', 1000 + S.forgetAfterMs - 1)).toBe(2000);
    const later = 100_000;
    expect(t.attempt('a', later)).toEqual({ ok: true, attemptsLeft: 2 }); // forgotten: a fresh count
    for (let i = 0; i < 20; i++) t.attempt(`10.0.0.${i}`, later + i);
    expect(t.size()).toBe(S.maxEntries);
    // The most recent addresses are kept; the least recently used went first.
    expect(t.attempt('10.0.0.19', later + 20)).toEqual({ ok: true, attemptsLeft: 1 });
    expect(t.attempt('10.0.0.0', later + 21)).toEqual({ ok: true, attemptsLeft: 2 });
  });
});

describe('clientAddress', () => {
  it('is the peer, unless the peer is a trusted proxy, then the last X-Forwarded-For entry', () => {
    expect(clientAddress('::ffff:10.1.2.3', undefined, [])).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '6.6.6.6', [])).toBe('10.1.2.3');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 10.9.9.9', ['127.0.0.1'])).toBe('10.9.9.9');
    expect(clientAddress('::ffff:127.0.0.1', 'not-an-ip', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress(undefined, undefined, [])).toBe('unknown');
  });
  it('tells loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.8.0.1', '::1', '[::1]', 'localhost'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'kiosk.lan', '128.0.0.1'])
      expect(isLoopbackHost(h)).toBe(false);
  });
});
