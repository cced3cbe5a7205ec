// Recorded calls on the real branch in a box started with hub.recording: the kiosk tells the customer
// the call is recorded (and the consent reaches the audit log), the agent's browser records the call
// and uploads it as it goes, and after the call a supervisor plays the recording in the console (the
// <video> has a duration and decodes frames) and the play is in the audit log. Screenshot under
// test-output/recording/.
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
import { hubAudit, hubConsents, supervisorGet } from './support/hub-conversation.ts';
import { shooter } from './support/kiosk-page.ts';

const shot = shooter(join(repoRoot, 'test-output', 'recording'));
const en = messages.en;

let setup: CallSetup;
let branch: RunningBranch;
let kioskBrowser: Browser;
let agentBrowser: Browser;

beforeAll(async () => {
  setup = await startCallSetup({ KIOSK_HUB_RECORDING: 'true' });
  ({ branch, kioskBrowser, agentBrowser } = setup);
}, 120_000);

afterAll(async () => {
  await setup?.close();
});

type Recording = { id: string; handoffId: string; bytes: number; endedAt: string | null };
const recordings = async (): Promise<Recording[]> =>
  ((await (await supervisorGet(branch, '/api/agent/recordings')).json()) as { recordings: Recording[] })
    .recordings;

/** The console's recording player: duration, the frames and audio bytes it has decoded so far. */
const player = (page: Page) =>
  page.getByTestId('recording-video').evaluate((v: HTMLVideoElement) => ({
    duration: v.duration,
    frames: v.getVideoPlaybackQuality().totalVideoFrames,
    // Chromium's count of decoded audio: the mixed voices are in the file.
    audioBytes: (v as HTMLVideoElement & { webkitAudioDecodedByteCount?: number })
      .webkitAudioDecodedByteCount,
  }));

describe('a recorded video call', () => {
  it('tells the customer, records the call, and lets a supervisor play it (audited)', async () => {
    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'agent', branch.secrets.agentPassword);
    await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent').waitFor({ state: 'visible' });
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.queued');
    expect(await kiosk.getByTestId('handoff-consent').textContent()).toContain(
      en['handoff.consent.recorded'],
    );
    await kiosk.getByTestId('handoff-consent-accept').click();
    expect(await kiosk.getByTestId('handoff-recording').isVisible()).toBe(true);
    type Hook = { __branchKiosk: { state(): { visit: { sessionId: string } } } };
    const visitId = await kiosk.evaluate(
      () => (globalThis as unknown as Hook).__branchKiosk.state().visit.sessionId,
    );
    await expect
      .poll(() => hubConsents(branch, visitId), { timeout: 10_000 })
      .toContain('consent.given recording');

    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // Chunks reach the hub while the call goes on, not only at its end.
    await expect
      .poll(async () => (await recordings())[0]?.bytes ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect((await recordings())[0]?.endedAt).toBeNull();
    // Let a few more seconds of the call be recorded.
    const sofar = (await recordings())[0]?.bytes ?? 0;
    await expect
      .poll(async () => (await recordings())[0]?.bytes ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(sofar);
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
    await expect
      .poll(async () => (await recordings())[0]?.endedAt ?? null, { timeout: 20_000 })
      .not.toBeNull();
    const [recording] = await recordings();
    if (!recording) throw new Error('no recording at the hub');

    const sup = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    await sup.goto(branch.runtime.pages.agentConsole);
    await sup.getByTestId('agent-username').fill('supervisor');
    await sup.getByTestId('agent-password').fill(branch.secrets.agentPassword);
    await sup.getByTestId('agent-login').click();
    await sup.getByTestId('audit-tab').click();
    await sup.getByTestId('recording-play').first().click();
    await expect.poll(async () => (await player(sup)).frames, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => (await player(sup)).audioBytes ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    // The console works out a MediaRecorder file's duration by one seek after loading: wait for it.
    await expect
      .poll(async () => {
        const { duration } = await player(sup);
        return Number.isFinite(duration) && duration > 0;
      })
      .toBe(true);
    // The console's audit log shows the play.
    await sup.locator('[data-testid="audit-row"][data-action="recording.played"]').first().waitFor();
    await shot(sup, 'playback');
    const plays = (await hubAudit(branch)).filter(
      (e) => e.action === 'recording.played' && e.subject === recording.id,
    );
    expect(plays).toEqual([expect.objectContaining({ actor: 'supervisor' })]);
  }, 180_000);
});
