// A hub of its own for the console's desk tests: SQLite in a temp folder, the built console (dist/),
// one kiosk, a supervisor and two agents with their own passwords; a kiosk's pushes through the real
// sync route; a signed-in console page.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hlc, startHub, type RunningHub } from '@branch/cloud-sync';
import type { Browser, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { repoRoot } from './branch-process.ts';

export const KIOSK = { id: 'kiosk-desk', token: 'kiosk-desk-token-0123456789abcdef' };
export const SUPERVISOR = {
  username: 'zhou.min',
  password: 'supervisor pass 9',
  role: 'supervisor' as const,
  displayName: 'Zhou Min',
};
export const AGENT_LI = {
  username: 'li.na',
  password: 'li na own pass 1',
  role: 'agent' as const,
  displayName: 'Li Na',
};
export const AGENT_CHEN = {
  username: 'chen.jie',
  password: 'chen jie own pass 2',
  role: 'agent' as const,
  displayName: 'Chen Jie',
};

export interface DeskHub {
  hub: RunningHub;
  /** One change of the kiosk, through POST /api/sync/push. */
  push(entity: string, data: { id: string } & Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startDeskHub(): Promise<DeskHub> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-hub-'));
  const hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    staticDir: join(repoRoot, 'kiosk-ui', 'dist'),
    seed: { kiosks: [KIOSK], agents: [SUPERVISOR, AGENT_LI, AGENT_CHEN] },
    passwordIterations: 1000,
    // The tests run the escalation job's pass themselves (escalateOverdueTickets).
    ticketEscalationMs: 24 * 3600_000,
  });
  const clock = new Hlc(KIOSK.id);
  return {
    hub,
    async push(entity, data) {
      const change = {
        id: ulid(),
        kioskId: KIOSK.id,
        entity,
        entityId: data.id,
        op: 'upsert',
        hlc: Hlc.serialize(clock.now()),
        data,
      };
      const res = await fetch(`${hub.url}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KIOSK.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [change] }),
      });
      if (res.status !== 200) throw new Error(`push ${entity}: ${res.status} ${await res.text()}`);
    },
    async stop() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A console page (its own browser context: its own session) signed in as `who`. */
export async function signedIn(
  browser: Browser,
  hub: RunningHub,
  who: { username: string; password: string },
  lang?: string,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(`${hub.url}/agent${lang ? `?lang=${lang}` : ''}`);
  await signIn(page, who);
  await page.getByRole('tab', { name: /.+/ }).first().waitFor();
  await page.getByTestId('tickets-tab').waitFor({ state: 'visible' });
  return page;
}

export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByTestId('agent-username').fill(who.username);
  await page.getByTestId('agent-password').fill(who.password);
  await page.getByTestId('agent-login').click();
}

/** Numbered full-page screenshots in `dir`, emptied first (a rerun leaves no stale pictures). */
export function pageShooter(dir: string): (page: Page, name: string) => Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page, name) => {
    step += 1;
    await page.screenshot({
      path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
}
