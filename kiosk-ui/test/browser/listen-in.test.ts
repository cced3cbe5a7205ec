// Listen-in on the real branch in a box (recording on), three Chromiums with fake cameras, each fake
// microphone its own tone: the customer 1000 Hz, the agent silence, the supervisor 440 Hz. The
// supervisor listens to the live call: their page decodes the customer's video and hears the
// customer's tone, and the kiosk (Chinese visit) shows nothing and hears no supervisor. The supervisor
// steps in: the kiosk shows the notice in Chinese and hears 440 Hz; they leave and it goes. The hub's
// audit log has the listen and the step-in; the recording holds the supervisor's voice after the
// step-in only. Screenshots under test-output/listen-in/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { AUTOPLAY_ARGS, launchChromium } from './support/chromium.ts';
import { framesDecoded, kioskHandoffState, signInConsole, startVisit } from './support/handoff-pages.ts';
import { hubAudit, supervisorGet } from './support/hub-conversation.ts';
import { shooter } from './support/kiosk-page.ts';
import { fakeMicArgs, heard, makeToneWav, tonePowerPerSecond } from './support/tone-audio.ts';

const out = join(repoRoot, 'test-output', 'listen-in');
const shot = shooter(out);
const zh = messages['zh-CN'];
const en = messages.en;
const CUSTOMER_HZ = 1000;
const SUPERVISOR_HZ = 440;
/** Peak within this many Hz of a tone is that tone (an FFT bin is 48000 / 4096 ≈ 12 Hz). */
const NEAR_HZ = 30;
/**
 * A tone heard: its RMS after Chromium's capture processing and Opus (the 1/8-amplitude sine arrives
 * at about 0.009); silence stays far below.
 */
const HEARD_RMS = 0.003;
const SILENT_RMS = 0.001;

let branch: RunningBranch;
const browsers: Browser[] = [];

beforeAll(async () => {
  const media = join(repoRoot, 'test-output', 'listen-in-media');
  const wavs = [
    makeToneWav(join(media, 'customer.wav'), CUSTOMER_HZ),
    makeToneWav(join(media, 'agent.wav'), 0),
    makeToneWav(join(media, 'supervisor.wav'), SUPERVISOR_HZ),
  ];
  branch = await startBranch(undefined, {}, 'launcher', { KIOSK_HUB_RECORDING: 'true' });
  // One browser each: a page in the background of a shared browser is throttled.
  browsers.push(
    ...(await Promise.all(wavs.map((w) => launchChromium([...fakeMicArgs(w), ...AUTOPLAY_ARGS])))),
  );
}, 120_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await branch?.stop();
});

const text = (page: Page, testid: string) => page.getByTestId(testid).innerText();
/** The element's stream carries this tone, loud enough to be heard. */
const hearsTone = async (page: Page, testid: string, hz: number): Promise<boolean> => {
  const h = await heard(page, testid);
  return h.rms > HEARD_RMS && Math.abs(h.peakHz - hz) <= NEAR_HZ;
};

