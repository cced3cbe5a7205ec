// A video handoff through coturn only: the branch started with turn.enabled and turn.relayOnly, so
// the hub gives each party a short-lived TURN credential and iceTransportPolicy 'relay'. Both ends
// decode video, and each end's selected ICE route is the TURN relay (getStats' local candidate type).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/branch-process.ts';
import {
  framesDecoded,
  kioskHandoffState,
  signInConsole,
  startCallSetup,
  startEnglishVisit,
  type CallSetup,
} from './support/handoff-pages.ts';
import { relayOnlyEnv } from './support/free-port.ts';
import { shooter } from './support/kiosk-page.ts';

const shot = shooter(join(repoRoot, 'test-output', 'handoff'));

const route = (page: Page, testid: string) => page.getByTestId(testid).getAttribute('data-route');

let setup: CallSetup;

beforeAll(async () => {
  setup = await startCallSetup(await relayOnlyEnv());
}, 120_000);

afterAll(async () => {
  await setup?.close();
});

describe('a video handoff relayed by the TURN server', () => {
  it('decodes video at both ends with every packet through coturn', async () => {
    const { branch, kioskBrowser, agentBrowser } = setup;
    expect(branch.runtime.turn).toMatch(/^turn:127\.0\.0\.1:\d+\?transport=udp$/);
    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'agent', branch.secrets.agentPassword);
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent-accept').click();
    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.connected');
    await expect
      .poll(() => framesDecoded(kiosk, 'handoff-remote-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await route(kiosk, 'handoff-remote-video')).toBe('relay');
    expect(await route(agent, 'agent-remote-video')).toBe('relay');
    await shot(kiosk, 'kiosk-relayed-call');
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
  }, 90_000);
});
