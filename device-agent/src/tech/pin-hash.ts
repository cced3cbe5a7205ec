// Technician PIN hashing with scrypt. Format: scrypt$N$r$p$salt$hash (salt and hash base64url).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LEN = 32;

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pin, salt, KEY_LEN, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashTechnicianPin(
  pin: string,
  options: { N: number; r: number; p: number } = { N: 16384, r: 8, p: 1 },
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, options);
  return `scrypt$${options.N}$${options.r}$${options.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time comparison against a hash from hashTechnicianPin. Runs scrypt off the event loop. */
export async function verifyTechnicianPin(pin: string, pinHash: string): Promise<boolean> {
  const parts = pinHash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt')
    throw new Error('technician.pinHash is not an scrypt hash');
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(pin, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
