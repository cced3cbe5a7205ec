// The whole customer journey in both languages against the real branch (hub, simulator on a pty, agent):
// attract -> greeting -> language -> common service -> typed question -> card -> talk to a person ->
// wrap-up and rating -> wipe. English runs in portrait (1080x1920), Chinese in landscape (1920x1080).
// Screenshots of each step go to test-output/journey-en/ and test-output/journey-zh/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, type Locale } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import {
  findLeftovers,
  plantInStorage,
  shooter,
  smallTouchTargets,
  waitConnected,
  type KioskHook,
} from './support/kiosk-page.ts';
import { distinctColours } from './support/pixels.ts';

const PAN = '6228480044712359080';
const RAW_SWIPE = `%B${PAN}^WANG/XIAOMING^3012101000000123456?;${PAN}=30121010000001234567?`;

let branch: RunningBranch;
let browser: Browser;

beforeAll(async () => {
  branch = await startBranch();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await branch?.stop();
});

const CASES: {
  locale: Locale;
  dir: string;
  viewport: { width: number; height: number };
  question: string;
}[] = [
  {
    locale: 'en',
    dir: 'journey-en',
    viewport: { width: 1080, height: 1920 },
    question: 'How do I exchange foreign currency?',
  },
  {
    locale: 'zh-CN',
    dir: 'journey-zh',
    viewport: { width: 1920, height: 1080 },
    question: '外币兑换需要带什么？',
  },
];

async function swipe(page: Page): Promise<void> {
  const sim = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await sim.goto(branch.runtime.pages.sim);
  await sim.getByTestId('sim-raw-input').fill(RAW_SWIPE);
  await sim.getByTestId('sim-raw-swipe').click();
  await page.getByTestId('masked-pan').and(page.locator(':visible')).waitFor();
  await sim.close();
}

const caption = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.overlay().caption);

describe.each(CASES)('the customer journey in $locale', ({ locale, dir, viewport, question }) => {
  const m = messages[locale];

  it('walks every step and leaves nothing behind', async () => {
    const shot = shooter(join(repoRoot, 'test-output', dir));
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(branch.runtime.pages.kiosk);
    await waitConnected(page);
    const canvas = page.getByTestId('avatar').locator('canvas').first();
    await page.waitForTimeout(500);
    expect(await distinctColours(page, await canvas.screenshot())).toBeGreaterThan(50);
    expect(await smallTouchTargets(page)).toEqual([]);
    await shot(page, 'attract');

    await page.getByTestId('start').click();
    await expect.poll(() => caption(page)).toBe(messages['zh-CN']['greeting.speech']);
    await shot(page, 'greeting-language');

    await page.getByTestId(locale === 'en' ? 'lang-en' : 'lang-zh').click();
    await page.getByTestId('service-hours').waitFor();
    await expect.poll(() => caption(page)).toBe(m['main.speech']);
    expect(await page.getByTestId('service-hours').textContent()).toBe(m['service.hours.label']);
    expect(await smallTouchTargets(page)).toEqual([]);
    await shot(page, 'services');

    await page.getByTestId('service-hours').click();
    await expect
      .poll(async () => page.getByTestId('answer-title').textContent())
      .toBe(locale === 'en' ? 'Branch opening hours' : '网点营业时间');
    expect(await page.getByTestId('answer-effective').textContent()).toBe(
      m['answer.effective'].replace('{date}', '2026-01-01'),
    );
    await shot(page, 'answer-service');

    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('ask').click();
    await expect
      .poll(async () => page.getByTestId('answer-title').textContent())
      .toBe(locale === 'en' ? 'Foreign currency exchange' : '外币兑换');
    await shot(page, 'answer-typed');

    await page.getByTestId('service-wealth').click();
    await expect
      .poll(async () => (await page.getByTestId('answer-title').textContent()) ?? '')
      .toContain('R3');
    await shot(page, 'answer-wealth');

    await page.getByTestId('card-read').click();
    await swipe(page);
    const masked = (await page.getByTestId('masked-pan').textContent()) ?? '';
    expect(masked).toMatch(/^622848\*+9080$/);
    expect(await page.content()).not.toContain(PAN);
    await shot(page, 'card');

    await page.getByTestId('handoff').click();
    await expect
      .poll(async () => page.getByTestId('handoff-status').textContent())
      .toBe(m['handoff.unavailable']);
    await expect.poll(() => caption(page)).toBe(m['handoff.unavailable']);
    await shot(page, 'handoff-not-available');

    // A careless library keeps the question in the browser's stores; the wipe must clear them too.
    await plantInStorage(page, question);
    await page.getByTestId('end-session').click();
    await page.getByTestId('wrapup').waitFor();
    await expect.poll(() => caption(page)).toBe(m['wrapup.speech']);
    await shot(page, 'wrapup');
    await page.getByTestId('rating-4').click();
    await expect.poll(async () => page.getByTestId('wrapup-thanks').textContent()).toBe(m['wrapup.thanks']);
    await shot(page, 'rated');

    await page.getByTestId('start').waitFor({ state: 'visible', timeout: 15_000 });
    await expect
      .poll(async () => (await findLeftovers(page, [question, masked, '9080'])).indexedDb)
      .toEqual([]);
    const left = await findLeftovers(page, [question, masked, '9080', m['service.hours.question']]);
    expect(left).toEqual({ dom: [], state: [], localStorage: 0, sessionStorage: 0, indexedDb: [] });
    const state = await page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.state());
    expect(state.screen).toBe('attract');
    expect(state.visit).toMatchObject({
      locale: null,
      sessionId: null,
      maskedPan: null,
      questions: [],
      rating: null,
    });
    await shot(page, 'wiped');
    expect(errors).toEqual([]);
    await page.close();
  });
});
