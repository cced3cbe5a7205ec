// Emotion cues through the whole kiosk, against the real branch, with Chromium's fake camera playing
// a frowning face (made from a labelled calibration photo with ffmpeg): consent first, the indicator while the camera
// runs, a sustained negative cue makes the avatar offer a person, the camera stops at wrap-up, and the cue
// summary reaches the hub and the agent console. Every request and WebSocket frame the page sends is
// recorded: none may hold image data or landmarks. Declining keeps the journey working without a camera.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACES_MUX_DIR } from '../../bench/emotion-pages.ts';
import { messages } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { openAgentConsole } from './support/agent-console.ts';
import { fakeCameraArgs, launchChromium } from './support/chromium.ts';
import { makeFakeCamera } from './support/fake-camera.ts';
import { hubConsents, hubConversation } from './support/hub-conversation.ts';
import { shooter, waitConnected, type KioskHook } from './support/kiosk-page.ts';
import { findImageData, recordOutgoing, type Outgoing } from './support/outgoing.ts';

const m = messages.en;
let branch: RunningBranch;
let browser: Browser;

beforeAll(async () => {
  const y4m = makeFakeCamera(
    // A calibration-part photo the learned model reads as a confident frown (never a test-part photo).
    [join(FACES_MUX_DIR, 'Tali_Imani_0001.jpg')],
    join(repoRoot, 'test-output', 'emotion', 'frowning.y4m'),
    4,
  );
  branch = await startBranch();
  browser = await launchChromium(fakeCameraArgs(y4m));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await branch?.stop();
});

const hook = (page: Page) => ({
  emotion: () => page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.emotion()),
  overlayCamera: () =>
    page.evaluate(
      () =>
        (globalThis as unknown as KioskHook).__branchKiosk.overlay().camera as {
          state: string;
          label: string;
        },
    ),
  sessionId: () =>
    page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.state().visit.sessionId as string),
});

