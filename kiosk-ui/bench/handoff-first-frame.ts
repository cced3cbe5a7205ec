// Time from "talk to a person" on the kiosk to the first decoded remote video frame (and from the
// agent's accept, and from the customer's consent to the agent seeing the customer), with an agent
// already signed in and waiting, on the real branch in a box (hub, simulator, agent) and two Chromium
// instances with fake camera and microphone, loopback. Both timestamps come from the kiosk page's own
// clock: the handoff panel's data-asked-at (set on the click) and the remote video's
// data-first-frame-at (the first getStats poll, every 100 ms, with framesDecoded > 0).
import type { Page } from 'playwright-core';
import { startBranch } from '../test/browser/support/branch-process.ts';
import { FAKE_MEDIA_ARGS, launchChromium } from '../test/browser/support/chromium.ts';
import { relayOnlyEnv } from '../test/browser/support/free-port.ts';
import { signInConsole, startEnglishVisit } from '../test/browser/support/handoff-pages.ts';
import type { Figure } from './figure.ts';
import { round } from './stats.ts';

const RUNS = 5;
/** How long the customer reads the consent card after the agent's video appears. */
const READING_MS = 1500;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Waits for the first decoded remote frame on a page's video element. */
async function firstFrame(page: Page, testid: string): Promise<void> {
  await page
    .locator(`[data-testid="${testid}"][data-first-frame-at]`)
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch((err: Error) => {
      throw new Error(`no remote frame on ${testid}: ${err.message}`);
    });
}

/** A page's performance.now() mark (a data- attribute) on the machine's clock, in ms since the epoch. */
async function epochOf(page: Page, testid: string, key: string): Promise<number> {
  return page.evaluate(
    ([id, k]) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      return performance.timeOrigin + Number(el?.dataset[k!]);
    },
    [testid, key],
  );
}

interface HandoffRuns {
  seconds: number[];
  fromAccept: number[];
  fromConsent: number[];
}

async function measureHandoffs(env: Record<string, string>): Promise<HandoffRuns> {
  const branch = await startBranch(undefined, {}, 'launcher', env);
  const [kioskBrowser, agentBrowser] = await Promise.all([
    launchChromium(FAKE_MEDIA_ARGS),
    launchChromium(FAKE_MEDIA_ARGS),
  ]);
  try {
    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInConsole(agent, branch.runtime.pages.agentConsole, 'agent', branch.secrets.agentPassword);
    const seconds: number[] = [];
    const fromAccept: number[] = [];
    const fromConsent: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
      await startEnglishVisit(kiosk, branch.runtime.pages.kiosk);
      await kiosk.getByTestId('handoff').click();
      // The waiting agent accepts as soon as the customer is in line; the customer is still reading
      // the consent card, and says yes only once the agent's video is on the screen.
      await agent.getByTestId('queue-row').waitFor();
      const acceptedAt = Date.now();
      await agent.getByTestId('call-accept').click();
      await firstFrame(kiosk, 'handoff-remote-video');
      await kiosk.waitForTimeout(READING_MS);
      await kiosk.getByTestId('handoff-consent-accept').click();
      await firstFrame(agent, 'agent-remote-video');
      const asked = Number(await kiosk.getByTestId('handoff-panel').getAttribute('data-asked-at'));
      const first = Number(
        await kiosk.getByTestId('handoff-remote-video').getAttribute('data-first-frame-at'),
      );
      seconds.push((first - asked) / 1000);
      // Across the two browsers: each page's clock turned into the machine's (timeOrigin + now).
      const kioskFirst = await epochOf(kiosk, 'handoff-remote-video', 'firstFrameAt');
      const consentAt = await epochOf(kiosk, 'handoff-panel', 'consentAt');
      const agentFirst = await epochOf(agent, 'agent-remote-video', 'firstFrameAt');
      fromAccept.push((kioskFirst - acceptedAt) / 1000);
      fromConsent.push((agentFirst - consentAt) / 1000);
      // Milestones after the click, from the kiosk page's own clock (one line per run on stderr).
      const marks = await kiosk.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('[data-testid="handoff-panel"]')!.dataset;
        const video = document.querySelector<HTMLElement>('[data-testid="handoff-remote-video"]')!.dataset;
        const t0 = Number(panel.askedAt);
        const times = [panel.queuedAt, panel.agentAt, video.offerAt, video.connectedAt, video.firstFrameAt];
        return [...times, panel.consentAt].map((v) => Math.round(Number(v) - t0));
      });
      const labels = ['queued', 'agent', 'offer', 'connected', 'firstFrame', 'consent'];
      const tail = `; consent to the agent's first frame of the customer ${Math.round(fromConsent[i]! * 1000)}`;
      console.error(
        `handoff run ${i + 1} (ms): ${labels.map((l, k) => `${l} ${marks[k]}`).join(', ')}${tail}`,
      );
      await agent.getByTestId('call-end').click();
      await kiosk.getByTestId('handoff-panel').waitFor({ state: 'detached' });
      await kiosk.close();
    }
    return { seconds, fromAccept, fromConsent };
  } finally {
    await kioskBrowser.close();
    await agentBrowser.close();
    await branch.stop();
  }
}

export async function handoffFigures(): Promise<Figure[]> {
  const { seconds, fromAccept, fromConsent } = await measureHandoffs({});
  const relayed = await measureHandoffs(await relayOnlyEnv());
  const sorted = [...seconds].sort((a, b) => a - b);
  return [
    ...[
      {
        name: 'handoff_accept_to_first_frame_s',
        runs: fromAccept,
        target: 'report',
        how: `median of ${RUNS}: the agent's click on accept (console) to the first decoded frame of the agent's video on the kiosk, which connects while the customer still reads the consent card; machine clock across the two browsers`,
      },
      {
        name: 'handoff_consent_to_first_frame_s',
        runs: fromConsent,
        target: '<= 0.8',
        how: `median of ${RUNS}: the customer's yes on the consent card (${READING_MS} ms after the agent's video appeared) to the first decoded frame of the customer's camera in the agent's console: the camera goes into the already connected call with replaceTrack; machine clock across the two browsers`,
      },
      {
        name: 'turn_relay_first_frame_s',
        runs: relayed.seconds,
        target: '<= 2.5',
        how: `median of ${RUNS}: as handoff_first_frame_s, with the branch's coturn (turn.enabled, turn.relayOnly): both ends use iceTransportPolicy 'relay' and the TURN credentials the hub signed, every packet through coturn on loopback`,
      },
    ].map(({ runs, ...f }) => ({ ...f, unit: 's', value: round(median(runs), 3) })),
    {
      name: 'handoff_first_frame_s',
      value: round(median(seconds), 3),
      unit: 's',
      target: '<= 2',
      how: `median of ${RUNS}: kiosk click on "talk to a person" (Handoff.Request via the device-agent, hub routing, signalling socket, agent accept, WebRTC offer/answer with the kiosk's camera still off) to the first decoded remote frame (getStats polled every 100 ms) in the kiosk page; agent signed in and waiting; two Chromium instances with fake media; loopback`,
    },
    {
      name: 'handoff_first_frame_max_s',
      value: round(sorted[sorted.length - 1] ?? NaN, 3),
      unit: 's',
      target: '<= 2',
      how: `slowest of the ${RUNS} above`,
    },
  ];
}
