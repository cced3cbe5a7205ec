// The backoff policy has one text but three homes (the borders let no part import another's runtime
// code): this keeps the copies from drifting apart, so the one test of it (cloud-sync's backoff.test.ts)
// covers all three.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const HOMES = ['firmware-bridge/src/retry', 'cloud-sync/src/client', 'kiosk-ui/src/protocol'];
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('backoff policy copies', () => {
  it('backoff.ts is the same text in every part', () => {
    const [first, ...rest] = HOMES.map((home) => read(`${home}/backoff.ts`));
    expect(first).toContain('export function backoffDelay');
    for (const other of rest) expect(other).toBe(first);
  });
});