async function openKiosk(query = ''): Promise<{ page: Page; sent: Outgoing[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  const sent = recordOutgoing(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${branch.runtime.pages.kiosk}${query}`);
  await waitConnected(page);
  await page.getByTestId('start').click();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('service-hours').waitFor();
  return { page, sent, errors };
}

describe('the scan of what the page sends', () => {
  it('finds planted image data and landmarks, and passes a cue summary', () => {
    const frame = (text: string, binaryBytes = 0): Outgoing => ({
      kind: 'ws',
      url: 'ws://x/ws',
      text,
      binaryBytes,
    });
    const landmarks = JSON.stringify({ faceLandmarks: [{ x: 0.5, y: 0.5, z: 0 }] });
    const numbers = JSON.stringify({ v: Array.from({ length: 52 }, (_, i) => i / 52) });
    const jpeg = `data:image/jpeg;base64,${'/9j/4AAQSkZJRgABAQ'.repeat(20)}`;
    expect(findImageData([frame(landmarks)])).toHaveLength(1);
    expect(findImageData([frame(numbers)])).toHaveLength(1);
    expect(findImageData([frame(jpeg)])).toHaveLength(2);
    expect(findImageData([frame('', 640 * 480)])).toHaveLength(1);
    const summary = { faceMs: 9000, cues: { angry: { count: 1, ms: 9000 } }, dominant: 'angry' };
    expect(findImageData([frame(JSON.stringify({ payload: { summary } }))])).toEqual([]);
  });
});

describe('emotion cues with the camera on', () => {
  it('asks first, offers a person on a sustained frown, stops at wrap-up, and sends no image data', async () => {
    const shot = shooter(join(repoRoot, 'test-output', 'emotion-journey'));
    const { page, sent, errors } = await openKiosk('?negativeMs=3000');
    const h = hook(page);
    // Nothing runs before the customer agrees.
    await page.getByTestId('camera-consent').waitFor({ state: 'visible' });
    expect(await h.overlayCamera()).toEqual({ state: 'consent', label: m['camera.asking'] });
    expect((await h.emotion()).cue).toBeNull();
    await shot(page, 'consent');

    await page.getByTestId('camera-yes').click();
    await page.getByTestId('camera-consent').waitFor({ state: 'hidden' });
    expect(await h.overlayCamera()).toEqual({ state: 'on', label: m['camera.on'] });
    await expect.poll(async () => (await h.emotion()).cue?.facePresent, { timeout: 30_000 }).toBe(true);
    // The frowning faces held for 3 s: the avatar offers a person.
    await expect
      .poll(async () => page.getByTestId('handoff-status').textContent(), { timeout: 30_000 })
      .toBe(m['camera.offerPerson']);
    const state = await h.emotion();
    expect(state.error).toBeNull();
    expect(state.summary?.negativeSustained).toBe(true);
    expect(state.summary?.cues.angry?.ms).toBeGreaterThan(2000);
    const visit = await page.evaluate(() => (globalThis as unknown as KioskHook).__branchKiosk.state().visit);
    expect(visit.negativeCue).toBe(true);
    await shot(page, 'offer-person');

    const sessionId = await h.sessionId();
    await page.getByTestId('end-session').click();
    await page.getByTestId('wrapup').waitFor();
    expect((await h.overlayCamera()).state).toBe('off');
    const cuesAtWrapup = (await h.emotion()).summary;
    await page.waitForTimeout(500);
    expect((await h.emotion()).summary).toEqual(cuesAtWrapup);
    await page.getByTestId('rating-4').click();
    await page.getByTestId('start').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await h.emotion()).toMatchObject({ camera: 'off', cue: null, summary: null });

    await expect
      .poll(async () => (await hubConversation(branch, sessionId)).emotion, { timeout: 10_000 })
      .toMatchObject({ negativeSustained: true, dominant: 'angry' });
    // The customer's yes to the camera is in the hub's audit log, for this visit.
    await expect
      .poll(() => hubConsents(branch, sessionId), { timeout: 10_000 })
      .toEqual(['consent.given camera']);

    // The privacy proof: the session sent its summary, and nothing that looks like a frame or landmarks.
    const texts = sent.map((s) => s.text).join('\n');
    expect(texts).toContain('Session.Emotion');
    expect(findImageData(sent)).toEqual([]);
    // Every request and socket went to the kiosk's own agent on this machine (the page, its worker, /ws).
    const host = new URL(branch.runtime.pages.kiosk).host;
    expect(sent.filter((s) => new URL(s.url).host !== host).map((s) => s.url)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    // Model start-up and the frown's 3 s take a while on a busy 2-core machine.
  }, 120_000);

  it('shows the summary to the remote agent in the conversation view', async () => {
    const consolePage = await openAgentConsole(browser, branch);
    const row = consolePage.getByTestId('conversation-row').first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await expect
      .poll(async () => (await consolePage.getByTestId('conversation-detail').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain(m['agent.emotion.sustained']);
    const detail = (await consolePage.getByTestId('conversation-detail').textContent()) ?? '';
    expect(detail).toContain(m['emotion.cue.angry']);
    await consolePage.close();
  });
});

describe('declining the camera', () => {
  it('keeps the journey working with the camera off', async () => {
    const { page, sent, errors } = await openKiosk();
    const h = hook(page);
    await page.getByTestId('camera-no').click();
    await page.getByTestId('camera-consent').waitFor({ state: 'hidden' });
    const sessionId = await h.sessionId();
    expect(await h.overlayCamera()).toEqual({ state: 'off', label: m['camera.off'] });
    await page.getByTestId('service-hours').click();
    await page.getByTestId('answer-title').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await h.emotion()).toMatchObject({ camera: 'off', cue: null, summary: null });
    await page.getByTestId('end-session').click();
    await page.getByTestId('wrapup-done').click();
    await page.getByTestId('start').waitFor({ state: 'visible', timeout: 15_000 });
    expect(sent.map((s) => s.text).join('\n')).not.toContain('Session.Emotion');
    // The refusal is audited at the hub like a yes.
    await expect
      .poll(() => hubConsents(branch, sessionId), { timeout: 10_000 })
      .toEqual(['consent.refused camera']);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
