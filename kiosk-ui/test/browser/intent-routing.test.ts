// A complaint typed on the kiosk reaches the risk queue because of its intent: the words carry no
// routing keyword ("complain", "投诉" ...), so only the understood intent, which the agent adds to the
// handoff request, can send it there. The risk officer's console shows it. Screenshots under
// test-output/intent-routing/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { FAKE_MEDIA_ARGS, launchChromium } from './support/chromium.ts';
import { kioskHandoffState, signInConsole, startEnglishVisit } from './support/handoff-pages.ts';
import { shooter } from './support/kiosk-page.ts';

const shot = shooter(join(repoRoot, 'test-output', 'intent-routing'));

let branch: RunningBranch;
let kioskBrowser: Browser;
let officerBrowser: Browser;
let kiosk: Page;
let officer: Page;

beforeAll(async () => {
  branch = await startBranch();
  // One browser each, as in the branch: a page in the background of a shared browser is throttled.
  [kioskBrowser, officerBrowser] = await Promise.all([launchChromium(FAKE_MEDIA_ARGS), launchChromium()]);
  kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
  officer = await officerBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await kioskBrowser?.close();
  await officerBrowser?.close();
  await branch?.stop();
});

describe('intent routing from the kiosk', () => {
  it('sends a complaint typed on the kiosk to the risk queue', async () => {
    await signInConsole(officer, branch.runtime.pages.agentConsole, 'risk', branch.secrets.agentPassword);
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('question-input').fill('the guy at the desk was so rude to me today');
    await kiosk.getByTestId('ask').click();
    await expect
      .poll(async () => kiosk.getByTestId('answer-title').textContent())
      .toBe('Complaints and feedback');
    expect(await kiosk.getByTestId('answer-version').textContent()).toBe('Version 1');
    await shot(kiosk, 'complaint-answer');

    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent').waitFor({ state: 'visible' });
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.queued');
    await kiosk.getByTestId('handoff-consent-accept').click();

    const row = officer.getByTestId('queue-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('risk');
    await shot(officer, 'risk-queue');
  });
});
