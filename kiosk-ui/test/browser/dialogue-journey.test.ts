// The kiosk's dialogue on the real branch, in both languages, as a customer types it: a question the
// kiosk cannot place on one path gets a clarifying question with the choices as buttons, and a tap on
// one answers that path; a follow-up ("那周六呢", "and for foreign cards?") stays on the last topic.
// Screenshots under test-output/dialogue/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import { startVisit } from './support/handoff-pages.ts';
import { askKiosk, kioskReady } from './support/kiosk-ask.ts';
import { shooter } from './support/kiosk-page.ts';

const shot = shooter(join(repoRoot, 'test-output', 'dialogue'));

let branch: RunningBranch;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  branch = await startBranch();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await branch?.stop();
});

const ready = (): Promise<void> => kioskReady(page);
const ask = (text: string): Promise<void> => askKiosk(page, text);

const answerText = async (): Promise<string> =>
  (await page.locator('[data-role="answer-text"]').textContent()) ?? '';
const title = async (): Promise<string> => (await page.getByTestId('answer-title').textContent()) ?? '';
const choices = (): Promise<string[]> => page.getByTestId('answer-choice').allTextContents();

describe.each([
  {
    lang: 'en' as const,
    vague: 'my card is gone',
    offered: ['Lost or stolen', 'Kept by a machine'],
    pick: 'Kept by a machine',
    picked: /retained|kept|swallow/i,
    first: 'what fees do you charge',
    followUp: 'and for foreign cards?',
  },
  {
    lang: 'zh' as const,
    vague: '转账额度是多少',
    offered: ['手机银行或网银', '在柜台'],
    pick: '在柜台',
    picked: /转账/,
    first: '你们几点关门',
    followUp: '那周六呢',
  },
])('the kiosk dialogue in $lang', (c) => {
  it('asks which path was meant with the choices as buttons, and answers the one tapped', async () => {
    await startVisit(page, branch.runtime.pages.kiosk, c.lang);
    await ask(c.vague);
    expect(await choices()).toEqual(c.offered);
    await shot(page, `${c.lang}-clarify`);

    await ready();
    await page.getByTestId('answer-choice').filter({ hasText: c.pick }).click();
    await expect.poll(choices).toEqual([]);
    await expect.poll(title).toMatch(c.picked);
    expect(await page.getByTestId('answer-version').textContent()).not.toBe('');
    await shot(page, `${c.lang}-clarify-answered`);
  });

  it('answers a follow-up from the topic before it', async () => {
    await ask(c.first);
    const topic = await title();
    const firstText = await answerText();
    expect(topic).not.toBe('');

    await ask(c.followUp);
    // The same article stays on screen (the avatar says the clause the follow-up asks about).
    expect(await title()).toBe(topic);
    expect(await answerText()).toBe(firstText);
    await shot(page, `${c.lang}-follow-up`);
  });
});
