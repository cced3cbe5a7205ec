// The kiosk's voice: how soon a customer hears the avatar start a 20-character Chinese sentence (in
// Chromium, from speak() to the first sample the page renders, on the output clock; the agent streams the
// line piece by piece as espeak-ng says it), how fast espeak-ng (the device-agent's EspeakVoice) says a
// line, and how well the avatar's mouth follows the audio the page actually renders (recorded by an
// AudioWorklet tap): correlation of jaw openness with the energy envelope per language, and the offset
// between voiced onsets and the mouth opening. The first line after the page loads is among those
// measured. Lines are the kiosk's own kind of answers; none of them is a line the browser test uses.
import type { Page } from 'playwright-core';
import { AUTOPLAY_ARGS, launchChromium } from '../test/browser/support/chromium.ts';
import {
  installTap,
  readCapture,
  speakFresh,
  startMouthSampling,
} from '../test/browser/support/voice-capture.ts';
import {
  energyEnvelope,
  lineWindow,
  lipCorrelation,
  lipLagMs,
  onsetOffsets,
} from '../test/browser/support/voice-analysis.ts';
import { ensureBuilt, serveKioskWithVoice, type VoiceServer } from '../test/browser/support/voice-server.ts';
import type { Figure } from './figure.ts';
import { median, percentile, round } from './stats.ts';

/** 20 Han characters (plus punctuation). */
const ZH20 = '您的银行卡已经办理好了，请在右侧取卡口领取。';
const RUNS = 20;
const PAGE_RUNS = 10;
const LINE_GAP_MS = 300;
const ZH_LINES = [
  '本网点营业时间是周一至周五，上午九点到下午五点。',
  '请您携带身份证原件，到柜台办理挂失手续。',
];
const EN_LINES = [
  'Our branch is open from nine in the morning until five in the afternoon.',
  'Please bring your identity card to the counter to report a lost card.',
];

interface Avatarish {
  __branchKiosk: { avatar: { speak(a: string, b: string): Promise<void>; stopSpeaking(): void } };
  __voiceTap: { ctx: AudioContext; chunks: unknown[]; mouth: unknown[]; starts: unknown[] };
}

/**
 * Says ZH20 in the page and stops it once it has been heard for a while; the time from speak() to its
 * first audible sample (the first 5 ms frame above 2% of the snippet's peak), where the page's clock and
 * the audio output's are paired by the output timestamp.
 */
async function firstAudioInPage(page: Page): Promise<number> {
  const calledAt = await page.evaluate(async (text) => {
    const w = globalThis as unknown as Avatarish;
    w.__branchKiosk.avatar.stopSpeaking();
    await new Promise((r) => setTimeout(r, 300));
    w.__voiceTap.chunks.length = 0;
    w.__voiceTap.starts.length = 0;
    const t0 = performance.now();
    void w.__branchKiosk.avatar.speak(text, 'zh-CN');
    while (w.__voiceTap.starts.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 600));
    w.__branchKiosk.avatar.stopSpeaking();
    await new Promise((r) => setTimeout(r, 100));
    return t0;
  }, ZH20);
  const c = await readCapture(page);
  const from = c.starts[0]!.when;
  const env = energyEnvelope(c, 5).filter((f) => f.t >= from - 0.005);
  const peak = Math.max(...env.map((f) => f.e));
  const onset = env.find((f) => f.e > peak * 0.02)!.t - 0.0025; // the frame's start, not its middle
  const stamp = await page.evaluate(() => {
    const s = (globalThis as unknown as Avatarish).__voiceTap.ctx.getOutputTimestamp();
    return { ctx: s.contextTime!, perf: s.performanceTime! };
  });
  return stamp.perf + (onset - stamp.ctx) * 1000 - calledAt;
}

