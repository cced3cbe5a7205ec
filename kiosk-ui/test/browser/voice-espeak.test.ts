// The kiosk really speaks: in Debian's Chromium the kiosk page says a Chinese and an English answer with
// the agent's espeak-ng voice. The audio the page renders is recorded through WebAudio; it must not be
// silent, last as long as the engine's plan (±20%), and the mouth's openness must follow its energy
// (correlation >= 0.6). A touch stops it within 100 ms, and nothing is fetched from another origin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/branch-process.ts';
import { AUTOPLAY_ARGS, launchChromium } from './support/chromium.ts';
import {
  installTap,
  readCapture,
  speakFresh,
  startMouthSampling,
  type Capture,
} from './support/voice-capture.ts';
import {
  audibleSpan,
  captureWav,
  energyEnvelope,
  lineWindow,
  lipCorrelation,
} from './support/voice-analysis.ts';
import { ensureBuilt, serveKioskWithVoice, type VoiceServer } from './support/voice-server.ts';

const OUT = join(repoRoot, 'test-output', 'voice');

const ZH = '您好，欢迎光临。请问您今天想办理什么业务？';
const EN = 'Welcome to the branch. How can I help you today?';

interface KioskWindow {
  __branchKiosk: {
    avatar: { speak(t: string, l: string): Promise<void>; stopSpeaking(): void; speaking: boolean };
  };
}

function trimmed(c: Capture, line: [number, number]): Buffer {
  const span = audibleSpan(energyEnvelope(c), line);
  if (!span) return captureWav(c);
  const from = Math.max(0, Math.floor((span[0] - c.t0 - 0.05) * c.sampleRate));
  const to = Math.min(c.samples.length, Math.ceil((span[1] - c.t0 + 0.05) * c.sampleRate));
  return captureWav(c, from, to);
}

