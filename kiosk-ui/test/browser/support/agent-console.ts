// The remote-agent console of a running branch, signed in as the supervisor (plain agents see only the
// conversations of their own calls).
import type { Browser, Page } from 'playwright-core';
import type { RunningBranch } from './branch-process.ts';

export async function openAgentConsole(browser: Browser, branch: RunningBranch): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(branch.runtime.pages.agentConsole);
  await page.getByTestId('agent-username').fill('supervisor');
  await page.getByTestId('agent-password').fill(branch.secrets.agentPassword);
  await page.getByTestId('agent-login').click();
  return page;
}
