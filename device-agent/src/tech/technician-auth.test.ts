import { describe, expect, it } from 'vitest';
import { hashTechnicianPin, verifyTechnicianPin } from './pin-hash.ts';
import { LOCKOUT_MS, TechnicianAuth } from './technician-auth.ts';

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
    const r = await auth.login('2468');
    if (!r.ok) throw new Error('login failed');
    expect(auth.verify(r.token)).toBe(true);
    expect(auth.verify('forged')).toBe(false);
    now += 60_000;
    expect(auth.verify(r.token)).toBe(false);
  });
  it('locks out for 5 minutes after 5 failures, even with the right PIN, and counts parallel guesses', async () => {
    let now = 0;
    const auth = new TechnicianAuth(await hashTechnicianPin('2468', FAST), 60_000, () => now);
    const guesses = await Promise.all(['1', '2', '3', '4', '5'].map((p) => auth.login(p)));
    expect(guesses.slice(0, 4).map((g) => !g.ok && g.reason)).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
    ]);
    expect(guesses[4]).toMatchObject({ ok: false, reason: 'locked' });
    expect(await auth.login('2468')).toMatchObject({ ok: false, reason: 'locked' });
    now += LOCKOUT_MS - 1;
    expect((await auth.login('2468')).ok).toBe(false);
    now += 1;
    expect((await auth.login('2468')).ok).toBe(true);
  });
});
