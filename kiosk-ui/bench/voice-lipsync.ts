// The kiosk's voice: how fast espeak-ng (through the device-agent's EspeakVoice, warm processes) turns a
// 20-character Chinese sentence into audio, its real-time factor, and, in Chromium, how well the avatar's
// mouth follows the audio the page actually renders (recorded by an AudioWorklet tap): correlation of
// jaw openness with the energy envelope per language, and the offset between voiced onsets and the mouth
// opening. Lines are the kiosk's own kind of answers; none of them is a line the browser test uses.
import { AUTOPLAY_ARGS, launchChromium } from '../test/browser/support/chromium.ts';
import {
  installTap,
  lipCorrelation,
  onsetOffsets,
  readCapture,
  resetCapture,
  startMouthSampling,
} from '../test/browser/support/voice-capture.ts';
import { ensureBuilt, serveKioskWithVoice } from '../test/browser/support/voice-server.ts';
import type { Figure } from './figure.ts';
import { percentile, round } from './stats.ts';

/** 20 Han characters (plus punctuation). */
const ZH20 = '您的银行卡已经办理好了，请在右侧取卡口领取。';
const RUNS = 20;
const ZH_LINES = [
  '本网点营业时间是周一至周五，上午九点到下午五点。',
  '请您携带身份证原件，到柜台办理挂失手续。',
];
const EN_LINES = [
  'Our branch is open from nine in the morning until five in the afternoon.',
  'Please bring your identity card to the counter to report a lost card.',
];

export async function voiceFigures(): Promise<Figure[]> {
  await ensureBuilt();
  const server = await serveKioskWithVoice();
  const browser = await launchChromium(AUTOPLAY_ARGS);
  try {
    await new Promise((r) => setTimeout(r, 500)); // the espeak-ng processes load their dictionaries
    const firstAudio: number[] = [];
    const rtf: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const line = await server.voice.synthesize(ZH20, 'zh-CN');
      firstAudio.push(line.synthMs);
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
    // The kiosk always greets first; the first line after a page load is measured apart from the rest
    // because its audio clock is still settling (seen here: its correlation can be far off).
    await page.evaluate(() =>
      (
        globalThis as unknown as { __branchKiosk: { avatar: { speak(a: string, b: string): Promise<void> } } }
      ).__branchKiosk.avatar.speak('您好。', 'zh-CN'),
    );
    const corr: Record<'zh-CN' | 'en', number[]> = { 'zh-CN': [], en: [] };
    const offsets: number[] = [];
    for (const [locale, lines] of [
      ['zh-CN', ZH_LINES],
      ['en', EN_LINES],
    ] as const) {
      for (const text of lines) {
        await resetCapture(page);
        await page.evaluate(
          ([t, l]) =>
            (
              globalThis as unknown as {
                __branchKiosk: { avatar: { speak(a: string, b: string): Promise<void> } };
              }
            ).__branchKiosk.avatar.speak(t!, l!),
          [text, locale],
        );
        await page.waitForTimeout(200);
        const c = await readCapture(page);
        corr[locale].push(lipCorrelation(c));
        offsets.push(...onsetOffsets(c));
      }
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const how = 'kiosk page in Chromium, espeak-ng via EspeakVoice; audio recorded by an AudioWorklet tap';
    return [
      {
        name: 'tts_first_audio_ms_p50',
        value: round(percentile(firstAudio, 50), 1),
        unit: 'ms',
        target: '<= 150',
        how: `${RUNS} syntheses of a 20-character Chinese sentence, request to complete WAV (the page plays only whole lines), warm espeak-ng processes`,
      },
      {
        name: 'tts_realtime_factor',
        value: round(percentile(rtf, 50), 3),
        unit: 'ratio',
        target: '<= 0.2',
        how: `median synthesis time / audio length over the same ${RUNS} syntheses`,
      },
      {
        name: 'lipsync_offset_ms_p95',
        value: round(percentile(offsets, 95), 1),
        unit: 'ms',
        target: '<= 60',
        how: `${how}; |mouth opening - voiced onset| over ${offsets.length} onsets (energy above 10% of peak after >= 60 ms quiet; mouth above 25% of its peak)`,
      },
      {
        name: 'lipsync_correlation_zh',
        value: round(mean(corr['zh-CN']), 3),
        unit: 'r',
        target: '>= 0.6',
        how: `${how}; mean Pearson r of jawOpen vs 20 ms RMS envelope over ${ZH_LINES.length} Chinese lines`,
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