describe('a supervisor listens in on a live call, then steps in', () => {
  it('listens unseen, steps in announced, and is in the recording', async () => {
    const [kioskBrowser, agentBrowser, supBrowser] = browsers as [Browser, Browser, Browser];
    const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    const sup = await supBrowser.newPage({ viewport: { width: 1440, height: 1500 } });
    const pages = branch.runtime.pages;
    // A page's uncaught error is a failure's first clue.
    for (const [name, page] of [
      ['kiosk', kiosk],
      ['agent', agent],
      ['supervisor', sup],
    ] as const)
      page.on('pageerror', (err) => console.error(`${name} page error: ${err.message}`));
    await signInConsole(agent, pages.agentConsole, 'agent', branch.secrets.agentPassword);
    await signInConsole(sup, pages.agentConsole, 'supervisor', branch.secrets.agentPassword);
    // A plain agent has no listen-in list.
    expect(await agent.getByTestId('listen-in').isVisible()).toBe(false);
    await sup.getByTestId('listen-in').waitFor();

    await startVisit(kiosk, pages.kiosk, 'zh');
    await kiosk.getByTestId('handoff').click();
    await kiosk.getByTestId('handoff-consent').waitFor({ state: 'visible' });
    // The consent card says a supervisor may listen, and that the customer is told if they speak.
    expect(await text(kiosk, 'handoff-consent-supervisor')).toBe(zh['handoff.consent.supervisor']);
    await kiosk.getByTestId('handoff-consent-accept').click();
    await agent.getByTestId('queue-row').waitFor();
    await agent.getByTestId('call-accept').click();
    await expect.poll(() => kioskHandoffState(kiosk), { timeout: 30_000 }).toBe('handoff.connected');
    await expect
      .poll(() => framesDecoded(agent, 'agent-remote-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(
        async () => (await agent.getByTestId('agent-remote-video').getAttribute('data-recording')) ?? '',
        {
          timeout: 30_000,
        },
      )
      .toBe('video');

    // Listen: the customer's video is decoded and their voice (1000 Hz) heard at the supervisor's.
    await sup.getByTestId('live-call-row').waitFor({ timeout: 10_000 });
    await shot(sup, 'supervisor-live-calls');
    await sup.getByTestId('listen-call').click();
    await expect
      .poll(() => framesDecoded(sup, 'listen-customer-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => hearsTone(sup, 'listen-customer-video', CUSTOMER_HZ), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => text(agent, 'call-status')).toContain('Supervisor');
    // The kiosk shows nothing and hears only the agent (silence): the supervisor sends nothing.
    expect(await kiosk.getByTestId('handoff-supervisor').isVisible()).toBe(false);
    const before = await heard(kiosk, 'handoff-remote-video');
    expect(before.rms).toBeLessThan(SILENT_RMS);
    await shot(sup, 'supervisor-listening');
    await shot(kiosk, 'kiosk-while-supervisor-listens');
    await shot(agent, 'agent-told-supervisor-listens');

    // Step in: the kiosk is told in Chinese and hears the supervisor's 440 Hz.
    await sup.getByTestId('listen-step-in').click();
    await expect.poll(() => text(sup, 'listen-status')).toBe(en['agent.listen.speaking']);
    await kiosk.getByTestId('handoff-supervisor').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await text(kiosk, 'handoff-supervisor')).toContain(zh['handoff.supervisorJoined'].split('{')[0]!);
    await expect
      .poll(() => hearsTone(kiosk, 'handoff-remote-video', SUPERVISOR_HZ), { timeout: 20_000 })
      .toBe(true);
    const after = await heard(kiosk, 'handoff-remote-video');
    await shot(kiosk, 'kiosk-supervisor-joined');
    await shot(sup, 'supervisor-stepped-in');
    await shot(agent, 'agent-supervisor-speaking');
    // Let the recording take a few seconds of the supervisor's voice.
    await sup.waitForTimeout(3000);

    // Leave: the notice goes.
    await sup.getByTestId('listen-leave').click();
    await kiosk.getByTestId('handoff-supervisor').waitFor({ state: 'hidden', timeout: 10_000 });
    // The customer hears the agent alone again (their own microphone back in, silent here).
    await expect
      .poll(async () => (await heard(kiosk, 'handoff-remote-video')).rms, { timeout: 20_000 })
      .toBeLessThan(SILENT_RMS);
    // The recording's last whole second must fall after they left: under load, the kiosk can hear
    // silence while the recording's second that straddles the leave is still being cut.
    await kiosk.waitForTimeout(2000);
    await shot(kiosk, 'kiosk-supervisor-left');
    await shot(sup, 'supervisor-left');
    await agent.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk), { timeout: 20_000 }).toBe('handoff.ended');

    // The hub's audit log: one listen, one step-in, by the supervisor.
    const audit = (await hubAudit(branch)).filter((e) => e.action.startsWith('call.'));
    expect(audit.map((e) => `${e.action} ${e.actor}`).sort()).toEqual([
      'call.listen supervisor',
      'call.step_in supervisor',
    ]);

    // The recording: the supervisor's tone only in the later seconds, the customer's throughout.
    type Rec = { id: string; endedAt: string | null };
    const recs = async () =>
      ((await (await supervisorGet(branch, '/api/agent/recordings')).json()) as { recordings: Rec[] })
        .recordings;
    await expect.poll(async () => (await recs())[0]?.endedAt ?? null, { timeout: 20_000 }).not.toBeNull();
    const [rec] = await recs();
    const bytes = Buffer.from(
      await (await supervisorGet(branch, `/api/agent/recordings/${rec!.id}`)).arrayBuffer(),
    );
    const seconds = await tonePowerPerSecond(sup, bytes.toString('base64'), [SUPERVISOR_HZ, CUSTOMER_HZ]);
    const ratio = seconds.map(([s, c]) => (s ?? 0) / Math.max(c ?? 0, 1e-12));
    console.log(
      `listen-in: kiosk rms before step-in ${before.rms.toFixed(5)}, after ${after.rms.toFixed(5)} ` +
        `(peak ${after.peakHz.toFixed(0)} Hz); recording ${seconds.length} s, ` +
        `440/1000 Hz power per second: ${ratio.map((r) => r.toFixed(3)).join(' ')}`,
    );
    expect(seconds.length).toBeGreaterThan(5);
    expect(ratio[0]).toBeLessThan(0.05);
    expect(Math.max(...ratio)).toBeGreaterThan(0.2);
    // After they left, the customer's and the recording's audio is without them again.
    expect(ratio.at(-1)).toBeLessThan(0.05);
  }, 240_000);
});
