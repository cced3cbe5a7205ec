// The whole customer journey in both languages against the real branch (hub, simulator on a pty, agent):
// attract -> greeting -> language -> common service -> typed question -> card -> talk to a person ->
// wrap-up and rating -> wipe. English runs in portrait (1080x1920), Chinese in landscape (1920x1080).
// Screenshots of each step go to test-output/journey-en/ and test-output/journey-zh/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, t, type Locale } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import { hubConversation } from './support/hub-conversation.ts';
import {
  findLeftovers,
  plantInStorage,
  shooter,
  smallTouchTargets,
  waitConnected,
  type KioskHook,
} from './support/kiosk-page.ts';
import { distinctColours } from './support/pixels.ts';
import { PLANTED_PAN, PLANTED_SWIPE } from './support/planted-card.ts';
import { kioskReady } from './support/kiosk-ask.ts';

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
  await sim.getByTestId('sim-raw-input').fill(PLANTED_SWIPE);
  await sim.getByTestId('sim-raw-swipe').click();
  await page.getByTestId('masked-pan').and(page.locator(':visible')).waitFor();
  await sim.close();
}

const caption = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.overlay().caption);

describe.each(CASES)('the customer journey in $locale', ({ locale, dir, viewport, question }) => {
  const m = messages[locale];

  // Every step in one test, now with the handoff consent: more than the default 60 s on a busy machine.
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

    // The customer touches the screen while the avatar still reads the answer out: it stops and listens.
    await kioskReady(page);
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('ask').click();
    await expect
      .poll(async () => page.getByTestId('answer-title').textContent())
      .toBe(locale === 'en' ? 'Foreign currency exchange' : '外币兑换');
    await shot(page, 'answer-typed');

    await page.mouse.click(4, 4);
    await page.getByTestId('service-wealth').click();
    await expect
      .poll(async () => (await page.getByTestId('answer-title').textContent()) ?? '')
      .toContain('R3');
    // No card yet: the product's level and the disclosure, and "rating not available" instead of a guess.
    await expect
      .poll(async () => page.getByTestId('risk-result').getAttribute('data-kind'))
      .toBe('ratingUnknown');
    expect(await page.getByTestId('risk-disclosure').isVisible()).toBe(true);
    expect(await page.getByTestId('risk-disclosure').textContent()).toBe(m['risk.disclosure']);
    await shot(page, 'answer-wealth');

    await page.getByTestId('card-read').click();
    await swipe(page);
    // A card the simulated profile source does not know leaves the rating unknown.
    expect(await page.getByTestId('risk-result').getAttribute('data-kind')).toBe('ratingUnknown');
    const masked = (await page.getByTestId('masked-pan').textContent()) ?? '';
    expect(masked).toMatch(/^622848\*+9080$/);
    expect(await page.content()).not.toContain(PLANTED_PAN);
    await shot(page, 'card');

    // "Talk to a person": the hub queues the customer (no agent signed in here) and the page asks
    // for consent; declining leaves the queue and returns to the journey (handoff-video.test.ts
    // covers the call itself).
    await page.getByTestId('handoff').click();
    await expect
      .poll(async () => page.getByTestId('handoff-status').textContent())
      .toBe(m['handoff.waiting']);
    await expect
      .poll(() => page.getByTestId('handoff-state').getAttribute('data-state'))
      .toBe('handoff.queued');
    expect(await page.getByTestId('handoff-consent').textContent()).toContain(m['handoff.consent.text']);
    await shot(page, 'handoff-consent');
    await page.getByTestId('handoff-consent-decline').click();
    await page.getByTestId('handoff-panel').waitFor({ state: 'detached' });

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
  }, 120_000);
});

/** Swipes a predefined test card on the simulation panel; done when the kiosk shows its last digits. */
async function swipeTestCard(page: Page, cardId: string, last4: string): Promise<void> {
  const sim = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await sim.goto(branch.runtime.pages.sim);
  await sim.getByTestId(`sim-card-${cardId}`).click();
  await expect
    .poll(async () => page.getByTestId('masked-pan').textContent())
    .toMatch(new RegExp(`${last4}$`));
  await sim.close();
}

describe('a wealth question from a card holder, and the rating', () => {
  it('warns a low-rated card holder with the disclosure, and the rating reaches the hub', async () => {
    const m = messages.en;
    const shot = shooter(join(repoRoot, 'test-output', 'journey-risk'));
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(branch.runtime.pages.kiosk);
    await waitConnected(page);
    await page.getByTestId('start').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('service-hours').waitFor();

    // The UnionPay test card's holder is rated C2, below the R3 product.
    await page.getByTestId('card-read').click();
    await swipeTestCard(page, 'unionpay-debit', '1265');
    expect(await page.getByTestId('card-status').textContent()).toBe(m['card.identified']);
    await page.getByTestId('service-wealth').click();
    const result = page.getByTestId('risk-result');
    await expect.poll(async () => result.getAttribute('data-kind')).toBe('unsuitable');
    expect(await result.textContent()).toBe(t('en', 'risk.unsuitable', { level: 'R3', rating: 'C2' }));
    expect(await page.getByTestId('risk-disclosure').isVisible()).toBe(true);
    expect(await page.getByTestId('risk-disclosure').textContent()).toBe(m['risk.disclosure']);
    await page.getByTestId('risk-note').scrollIntoViewIfNeeded();
    await shot(page, 'unsuitable');

    // Another card with the answer still on screen: checked again against the new holder's C4.
    await page.getByTestId('card-read').click();
    await swipeTestCard(page, 'visa-classic', '1111');
    await expect.poll(async () => result.getAttribute('data-kind')).toBe('suitable');
    expect(await result.textContent()).toBe(t('en', 'risk.suitable', { level: 'R3', rating: 'C4' }));
    await page.getByTestId('risk-note').scrollIntoViewIfNeeded();
    await shot(page, 'suitable');

    const state = await page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.state());
    const sessionId = state.visit.sessionId as string;
    expect(sessionId).toMatch(/^[0-9A-Z]{26}$/);
    await page.getByTestId('end-session').click();
    await page.getByTestId('wrapup').waitFor();
    await page.getByTestId('rating-4').click();
    await page.getByTestId('start').waitFor({ state: 'visible', timeout: 15_000 });
    await expect
      .poll(async () => hubConversation(branch, sessionId), { timeout: 10_000 })
      .toMatchObject({ rating: 4, endedAt: expect.any(String) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
