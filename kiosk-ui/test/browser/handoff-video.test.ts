// Video handoff end to end on the real branch in a box: two Chromium instances with fake camera and
// microphone, the kiosk page (through its device-agent) and the agent console, signalled through the
// hub on loopback. Both ends decode video (getStats framesDecoded > 0); the agent sees the masked card
// only; a guided step and chat reach the kiosk; the agent drops mid-call and the kiosk goes back in
// line; a second agent takes the call and ends it with notes that become a ticket. Screenshots under
// test-output/handoff/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { repoRoot, type RunningBranch } from './support/branch-process.ts';
import {
  framesDecoded,
  kioskHandoffState,
  signInConsole,
  startCallSetup,
  startEnglishVisit,
  type CallSetup,
} from './support/handoff-pages.ts';
import { shooter } from './support/kiosk-page.ts';
import { PLANTED_PAN, PLANTED_SWIPE } from './support/planted-card.ts';

const shot = shooter(join(repoRoot, 'test-output', 'handoff'));
const en = messages.en;

let setup: CallSetup;
let branch: RunningBranch;
let kioskBrowser: Browser;
let agentBrowser: Browser;
let kiosk: Page;
let agent: Page;

beforeAll(async () => {
  setup = await startCallSetup();
  ({ branch, kioskBrowser, agentBrowser } = setup);
  kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
  agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await setup?.close();
});

/** The kiosk overlay's camera indicator, as the page's diagnostics hook reports it. */
function cameraPill(): Promise<{ state: string; label: string }> {
  return kiosk.evaluate(
    () =>
      (
        globalThis as unknown as {
          __branchKiosk: { overlay(): { camera: { state: string; label: string } } };
        }
      ).__branchKiosk.overlay().camera,
  );
}

