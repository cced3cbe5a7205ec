// Review finding 5 (issue 14) through the agent: a hub that refuses every push while its pulls work is
// told apart on the agent's /healthz (the kiosk sync status it carries whole): the push error shows and
// stays while pulls succeed; a successful pull no longer hides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskClient, startHarness, waitFor, type Harness } from './harness.ts';
import { waitArmLinkUp } from './support/readiness.ts';

interface SyncHealth {
  pushError: string | null;
  pullError: string | null;
  lastPullAt: string | null;
  pending: number;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    {},
    {
      storeHooks: {
        beforeCommit: () => {
          throw new Error('disk trouble');
        },
      },
    },
  );
  await waitArmLinkUp(h.agent.url);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const sync = async () =>
  ((await (await fetch(`${h.agent.url}/healthz`)).json()) as { sync: SyncHealth }).sync;

describe('push and pull errors on /healthz', () => {
  it('shows a failing push while pulls succeed', async () => {
    // A visit gives the kiosk something to push.
    const page = await KioskClient.connect(h.agent.url);
    expect((await page.command('Session.Start', { locale: 'en' })).payload.completionCode).toBe('success');
    await page.close();
    const failedAt = await waitFor(
      async () => ((await sync()).pushError ? Date.now() : undefined),
      15_000,
      'a push failure',
    );
    await waitFor(
      async () => Date.parse((await sync()).lastPullAt ?? '') > failedAt || undefined,
      15_000,
      'a pull after it',
    );
    const s = await sync();
    expect(s.pushError).toMatch(/500|internal/);
    expect(s.pullError).toBeNull();
    expect(s.pending).toBeGreaterThan(0);
  });
});