/** POST /voice/line of ZH20 as the page sends it, to the first bytes of audio the stream delivers. */
async function firstSampleOverHttp(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/voice/line`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: ZH20, locale: 'zh-CN' }),
  });
  const reader = res.body!.getReader();
  let got = '';
  // The first piece's line, whole: its samples are then all there.
  while (!got.includes('\n')) got += new TextDecoder().decode((await reader.read()).value);
  const at = performance.now() - t0;
  await reader.cancel();
  return at;
}

/** The face's drawing buffer width per CSS pixel (its adaptive resolution), as the page has it now. */
async function renderPixelRatio(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas[data-renderer]')!;
    return c.width / c.clientWidth;
  });
}

async function lipFigures(page: Page, server: VoiceServer) {
  const corr: Record<'zh-CN' | 'en', number[]> = { 'zh-CN': [], en: [] };
  const offsets: number[] = [];
  const lags: number[] = [];
  const frameGaps: number[] = [];
  const ratios: number[] = [];
  for (const [locale, lines] of [
    ['zh-CN', ZH_LINES],
    ['en', EN_LINES],
  ] as const) {
    for (const text of lines) {
      const before = server.lines.length;
      await speakFresh(page, text, locale);
      await page.waitForTimeout(200);
      const c = await readCapture(page);
      const said = server.lines.slice(before).findLast((l) => l.text === text)!;
      const w = lineWindow(c, said.pieces);
      corr[locale].push(lipCorrelation(c, w));
      offsets.push(...onsetOffsets(c, w));
      lags.push(lipLagMs(c, w));
      const m = c.mouth.filter((x) => x.t >= w[0] && x.t <= w[1]);
      for (let i = 1; i < m.length; i++) frameGaps.push((m[i]!.t - m[i - 1]!.t) * 1000);
      ratios.push(await renderPixelRatio(page));
    }
  }
  return { corr, offsets, lags, frameGaps, ratios };
}

export async function voiceFigures(): Promise<Figure[]> {
  await ensureBuilt();
  const server = await serveKioskWithVoice();
  const browser = await launchChromium(AUTOPLAY_ARGS);
  try {
    await new Promise((r) => setTimeout(r, 500)); // the first espeak-ng processes load their voices
    const firstSample: number[] = [];
    const wholeLine: number[] = [];
    const rtf: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A kiosk's lines come seconds apart; between them the used espeak-ng processes are replaced.
      await new Promise((r) => setTimeout(r, LINE_GAP_MS));
      firstSample.push(await firstSampleOverHttp(server.url));
      await new Promise((r) => setTimeout(r, LINE_GAP_MS));
      const line = await server.voice.synthesize(ZH20, 'zh-CN');
      wholeLine.push(line.synthMs);
      rtf.push(line.synthMs / line.durationMs);
    }
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it to run them.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(installTap);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => 'avatar' in ((globalThis as { __branchKiosk?: object }).__branchKiosk ?? {}),
    );
    await startMouthSampling(page);
    const { corr, offsets, lags, frameGaps, ratios } = await lipFigures(page, server);
    const firstAudio: number[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) firstAudio.push(await firstAudioInPage(page));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const how =
      'kiosk page in Chromium, espeak-ng via EspeakVoice streamed; audio recorded by an AudioWorklet tap';
    return [
      {
        name: 'tts_first_audio_ms_p50',
        value: round(percentile(firstSample, 50), 1),
        unit: 'ms',
        target: '<= 150',
        how: `${RUNS} requests, ${LINE_GAP_MS} ms apart, of a 20-character Chinese sentence to the agent's voice (POST /voice/line over loopback HTTP, as the page sends it): text to the first piece's samples received (the stream's first write, a second of audio), espeak-ng processes started ahead`,
      },
      {
        name: 'tts_first_audio_in_page_ms_p50',
        value: round(percentile(firstAudio, 50), 1),
        unit: 'ms',
        how: `${PAGE_RUNS} times in the kiosk page: avatar.speak() of the same sentence to its first audible sample as the page renders it, on the audio output clock (the page's fetch, scheduling 20 ms ahead and the output latency included; on this machine the page's main thread, drawing the avatar with software GL, answers late)`,
      },
      {
        name: 'tts_line_ms_p50',
        value: round(percentile(wholeLine, 50), 1),
        unit: 'ms',
        how: `the same ${RUNS} syntheses: text to the whole line's samples (what a customer waited for before the line was streamed)`,
      },
      {
        name: 'tts_realtime_factor',
        value: round(percentile(rtf, 50), 3),
        unit: 'ratio',
        target: '<= 0.2',
        how: `median synthesis time of the whole line / its audio length over the same ${RUNS} syntheses`,
      },
      {
        name: 'lipsync_offset_ms_p95',
        value: round(percentile(offsets, 95), 1),
        unit: 'ms',
        target: '<= 60',
        how: `${how}; |mouth opening - voiced onset| over ${offsets.length} onsets of the lines below (energy above 10% of peak after >= 60 ms quiet; mouth above 25% of its peak)`,
      },
      {
        name: 'lipsync_lag_ms_median',
        value: median(lags),
        unit: 'ms',
        how: `${how}; per line, the shift of the audio's energy envelope (10 ms) that jawOpen follows best (cross-correlation peak, 5 ms steps; negative: the mouth ahead), median over the ${lags.length} lines (${lags.join(', ')})`,
      },
      {
        name: 'lipsync_mouth_frame_gap_ms_p95',
        value: round(percentile(frameGaps, 95), 1),
        unit: 'ms',
        how: `${how}; gaps between the page's animation frames (the mouth samples) while the lines play: the resolution of lipsync_offset_ms_p95 here`,
      },
      {
        name: 'lipsync_render_pixel_ratio_median',
        value: round(median(ratios), 3),
        unit: 'ratio',
        how: `${how}; the avatar's WebGL drawing buffer width / its CSS width right after each of the ${ratios.length} lines (${ratios.map((r) => round(r, 3)).join(', ')}): the adaptive resolution in use (software GL's full ratio is 0.6, its floor 0.3), median`,
      },
      {
        name: 'lipsync_correlation_zh',
        value: round(mean(corr['zh-CN']), 3),
        unit: 'r',
        target: '>= 0.6',
        how: `${how}; mean Pearson r of jawOpen vs 20 ms RMS envelope over ${ZH_LINES.length} Chinese lines, the first right after the page loads`,
      },
      {
        name: 'lipsync_correlation_en',
        value: round(mean(corr.en), 3),
        unit: 'r',
        target: '>= 0.6',
        how: `${how}; mean Pearson r of jawOpen vs 20 ms RMS envelope over ${EN_LINES.length} English lines`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
