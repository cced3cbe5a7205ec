// Time from "talk to a person" on the kiosk to the first decoded remote video frame, with an agent
// already signed in and waiting, on the real branch in a box (hub, simulator, agent) and two Chromium
// instances with fake camera and microphone, loopback. Both timestamps come from the kiosk page's own
// clock: the handoff panel's data-asked-at (set on the click) and the remote video's
// data-first-frame-at (the first getStats poll, every 100 ms, with framesDecoded > 0).
import { startBranch } from '../test/browser/support/branch-process.ts';
import { FAKE_MEDIA_ARGS, launchChromium } from '../test/browser/support/chromium.ts';
import { signInConsole, startEnglishVisit } from '../test/browser/support/handoff-pages.ts';
import type { Figure } from './figure.ts';
import { round } from './stats.ts';

const RUNS = 5;

export async function handoffFigures(): Promise<Figure[]> {
  const branch = await startBranch();
  const [kioskBrowser, agentBrowser] = await Promise.all([
    launchChromium(FAKE_MEDIA_ARGS),
    launchChromium(FAKE_MEDIA_ARGS),
  ]);
  try {
    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'agent', branch.secrets.agentPassword);
    const seconds: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
      await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
      await kiosk.getByTestId('handoff').click();
      // The customer consents and the waiting agent accepts as soon as each can.
      await Promise.all([
        kiosk.getByTestId('handoff-consent-accept').click(),
        agent
          .getByTestId('queue-row')
          .waitFor()
          .then(() => agent.getByTestId('call-accept').click()),
      ]);
      const remote = kiosk.getByTestId('handoff-remote-video');
      await kiosk
        .locator('[data-testid="handoff-remote-video"][data-first-frame-at]')
        .waitFor({ state: 'attached', timeout: 30_000 })
        .catch(async (err: Error) => {
          const state = await kiosk.getByTestId('handoff-state').getAttribute('data-state');
          throw new Error(`no remote frame on the kiosk (handoff state ${state}): ${err.message}`);
        });
      const asked = Number(await kiosk.getByTestId('handoff-panel').getAttribute('data-asked-at'));
      const first = Number(await remote.getAttribute('data-first-frame-at'));
      seconds.push((first - asked) / 1000);
      // Milestones after the click, from the kiosk page's own clock (one line per run on stderr).
      const marks = await kiosk.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('[data-testid="handoff-panel"]')!.dataset;
        const video = document.querySelector<HTMLElement>('[data-testid="handoff-remote-video"]')!.dataset;
        const t0 = Number(panel.askedAt);
        const times = [panel.queuedAt, panel.consentAt, panel.agentAt, video.offerAt, video.connectedAt];
        return [...times, video.firstFrameAt].map((v) => Math.round(Number(v) - t0));
      });
      const labels = ['queued', 'consent', 'agent', 'offer', 'connected', 'firstFrame'];
      console.error(`handoff run ${i + 1} (ms): ${labels.map((l, k) => `${l} ${marks[k]}`).join(', ')}`);
      await agent.getByTestId('call-end').click();
      await kiosk.getByTestId('handoff-panel').waitFor({ state: 'detached' });
      await kiosk.close();
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    return [
      {
        name: 'handoff_first_frame_s',
        value: round(sorted[Math.floor(sorted.length / 2)] ?? NaN, 3),
        unit: 's',
        target: '<= 2',
        how: `median of ${RUNS}: kiosk click on "talk to a person" (Handoff.Request via the device-agent, hub routing, consent click, signalling socket, agent accept, WebRTC offer/answer) to the first decoded remote frame (getStats polled every 100 ms) in the kiosk page; agent signed in and waiting; two Chromium instances with fake media; loopback`,
      },
      {
        name: 'handoff_first_frame_max_s',
        value: round(sorted[sorted.length - 1] ?? NaN, 3),
        unit: 's',
        target: '<= 2',
        how: `slowest of the ${RUNS} above`,
      },
    ];
  } finally {
    await kioskBrowser.close();
    await agentBrowser.close();
    await branch.stop();
  }
}
