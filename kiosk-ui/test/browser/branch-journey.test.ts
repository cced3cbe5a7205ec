// The first journey of the branch in a box, end to end on real parts: the real hub on SQLite, the
// firmware simulator on a pty, the device-agent, and the pages in Debian's Chromium. Screenshots of each
// step go to test-output/journey/.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { openAgentConsole } from './support/agent-console.ts';
import { launchChromium } from './support/chromium.ts';
import { distinctColours } from './support/pixels.ts';
import { PLANTED_PAN, PLANTED_SWIPE } from './support/planted-card.ts';
import { t } from '../../src/i18n/index.ts';

const shots = join(repoRoot, 'test-output', 'journey');

let branch: RunningBranch;
let browser: Browser;
let kiosk: Page;
let sim: Page;
const wsFrames: string[] = [];
let step = 0;

async function shot(page: Page, name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, '0')}-${name}.png`) });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  branch = await startBranch();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  kiosk = await context.newPage();
  kiosk.on('websocket', (ws) => {
    ws.on('framesent', (f) => wsFrames.push(String(f.payload)));
    ws.on('framereceived', (f) => wsFrames.push(String(f.payload)));
  });
  sim = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await branch?.stop();
});

describe('the branch in a box', () => {
  it('greets the customer with a rendered three.js avatar', async () => {
    await kiosk.goto(branch.runtime.pages.kiosk);
    await kiosk.getByTestId('connection-status').and(kiosk.locator('[data-state="connected"]')).waitFor();
    const canvas = kiosk.getByTestId('avatar').locator('canvas').first();
    await canvas.waitFor();
    await kiosk.waitForTimeout(500);
    expect(await distinctColours(kiosk, await canvas.screenshot())).toBeGreaterThan(50);
    await shot(kiosk, 'kiosk-attract');

    // A customer walks up: the front sensor (the sim panel's virtual line) makes the avatar greet them
    // and the invitation stand out, but no session starts until they touch the screen.
    await sim.goto(branch.runtime.pages.sim);
    await sim.getByTestId('sim-customer').click();
    await expect.poll(() => sim.getByTestId('sim-customer').getAttribute('aria-pressed')).toBe('true');
    await shot(sim, 'sim-customer');
    const attract = kiosk.getByTestId('attract-screen');
    await expect.poll(() => attract.getAttribute('class')).toContain('customer-present');
    const greetings = [t('zh-CN', 'attract.greet'), t('en', 'attract.greet')];
    await expect
      .poll(async () => greetings.includes((await kiosk.getByTestId('caption').textContent()) ?? ''))
      .toBe(true);
    expect(await attract.isVisible()).toBe(true);
    expect(await kiosk.getByTestId('attract-invite').isVisible()).toBe(true);
    expect(
      wsFrames.some((f) => f.includes('"Session.PresenceChanged"') && f.includes('"present":true')),
    ).toBe(true);
    expect(wsFrames.some((f) => f.includes('"Session.Start"'))).toBe(false);
    await shot(kiosk, 'kiosk-customer-greeted');

    await kiosk.getByTestId('start').click();
    await kiosk.getByTestId('lang-en').click();
    await expect.poll(async () => (await kiosk.getByTestId('caption').textContent()) ?? '').not.toBe('');
    await shot(kiosk, 'kiosk-greeting');
  });

  it('shows only the masked number after a swipe on the simulation panel', async () => {
    await kiosk.getByTestId('card-read').click();
    await sim.goto(branch.runtime.pages.sim);
    await sim.getByTestId('sim-raw-input').fill(PLANTED_SWIPE);
    await sim.getByTestId('sim-raw-swipe').click();
    await shot(sim, 'sim-swipe');
    const masked = kiosk.getByTestId('masked-pan');
    await masked.waitFor();
    expect(await masked.textContent()).toMatch(/622848\*+9080/);
    expect(await kiosk.content()).not.toContain(PLANTED_PAN);
    await shot(kiosk, 'kiosk-masked-card');
  });

  it('answers a typed question from the knowledge base', async () => {
    await kiosk.getByTestId('question-input').fill('What are your opening hours?');
    await kiosk.getByTestId('ask').click();
    const answer = kiosk.getByTestId('answer');
    await answer.waitFor();
    expect((await kiosk.getByTestId('answer-title').textContent())?.length).toBeGreaterThan(0);
    expect((await kiosk.getByTestId('answer-effective').textContent())?.length).toBeGreaterThan(0);
    // Nothing has stopped the branch yet: the kiosk must still be in service.
    expect(await kiosk.getByTestId('service-unavailable').count()).toBe(0);
    await shot(kiosk, 'kiosk-answer');
  });

  it('lists the synced conversation in the remote-agent console', async () => {
    const consolePage = await openAgentConsole(browser, branch);
    const row = consolePage.getByTestId('conversation-row').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('622848');
    await row.click();
    await expect
      .poll(async () => (await consolePage.getByTestId('conversation-detail').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('opening hours');
    expect(await consolePage.content()).not.toContain(PLANTED_PAN);
    await shot(consolePage, 'agent-console');
    await consolePage.close();
  });

  it('halts the arm and shows the service unavailable when e-stop is pressed', async () => {
    await sim.getByTestId('sim-estop').click();
    await kiosk.getByTestId('service-unavailable').waitFor({ state: 'visible' });
    await expect
      .poll(async () => (await sim.getByTestId('sim-safety-state').textContent()) ?? '')
      .toContain('ESTOP');
    const control = branch.runtime.simulator?.control;
    expect(control).toBeDefined();
    const state = (await (await fetch(`${control}/state`)).json()) as { halts: { count: number } };
    expect(state.halts.count).toBeGreaterThan(0);
    await shot(sim, 'sim-estop');
    await shot(kiosk, 'kiosk-unavailable');
  });

  it('stops cleanly on Ctrl-C and never lets the planted PAN out', async () => {
    expect(await branch.stop()).toBe(0);
    expect(wsFrames.length).toBeGreaterThan(0);
    expect(wsFrames.join('\n')).not.toContain(PLANTED_PAN);
    expect(branch.output()).not.toContain(PLANTED_PAN);
    const stored = filesUnder(branch.dataDir).filter((f) => !f.endsWith('secrets.json'));
    expect(stored.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of stored) expect(readFileSync(file).includes(PLANTED_PAN), file).toBe(false);
  });

  it('finds its data again on a second start', async () => {
    branch = await startBranch(branch.dataDir);
    const login = await fetch(`${branch.runtime.hub.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: branch.secrets.agentPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    const list = await fetch(`${branch.runtime.hub.url}/api/agent/conversations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { conversations } = (await list.json()) as { conversations: { maskedPan?: string }[] };
    expect(conversations.length).toBeGreaterThan(0);
    expect(conversations.some((c) => c.maskedPan?.endsWith('9080'))).toBe(true);
  });
});
