// Driving a handoff in the browser tests and the first-frame benchmark: the kiosk asks for a person,
// the console signs in and accepts, and both remote videos are watched for decoded frames (the
// counts come from RTCPeerConnection.getStats, see kiosk-ui/src/handoff/rtc-call.ts).
import type { Browser, Page } from 'playwright-core';
import { startBranch, type RunningBranch } from './branch-process.ts';
import { FAKE_MEDIA_ARGS, launchChromium } from './chromium.ts';
import { waitConnected } from './kiosk-page.ts';

export async function signInConsole(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('agent-username').fill(username);
  await page.getByTestId('agent-password').fill(password);
  await page.getByTestId('agent-login').click();
  await page.getByTestId('calls-tab').click();
  await page.getByTestId('calls-view').waitFor({ state: 'visible' });
}

/** From the attract screen to an English session on the services screen. */
export async function startEnglishVisit(page: Page, url: string): Promise<void> {
  await startVisit(page, url, 'en');
}

/** Opens the kiosk, touches start, picks the language and waits until the visit is under way. */
export async function startVisit(page: Page, url: string, lang: 'en' | 'zh'): Promise<void> {
  await page.goto(url);
  await waitConnected(page);
  await page.getByTestId('start').click();
  await page.getByTestId(`lang-${lang}`).click();
  await page.getByTestId('handoff').and(page.locator(':enabled')).waitFor();
}

/** Decoded frames of the remote video on this page (0 before the call). */
export async function framesDecoded(page: Page, testid: string): Promise<number> {
  return Number((await page.getByTestId(testid).getAttribute('data-frames-decoded')) ?? 0);
}

/** The kiosk's handoff state key (data-state of the status line), e.g. 'handoff.queued'. */
export async function kioskHandoffState(page: Page): Promise<string | null> {
  return page.getByTestId('handoff-state').getAttribute('data-state');
}

/** The real branch and one fake-media Chromium each for the kiosk and the agent, as in a branch. */
export interface CallSetup {
  branch: RunningBranch;
  kioskBrowser: Browser;
  agentBrowser: Browser;
  close(): Promise<void>;
}

export async function startCallSetup(env: Record<string, string> = {}): Promise<CallSetup> {
  const branch = await startBranch(undefined, {}, 'launcher', env);
  // One browser each: a page in the background of a shared browser is throttled.
  const [kioskBrowser, agentBrowser] = await Promise.all([
    launchChromium(FAKE_MEDIA_ARGS),
    launchChromium(FAKE_MEDIA_ARGS),
  ]);
  return {
    branch,
    kioskBrowser,
    agentBrowser,
    close: async () => {
      await kioskBrowser.close();
      await agentBrowser.close();
      await branch.stop();
    },
  };
}
