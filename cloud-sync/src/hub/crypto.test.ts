import { describe, expect, it } from 'vitest';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from './crypto.ts';

describe('hub crypto', () => {
  it('hashes passwords with a per-user salt and verifies them', async () => {
    const a = await hashPassword('s3cret pass', 1000);
    const b = await hashPassword('s3cret pass', 1000);
    expect(a).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret pass', a)).toBe(true);
    expect(await verifyPassword('s3cret pasS', a)).toBe(false);
    expect(await verifyPassword('s3cret pass', 'md5$abc')).toBe(false);
  });

  it('makes distinct 256-bit tokens and hex SHA-256 digests', async () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