describe('the kiosk speaks with its own voice (espeak-ng)', () => {
  let server: VoiceServer;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    server = await serveKioskWithVoice();
    browser = await launchChromium(AUTOPLAY_ARGS);
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        foreign.push(r.url());
    });
    await page.addInitScript(installTap);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => 'avatar' in ((globalThis as unknown as Partial<KioskWindow>).__branchKiosk ?? {}),
    );
    mkdirSync(OUT, { recursive: true });
    // No greeting first: the Chinese answer is the first line after the page loads and the agent's voice
    // starts (cold espeak-ng processes, a new audio context), where the lips once drifted.
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, text, locale] of [
    ['Chinese', ZH, 'zh-CN'],
    ['English', EN, 'en'],
  ] as const) {
    it(`says a ${name} answer aloud, as long as the engine's plan, with the lips on the audio`, async () => {
      await startMouthSampling(page);
      const before = server.lines.length;
      let shot: Promise<Buffer> | null = null;
      const spoken = speakFresh(page, text, locale);
      if (locale === 'zh-CN') {
        // Mid-word: a second in, the mouth is moving.
        await page.waitForTimeout(1500);
        shot = page.getByTestId('avatar').screenshot({ path: join(OUT, 'avatar-mid-word.png') });
      }
      await spoken;
      await shot;
      await page.waitForTimeout(200);
      const c = await readCapture(page);
      // This line as the engine said it (the attract loop may have asked for one of its own meanwhile).
      const plan = server.lines.slice(before).findLast((l) => l.text === text)!;
      // Only this line's audio: the kiosk's attract loop may speak before it or after it.
      const line = lineWindow(c, plan.pieces);
      writeFileSync(join(OUT, `${locale}.wav`), trimmed(c, line));

      const env = energyEnvelope(c).filter((f) => f.t >= line[0] && f.t <= line[1]);
      const peak = Math.max(...env.map((f) => f.e));
      expect(peak, 'the recorded audio is not silent').toBeGreaterThan(0.05);
      // Audible length against the engine's plan: from the first piece's sound to the last piece's.
      const span = audibleSpan(env)!;
      const planned = (plan.pieces.at(-1)!.soundEndMs - plan.pieces[0]!.soundStartMs) / 1000;
      expect((span[1] - span[0]) / planned).toBeGreaterThan(0.8);
      expect((span[1] - span[0]) / planned).toBeLessThan(1.2);
      // The caption follows the same timing: it grows piece by piece, never ahead of the piece's sound.
      const heardAt = plan.pieces.map((_, i) => c.starts[i]!.when);
      expect(new Set(c.said.map((s) => s.n)).size).toBeGreaterThanOrEqual(Math.min(2, plan.pieces.length));
      expect(c.said.at(-1)?.n).toBe(plan.pieces.at(-1)!.charEnd);
      plan.pieces.forEach((p, i) => {
        if (i > 0 && p.charEnd <= plan.pieces[i - 1]!.charEnd) return; // adds no text
        const shown = c.said.find((s) => s.n >= p.charEnd);
        expect(shown, `piece ${i} captioned`).toBeDefined();
        expect(shown!.t, `piece ${i} not captioned before it is heard`).toBeGreaterThan(heardAt[i]! - 0.06);
      });
      const r = lipCorrelation(c, line);
      console.log(`voice ${locale}: lip/energy correlation ${r.toFixed(3)}, ${c.mouth.length} mouth samples`);
      expect(r).toBeGreaterThanOrEqual(0.6);
    }, 60_000);
  }

  it('stops the audio within 100 ms of a touch and closes the mouth', async () => {
    await startMouthSampling(page);
    const spoken = speakFresh(page, EN, 'en');
    await page.waitForFunction(
      () => (globalThis as unknown as { __voiceTap: { starts: unknown[] } }).__voiceTap.starts.length > 0,
    );
    await page.waitForTimeout(1200);
    // The touch, stamped on the audio clock where the kiosk page hears it; at once the avatar is silent.
    const touch = await page.evaluate(() => {
      const w = globalThis as unknown as KioskWindow & { __voiceTap: { ctx: AudioContext } };
      const stamp = w.__voiceTap.ctx.getOutputTimestamp();
      const before = w.__branchKiosk.avatar.speaking;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      const at = stamp.contextTime! + (performance.now() - stamp.performanceTime!) / 1000;
      return { at, before, after: w.__branchKiosk.avatar.speaking };
    });
    expect(touch).toMatchObject({ before: true, after: false });
    await spoken;
    await page.waitForTimeout(400);
    const c = await readCapture(page);
    // Whatever the kiosk says next by itself (its attract loop) starts later; the line ends before it.
    const next = Math.min(...c.starts.filter((s) => s.calledAt > touch.at).map((s) => s.when));
    const env = energyEnvelope(c, 5).filter((f) => f.t < next);
    const peak = Math.max(...env.map((f) => f.e));
    const lastLoud = env.filter((f) => f.e > peak * 0.02).at(-1)!.t;
    console.log(
      `voice interrupt: last sound ${((lastLoud - touch.at) * 1000).toFixed(1)} ms after the touch`,
    );
    expect(lastLoud).toBeGreaterThan(touch.at - 1); // it was speaking
    expect((lastLoud - touch.at) * 1000).toBeLessThanOrEqual(100);
    // The mouth has closed within 150 ms (the shapes ease out) and stays closed.
    const closed = c.mouth.filter((m) => m.t > touch.at + 0.15 && m.t < next - 0.05);
    expect(closed.length).toBeGreaterThan(0);
    expect(Math.max(...closed.map((m) => m.open))).toBeLessThan(0.05);
  }, 60_000);

  it('a line replaced while its audio is still being fetched is stopped quietly, not reported as failed', async () => {
    const warnings: string[] = [];
    const onConsole = (m: { type(): string; text(): string }): void => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    };
    page.on('console', onConsole);
    try {
      await page.evaluate(async () => {
        const avatar = (globalThis as unknown as KioskWindow).__branchKiosk.avatar;
        void avatar.speak('This line is replaced before it is heard.', 'en');
        const second = avatar.speak('And this one is stopped.', 'en');
        await new Promise((r) => setTimeout(r, 300));
        avatar.stopSpeaking();
        await second;
      });
      await page.waitForTimeout(200);
    } finally {
      page.off('console', onConsole);
    }
    expect(warnings.filter((w) => w.includes('voice engine failed'))).toEqual([]);
  }, 60_000);

  it('asked nothing of any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
