// A call set up in the browser tests (not the benchmark: it waits with vitest's expect.poll).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { framesDecoded } from './handoff-pages.ts';

/**
 * The customer asks for a person and says yes to the call; the agent accepts the next customer; both
 * ends then decode each other's video.
 */
export async function connectCall(kiosk: Page, agent: Page): Promise<void> {
  await kiosk.getByTestId('handoff').click();
  await kiosk.getByTestId('handoff-consent-accept').click();
  await agent.getByTestId('queue-row').waitFor();
  await agent.getByTestId('call-accept').click();
  for (const [page, video] of [
    [kiosk, 'handoff-remote-video'],
    [agent, 'agent-remote-video'],
  ] as const)
    await expect.poll(() => framesDecoded(page, video), { timeout: 30_000 }).toBeGreaterThan(0);
}
