// The configured technician accounts: each person signs in with their own name and PIN, so resets,
// runbooks and jogs are recorded against them. A lone legacy `pinHash` is the trial account.
import { z } from 'zod';

/** A sign-in name: lower case, digits, dot, dash or underscore; recorded with every act. */
export const TechnicianId = z.string().regex(/^[a-z][a-z0-9._-]{1,31}$/, 'a sign-in name like li.wei');

export const PinHash = z
  .string()
  .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, 'must come from hashTechnicianPin');

export const TechnicianAccountSchema = z
  .object({
    id: TechnicianId,
    name: z.string().min(1).max(80),
    role: z.enum(['technician', 'lead']).default('technician'),
    pinHash: PinHash,
  })
  .strict();