describe('video handoff between two browsers', () => {
  it('queues the customer after consent and shows the agent the masked card only', async () => {
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'agent', branch.secrets.agentPassword);
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('card-read').click();
    const sim = await kioskBrowser.newPage();
    await sim.goto(branch.runtime.pages.sim);
    await sim.getByTestId('sim-raw-input').fill(PLANTED_SWIPE);
    await sim.getByTestId('sim-raw-swipe').click();
    await kiosk.getByTestId('masked-pan').and(kiosk.locator(':visible')).waitFor();
    await sim.close();

    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent').waitFor({ state: 'visible' });
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.queued');
    const consent = await kiosk.getByTestId('handoff-consent').textContent();
    expect(consent).toContain(en['handoff.consent.text']);
    // The branch's hub records no calls by default: the card says so and claims no recording.
    expect(consent).toContain(en['handoff.consent.notRecorded']);
    expect(consent).not.toContain(en['handoff.consent.recorded']);
    await shot(kiosk, 'kiosk-consent');
    await kiosk.getByTestId('handoff-consent-accept').click();
    expect(await kiosk.getByTestId('handoff-recording').isVisible()).toBe(false);

    await agent.getByTestId('queue-row').waitFor();
    await shot(agent, 'console-queue');
    await agent.getByTestId('call-accept').click();
    const customer = agent.getByTestId('call-customer');
    await customer.waitFor();
    expect(await customer.textContent()).toMatch(/622848\*+9080/);
    expect(await agent.content()).not.toContain(PLANTED_PAN);
  });

  it('decodes video at both ends', async () => {
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.connected');
    await expect
      .poll(() => framesDecoded(kiosk, 'handoff-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // Real getStats from each peer connection, read again after a moment: the count keeps growing.
    const first = await framesDecoded(kiosk, 'handoff-remote-video');
    await expect.poll(() => framesDecoded(kiosk, 'handoff-remote-video')).toBeGreaterThan(first);
    await shot(kiosk, 'kiosk-in-call');
    await shot(agent, 'console-in-call');
  });

  it('pushes a guided step and chat onto the kiosk', async () => {
    await agent.getByTestId('guide-title').fill('Insert your card');
    await agent.getByTestId('guide-input').fill('Chip first, into the slot below the screen.');
    await agent.getByTestId('guide-send').click();
    await agent.getByTestId('guide-highlight').click();
    const guide = kiosk.getByTestId('handoff-guide');
    await guide.waitFor({ state: 'visible' });
    expect(await guide.textContent()).toContain('Chip first, into the slot below the screen.');
    await kiosk.getByTestId('handoff-highlight').waitFor({ state: 'visible' });
    await agent.getByTestId('call-chat-input').fill('Can you see me?');
    await agent.getByTestId('call-chat-send').click();
    await expect.poll(() => kiosk.getByTestId('handoff-chat-log').textContent()).toContain('Can you see me?');
    await kiosk.getByTestId('handoff-chat-input').fill('Yes, clearly');
    await kiosk.getByTestId('handoff-chat-send').click();
    await expect.poll(() => agent.getByTestId('call-chat-log').textContent()).toContain('Yes, clearly');
    await shot(kiosk, 'kiosk-guided-step');
  });

  it('puts the customer back in line when the agent drops, and the next agent takes the call', async () => {
    await agent.close();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.requeued');
    expect(await kiosk.getByTestId('handoff-state').textContent()).toContain('number 1');
    await shot(kiosk, 'kiosk-requeued');

    agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'supervisor', branch.secrets.agentPassword);
    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => framesDecoded(kiosk, 'handoff-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('ends with notes that become a ticket', async () => {
    await agent.getByTestId('call-notes').fill('Customer asked about a retained card; advised the counter.');
    await agent.getByTestId('call-resolved').check();
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
    const ticket = agent.getByTestId('ticket-row').first();
    await ticket.waitFor();
    expect(await ticket.textContent()).toMatch(/^handoff-\w+ · Resolved · Video call \(agent\)/);
    await shot(agent, 'console-ticket');
    await kiosk.getByTestId('handoff-panel').waitFor({ state: 'detached' });
  });

  it('falls back to text chat when the kiosk has no camera or microphone', async () => {
    kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    // Every getUserMedia fails here, as on a kiosk whose camera and microphone are gone.
    await kiosk.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('gone', 'NotFoundError'));
    });
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent-accept').click();
    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.textOnly');
    await expect
      .poll(() => agent.getByTestId('call-status').textContent())
      .toBe(en['agent.call.media'].replace('{mode}', 'text'));
    // The customer still sees and hears the agent: only the kiosk's own media is missing.
    await expect
      .poll(() => framesDecoded(kiosk, 'handoff-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await kiosk.getByTestId('handoff-chat-input').fill('My microphone does not work');
    await kiosk.getByTestId('handoff-chat-send').click();
    await expect
      .poll(() => agent.getByTestId('call-chat-log').textContent())
      .toContain('My microphone does not work');
    await shot(kiosk, 'kiosk-text-fallback');
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
  }, 90_000);

  it('connects while the customer reads the consent card, and sends the camera only after yes', async () => {
    kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    // Counts camera opens: none may happen before the customer says yes.
    await kiosk.addInitScript(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      const w = globalThis as unknown as { cameraOpens: number };
      w.cameraOpens = 0;
      navigator.mediaDevices.getUserMedia = (c) => {
        w.cameraOpens += 1;
        return open(c);
      };
    });
    const cameraOpens = () =>
      kiosk.evaluate(() => (globalThis as unknown as { cameraOpens: number }).cameraOpens);
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent').waitFor({ state: 'visible' });
    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    // Connected and the agent's video decoding on the kiosk, the consent card still up, no camera open.
    await expect
      .poll(() => framesDecoded(kiosk, 'handoff-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await kiosk.getByTestId('handoff-consent').isVisible()).toBe(true);
    expect(await cameraOpens()).toBe(0);
    // Out of sight and silent until the yes: the colleague is "ready", not yet talking.
    expect(await kioskHandoffState(kiosk)).toBe('handoff.ready');
    expect(await kiosk.getByTestId('handoff-remote-video').isVisible()).toBe(false);
    expect(
      await kiosk.getByTestId('handoff-remote-video').evaluate((v) => (v as HTMLVideoElement).muted),
    ).toBe(true);
    expect(await framesDecoded(agent, 'agent-remote-video')).toBe(0);
    expect((await cameraPill()).state).not.toBe('call');
    await shot(kiosk, 'kiosk-connected-before-consent');
    await kiosk.getByTestId('handoff-consent-accept').click();
    // The camera goes into the live call (replaceTrack): the agent decodes the customer at once.
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await cameraOpens()).toBe(1);
    expect(await kioskHandoffState(kiosk)).toBe('handoff.connected');
    expect(await kiosk.getByTestId('handoff-remote-video').isVisible()).toBe(true);
    // The camera indicator tells the truth: on, for the call (not "waiting for your answer").
    await expect.poll(cameraPill).toEqual({ state: 'call', label: en['camera.call'] });
    await shot(kiosk, 'kiosk-call-after-consent');
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
    await expect.poll(async () => (await cameraPill()).state).not.toBe('call');
  }, 90_000);
});
