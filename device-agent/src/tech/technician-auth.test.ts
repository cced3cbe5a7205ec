import { describe, expect, it } from 'vitest';
import { hashTechnicianPin, verifyTechnicianPin } from './pin-hash.ts';
import { TechnicianAuth } from './technician-auth.ts';

// Small scrypt cost keeps the suite fast; the format and the checks are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('technician PIN hash', () => {
  it('verifies the right PIN only, with a fresh salt per hash', async () => {
    const h = await hashTechnicianPin('123456', FAST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyTechnicianPin('123456', h)).toBe(true);
    expect(await verifyTechnicianPin('123457', h)).toBe(false);
    expect(await hashTechnicianPin('123456', FAST)).not.toBe(h);
    await expect(verifyTechnicianPin('1', 'plain')).rejects.toThrow(/scrypt/);
  });
});

describe('TechnicianAuth', () => {
  it('issues a short-lived token and forgets it after the TTL', async () => {
    let now = 1000;
    const auth = new TechnicianAuth(await hashTechnicianPin('2468', FAST), 60_000, () => now);
    const r = await auth.login('2468', undefined, '127.0.0.1');
    if (!r.ok) throw new Error('login failed');
    expect(auth.verify(r.token)).toBe(true);
    expect(auth.verify('forged')).toBe(false);
    now += 60_000;
    expect(auth.verify(r.token)).toBe(false);
  });
  it('counts failures per client address: parallel guesses all count, other addresses are not locked', async () => {
    let now = 0;
    const auth = new TechnicianAuth(await hashTechnicianPin('2468', FAST), 60_000, () => now);
    const guesses = await Promise.all(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((p) => auth.login(p, undefined, '10.0.0.9')),
    );
    expect(guesses.map((g) => !g.ok && g.reason)).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
    ]);
    expect(await auth.login('2468', undefined, '10.0.0.9')).toMatchObject({ ok: false, reason: 'locked' });
    // The technician at another address signs in meanwhile.
    expect((await auth.login('2468', undefined, '10.0.0.7')).ok).toBe(true);
    now += 60_000; // the first lockout (login-throttle.ts DEFAULT_THROTTLE.baseLockMs)
    expect((await auth.login('2468', undefined, '10.0.0.9')).ok).toBe(true);
  });
  it('answers an unknown name exactly like a wrong PIN, and counts it against the address', async () => {
    const accounts = [
      {
        id: 'li.wei',
        name: 'Li Wei',
        role: 'technician' as const,
        pinHash: await hashTechnicianPin('1357', FAST),
      },
      { id: 'chen', name: 'Chen', role: 'lead' as const, pinHash: await hashTechnicianPin('2468', FAST) },
    ];
    const auth = new TechnicianAuth(accounts, 60_000, () => 0);
    const unknown = await auth.login('1357', 'nobody', 'a');
    const wrong = await auth.login('0000', 'li.wei', 'b');
    expect(unknown).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 4 });
    expect(wrong).toEqual(unknown);
    expect(await auth.login('1357', 'nobody', 'a')).toEqual({
      ok: false,
      reason: 'wrong_pin',
      attemptsLeft: 3,
    });
  });
});
