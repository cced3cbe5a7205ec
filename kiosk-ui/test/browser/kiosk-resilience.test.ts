// The kiosk on the real branch when things go wrong: the customer walks away (idle warning 20 s before
// the wipe, then nothing of them left), and the agent process dies and comes back (the page says "one
// moment", reconnects by itself and serves the next customer). Screenshots under test-output/resilience/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type BranchRuntime, type RunningBranch } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import { findLeftovers, shooter, waitConnected, type KioskHook } from './support/kiosk-page.ts';

let branch: RunningBranch;
let browser: Browser;
const shot = shooter(join(repoRoot, 'test-output', 'resilience'));
const en = messages.en;

beforeAll(async () => {
  branch = await startBranch();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await branch?.stop();
});

describe('kiosk resilience', () => {
  it('warns 20 s before the idle timeout, then wipes the visit', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // A 22 s timeout: the warning comes after 2 s and counts down the last 20. The page's clock runs
    // in real time until the warning shows, then jumps the 20 s of the countdown (Playwright's clock:
    // the page's timers, Date and performance; the branch's processes keep real time).
    await page.clock.install();
    await page.goto(`${branch.runtime.pages.kiosk}?idleMs=22000`);
    await waitConnected(page);
    await page.getByTestId('start').click();
    await page.getByTestId('lang-en').click();
    const question = 'Where can I change my phone number?';
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('ask').click();
    await page.getByTestId('answer').waitFor();
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor({ state: 'visible', timeout: 10_000 });
    const countdown = (await page.getByTestId('idle-countdown').textContent()) ?? '';
    const seconds = Number(/(\d+)/.exec(countdown)?.[1]);
    expect(seconds).toBeGreaterThan(15);
    expect(seconds).toBeLessThanOrEqual(20);
    expect(countdown).toBe(en['idle.body'].replace('{seconds}', String(seconds)));
    await shot(page, 'idle-warning');
    await page.clock.fastForward(seconds * 1000);
    await page.getByTestId('start').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await warning.isVisible()).toBe(false);
    const left = await findLeftovers(page, [question, 'phone number']);
    expect(left).toEqual({ dom: [], state: [], localStorage: 0, sessionStorage: 0, indexedDb: [] });
    await shot(page, 'idle-wiped');
    await page.close();
  }, 60_000);

  it('says "one moment" while the agent is down and reconnects when it is back', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(branch.runtime.pages.kiosk);
    await waitConnected(page);
    await page.getByTestId('start').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('service-hours').waitFor();

    // Kill the agent the hard way; the branch launcher then stops the rest. Restart on the same port.
    const runtime = JSON.parse(readFileSync(join(branch.dataDir, 'runtime.json'), 'utf8')) as BranchRuntime;
    const agentPort = Number(new URL(runtime.agent.url).port);
    process.kill(runtime.agent.pid, 'SIGKILL');
    const status = page.getByTestId('connection-status');
    await expect
      .poll(async () => status.getAttribute('data-state'), { timeout: 15_000 })
      .not.toBe('connected');
    expect(await status.textContent()).toContain(en['connection.waiting']);
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.overlay().caption))
      .toBe(en['connection.lost.speech']);
    await shot(page, 'agent-down');
    await branch.stop();

    branch = await startBranch(branch.dataDir, { agent: agentPort });
    await waitConnected(page);
    // The old session died with the agent: the page is back at the start, ready for the next customer.
    await page.getByTestId('start').waitFor({ state: 'visible' });
    await page.getByTestId('start').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('service-hours').click();
    await expect
      .poll(async () => page.getByTestId('answer-title').textContent())
      .toBe('Branch opening hours');
    await shot(page, 'agent-back');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
