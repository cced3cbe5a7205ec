// Avatar frame cost: the bench page drawn for N seconds animated (speaking, moods, gaze) and as a static
// baseline (same mesh, no animation), one after the other in the same browser, headless Chromium with
// SwiftShader WebGL, uncapped (every animation frame the browser gives).
import type { Browser } from 'playwright-core';
import { serveStatic } from '../test/browser/static-server.ts';
import { buildBenchPages } from './build-pages.ts';
import { percentile, round } from './stats.ts';
import type { Figure } from './figure.ts';

interface FrameResult {
  mode: string;
  renderer: string;
  frames: number;
  seconds: number;
  anim: number[];
  frame: number[];
}

async function runMode(browser: Browser, url: string, mode: string, seconds: number): Promise<FrameResult> {
  // The portrait kiosk's stage: 1080 wide, 44% of 1920 tall.
  const page = await browser.newPage({ viewport: { width: 1080, height: 845 } });
  await page.goto(`${url}/avatar-frames.html?mode=${mode}&seconds=${seconds}`);
  const result = (await page.evaluate(
    () => (globalThis as unknown as { __bench: Promise<unknown> }).__bench,
  )) as FrameResult;
  await page.close();
  return result;
}

export async function avatarFrameFigures(browser: Browser, seconds = 10): Promise<Figure[]> {
  const dir = await buildBenchPages();
  const server = await serveStatic(dir);
  try {
    // Interleaved in five rounds (static, animated), a fifth of the time each, so that warm-up and the
    // load of other processes on this 2-core machine fall on both alike.
    const rounds = 5;
    const slice = seconds / rounds;
    const runs: FrameResult[] = [];
    const order = Array.from({ length: rounds }, () => ['static', 'animated']).flat();
    for (const mode of order) runs.push(await runMode(browser, server.url, mode, slice));
    const merge = (mode: string): FrameResult => {
      const rs = runs.filter((r) => r.mode === mode);
      return {
        mode,
        renderer: rs[0]!.renderer,
        frames: rs.reduce((s, r) => s + r.frames, 0),
        seconds: rs.reduce((s, r) => s + r.seconds, 0),
        anim: rs.flatMap((r) => r.anim),
        frame: rs.flatMap((r) => r.frame),
      };
    };
    const base = merge('static');
    const anim = merge('animated');
    if (anim.renderer !== 'webgl') throw new Error(`expected WebGL, got ${anim.renderer}`);
    const fps = anim.frames / anim.seconds;
    const baseFps = base.frames / base.seconds;
    const how = `headless Chromium, SwiftShader WebGL, 1080x845 stage (portrait kiosk), ${seconds} s uncapped rAF loop per mode (five interleaved rounds, each page after 1 s warm-up)`;
    return [
      {
        name: 'avatar_fps',
        value: round(fps, 2),
        unit: 'fps',
        target: '>= 0.9 x static_baseline_fps',
        how: `${how}; speaking zh/en lines back to back, moods and gaze changing, blinking`,
      },
      {
        name: 'static_baseline_fps',
        value: round(baseFps, 2),
        unit: 'fps',
        target: 'baseline',
        how: `${how}; same mesh redrawn with no animation (same run, just before)`,
      },
      {
        name: 'avatar_fps_ratio_vs_static',
        value: round(fps / baseFps, 3),
        unit: 'ratio',
        target: '>= 0.9',
        how: 'avatar_fps / static_baseline_fps',
      },
      {
        name: 'avatar_anim_js_ms_p50',
        value: round(percentile(anim.anim, 50), 4),
        unit: 'ms',
        target: '<= 2',
        how: 'median main-thread time of FaceAnimator.sample (moods, visemes, blinks, gaze) per frame, performance.now()',
      },
      {
        name: 'avatar_anim_js_ms_p95',
        value: round(percentile(anim.anim, 95), 4),
        unit: 'ms',
        target: '<= 2',
        how: 'p95 of the same',
      },
      {
        name: 'avatar_frame_cpu_ms_p50',
        value: round(percentile(anim.frame, 50), 3),
        unit: 'ms',
        target: 'report',
        how: 'median main-thread ms per frame for animation + three.js render call (GPU-process rasterisation excluded)',
      },
      {
        name: 'avatar_frame_cpu_ms_p95',
        value: round(percentile(anim.frame, 95), 3),
        unit: 'ms',
        target: 'report',
        how: 'p95 of the same',
      },
      {
        name: 'static_frame_cpu_ms_p95',
        value: round(percentile(base.frame, 95), 3),
        unit: 'ms',
        target: 'baseline',
        how: 'p95 main-thread ms per frame of the static baseline render call',
      },
    ];
  } finally {
    await server.close();
  }
}
