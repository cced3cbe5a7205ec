// Asking the kiosk page a typed question, as a customer does, in the browser tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits until the kiosk takes a question again. It does not while it is still saying the last answer, so
 * the customer touches the screen first, which stops the avatar mid-sentence.
 */
export async function kioskReady(page: Page): Promise<void> {
  await page.mouse.click(4, 4);
  await page.getByTestId('ask').and(page.locator(':enabled')).waitFor();
}

/** Types a question and waits for its answer: the page empties the field when the answer is shown. */
export async function askKiosk(page: Page, text: string): Promise<void> {
  await kioskReady(page);
  await page.getByTestId('question-input').fill(text);
  await page.getByTestId('ask').click();
  await expect.poll(() => page.getByTestId('question-input').inputValue()).toBe('');
}
