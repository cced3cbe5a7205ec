// Per-installation secrets of the simulated branch, made once with a CSPRNG and kept in the data folder
// (mode 0600), so a second `npm start` finds the same kiosk credential, card key and sign-ins.
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const BranchSecretsSchema = z.object({
  kioskToken: z.string().min(32),
  operatorToken: z.string().min(32),
  /** HMAC-SHA256 key for card tokens, hex. */
  cardKey: z.string().regex(/^[0-9a-f]{64}$/),
  technicianPin: z.string().regex(/^\d{6}$/),
  agentPassword: z.string().min(12),
});
export type BranchSecrets = z.infer<typeof BranchSecretsSchema>;

function newSecrets(): BranchSecrets {
  return {
    kioskToken: randomBytes(32).toString('base64url'),
    operatorToken: randomBytes(32).toString('base64url'),
    cardKey: randomBytes(32).toString('hex'),
    technicianPin: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    agentPassword: randomBytes(12).toString('base64url'),
  };
}

/** Where the branch keeps its secrets (mode 0600). */
export const secretsFile = (dataDir: string): string => join(dataDir, 'secrets.json');

export function loadOrCreateSecrets(dataDir: string): { secrets: BranchSecrets; created: boolean } {
  const file = secretsFile(dataDir);
  if (existsSync(file)) return { secrets: readSecrets(file), created: false };
  const secrets = newSecrets();
  try {
    // Exclusive create: the hub and the agent units may start side by side; the second one reads the first's.
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return { secrets: readSecrets(file), created: false };
    throw err;
  }
  return { secrets, created: true };
}

function readSecrets(file: string): BranchSecrets {
  const parsed = BranchSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: damaged (${parsed.error.issues[0]?.message}); delete it to make new secrets`);
  }
  return parsed.data;
}
