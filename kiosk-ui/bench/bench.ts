// kiosk-ui benchmarks (npm run bench -w kiosk-ui): avatar frame cost against a static baseline, page heap
// over 100 journeys on the real branch, production bundle size per page, emotion cues against the
// @vladmandic/human peer, the voice (espeak-ng) and its lip-sync. Writes bench-results/kiosk-ui.json in
// the format of ../shared/DESIGN.md.
// Benchmarks report; they do not fail.
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/browser/support/chromium.ts';
import { writeResults } from '../../scripts/lib/bench-results.ts';
import { avatarFrameFigures } from './avatar-frames.ts';
import { bundleFigures } from './bundle-size.ts';
import { emotionCueFigures } from './emotion-cues.ts';
import type { Figure } from './figure.ts';
import { heapFigures } from './heap-journeys.ts';
import { handoffFigures } from './handoff-first-frame.ts';
import { voiceFigures } from './voice-lipsync.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const figures: Figure[] = [];
const browser = await launchChromium();
try {
  for (const [name, run] of [
    ['avatar frames', () => avatarFrameFigures(browser)],
    ['heap over journeys', () => heapFigures(browser)],
    ['bundle size', () => bundleFigures(browser, dist)],
    ['emotion cues', () => emotionCueFigures(browser)],
    ['handoff first frame', () => handoffFigures()],
    ['voice and lip-sync', () => voiceFigures()],
  ] as const) {
    // KIOSK_BENCH_ONLY=voice (a part of a name) runs only the matching measurements.
    if (process.env.KIOSK_BENCH_ONLY && !name.includes(process.env.KIOSK_BENCH_ONLY)) continue;
    const started = performance.now();
    let got: Figure[];
    try {
      got = await run();
    } catch (err) {
      // One failed measurement must not lose the others; the report says what is missing.
      console.error(`${name} failed: ${(err as Error).message}`);
      continue;
    }
    figures.push(...got);
    console.log(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const f of got) console.log(`  ${f.name} = ${f.value} ${f.unit} (target ${f.target})`);
  }
} finally {
  await browser.close();
}
writeResults('kiosk-ui', figures);
