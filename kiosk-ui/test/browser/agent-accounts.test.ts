// Issue 18, accounts in Chromium against a real hub (SQLite) serving the built console: a supervisor
// creates an account with a role, skills and its own password; the person signs in with it; the
// supervisor resets the password (their session ends, the old one stops working) and disables the
// account (the session ends and sign-in is refused); every change is in the Audit tab. Screenshots under
// test-output/accounts/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import { SUPERVISOR, pageShooter, signIn, signedIn, startDeskHub, type DeskHub } from './support/desk-hub.ts';

const shot = pageShooter(join(repoRoot, 'test-output', 'accounts'));
const NEW = { username: 'zhao.lei', password: 'zhao lei first 10', displayName: 'Zhao Lei' };
const RESET = 'handed over 2026';
let desk: DeskHub;
let browser: Browser;

beforeAll(async () => {
  desk = await startDeskHub();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

const rowOf = (page: Page, username: string) =>
  page.locator(`[data-testid="account-row"][data-username="${username}"]`);
const loginError = async (page: Page) => {
  await page.getByTestId('agent-error').waitFor({ state: 'visible' });
  return (await page.getByTestId('agent-error').textContent()) ?? '';
};

describe('agent accounts in the console', () => {
  it('are created, reset and disabled by a supervisor; a disabled account cannot sign in', async () => {
    const sup = await signedIn(browser, desk.hub, SUPERVISOR);
    await sup.getByTestId('accounts-tab').click();
    await sup.getByTestId('accounts-manage').waitFor();
    await sup.getByTestId('new-account-username').fill(NEW.username);
    await sup.getByTestId('new-account-name').fill(NEW.displayName);
    await sup.getByTestId('new-account-role').selectOption('expert');
    await sup.getByTestId('new-account-skill-agent').uncheck();
    await sup.getByTestId('new-account-skill-expert').check();
    await sup.getByTestId('new-account-skill-zh-CN').check();
    await sup.getByTestId('new-account-password').fill(NEW.password);
    await sup.getByTestId('new-account-submit').click();
    await rowOf(sup, NEW.username).waitFor();
    expect(await sup.getByTestId('accounts-result').textContent()).toBe(`${NEW.username} created.`);
    expect(await rowOf(sup, NEW.username).getByTestId('account-role').inputValue()).toBe('expert');
    const skills = rowOf(sup, NEW.username).locator('[data-testid^="account-skill-"]:checked');
    expect(await skills.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'expert',
      'zh-CN',
    ]);
    await shot(sup, 'created');

    // The new person signs in with their own password.
    const zhao = await signedIn(browser, desk.hub, NEW);
    expect(await zhao.locator('[data-role="who"]').textContent()).toBe('Zhao Lei (expert)');

    // A reset: their session ends at once (the console notices on its next poll), the old password stops.
    await rowOf(sup, NEW.username).getByTestId('account-reset-password').fill(RESET);
    await rowOf(sup, NEW.username).getByTestId('account-reset').click();
    await expect
      .poll(() => sup.getByTestId('accounts-result').textContent())
      .toBe(`The password of ${NEW.username} was reset; their sessions ended.`);
    expect(await loginError(zhao)).toBe('Your session has expired. Please sign in again.');
    await signIn(zhao, NEW);
    await expect.poll(() => loginError(zhao)).toMatch(/^Sign-in failed/);
    await signIn(zhao, { username: NEW.username, password: RESET });
    await zhao.getByTestId('tickets-tab').waitFor({ state: 'visible' });
    await shot(zhao, 'signed-in-after-reset');

    // Disabled: the session ends, and sign-in is refused even with the right password.
    await rowOf(sup, NEW.username).getByTestId('account-toggle').click();
    await expect.poll(() => rowOf(sup, NEW.username).getAttribute('data-disabled')).toBe('true');
    expect(await rowOf(sup, NEW.username).getByTestId('account-state').textContent()).toBe('Disabled');
    await shot(sup, 'disabled');
    expect(await loginError(zhao)).toBe('Your session has expired. Please sign in again.');
    await signIn(zhao, { username: NEW.username, password: RESET });
    await expect.poll(() => loginError(zhao)).toMatch(/^Sign-in failed/);
    expect(await zhao.getByTestId('tickets-tab').isVisible()).toBe(false);
    await shot(zhao, 'disabled-cannot-sign-in');
    // A supervisor cannot disable themselves: no such button on their own row.
    expect(await rowOf(sup, SUPERVISOR.username).getByTestId('account-toggle').count()).toBe(0);

    // Every change is in the audit log.
    await sup.getByTestId('audit-tab').click();
    const actions = sup.locator('[data-testid="audit-row"][data-action^="account."]');
    await expect
      .poll(() => actions.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action)))
      .toEqual(['account.disable', 'account.reset', 'account.create']);
    await shot(sup, 'audit');
    for (const p of [sup, zhao]) await p.context().close();
  });
});
