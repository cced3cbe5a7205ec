// Page JS heap across 50 customer journeys on the real branch (hub, simulator, agent): start, English,
// a common service answered from the knowledge base, end, finish (wipe). Heap measured after a forced
// garbage collection, once after the first journey (warm) and again after the fiftieth; a heap snapshot at
// both points splits the growth into V8's compiled code (warm-up) and everything else (what a leak holds).
import type { Browser, Page } from 'playwright-core';
import { startBranch } from '../test/browser/support/branch-process.ts';
import type { Figure } from './figure.ts';
import { heapSplit, type HeapSplit } from './heap-snapshot.ts';
import { round } from './stats.ts';

/** Buttons are disabled while the agent reports the service unavailable (e.g. a starved link heartbeat). */
const SLOW = { timeout: 60_000 };

async function journey(page: Page): Promise<void> {
  await page.getByTestId('start').and(page.locator(':enabled')).waitFor(SLOW);
  await page.getByTestId('start').click();
  await page.getByTestId('lang-en').and(page.locator(':enabled')).waitFor(SLOW);
  await page.getByTestId('lang-en').click();
  const service = page.getByTestId('service-hours');
  await service.and(page.locator(':enabled')).waitFor(SLOW);
  await service.click();
  await page.getByTestId('answer-title').and(page.locator(':visible')).waitFor();
  await page.getByTestId('end-session').click();
  await page.getByTestId('wrapup-done').click();
  await page.getByTestId('start').waitFor({ state: 'visible' });
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

export async function heapFigures(browser: Browser, journeys = 50): Promise<Figure[]> {
  const branch = await startBranch();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(branch.runtime.pages.kiosk);
    await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor();
    await journey(page);
    const first = await usedHeap(page);
    const cdp = await page.context().newCDPSession(page);
    const splitFirst = await heapSplit(cdp);
    const series: number[] = [first];
    for (let i = 1; i < journeys; i++) {
      await journey(page);
      if ((i + 1) % 10 === 0) series.push(await usedHeap(page));
    }
    const last = series[series.length - 1]!;
    const splitLast = await heapSplit(cdp);
    await cdp.detach();
    const tenth = series[1] ?? first;
    console.log(
      `  heap MiB after 1, 10, 20 ... journeys: ${series.map((b) => (b / 2 ** 20).toFixed(2)).join(' ')}`,
    );
    await page.close();
    const how = `${journeys} journeys (start, English, opening-hours service answered by the agent, end, finish/wipe) on the real branch in headless Chromium; JS heap used after forced GC (CDP)`;
    return [
      {
        name: 'heap_growth_pct_50_journeys',
        value: round(((last - first) / first) * 100, 2),
        unit: '%',
        target: '<= 10',
        how: `${how}, journey 50 vs journey 1`,
      },
      {
        name: 'heap_growth_pct_journeys_10_to_50',
        value: round(((last - tenth) / tenth) * 100, 2),
        unit: '%',
        target: 'report',
        how: `${how}, journey 50 vs journey 10 (after most of the engine's warm-up compilation); heap after journeys 1, 10, 20, 30, 40, 50: ${series.map((b) => (b / 2 ** 20).toFixed(2)).join(', ')} MiB`,
      },
      ...splitFigures(splitFirst, splitLast, how),
      {
        name: 'heap_mb_after_1_journey',
        value: round(first / 2 ** 20, 2),
        unit: 'MiB',
        target: 'report',
        how,
      },
      {
        name: 'heap_mb_after_50_journeys',
        value: round(last / 2 ** 20, 2),
        unit: 'MiB',
        target: 'report',
        how,
      },
    ];
  } finally {
    await branch.stop();
  }
}

function splitFigures(first: HeapSplit, last: HeapSplit, how: string): Figure[] {
  const mib = (b: number) => round(b / 2 ** 20, 2);
  const snapshotHow = `${how}; heap snapshot after journey 1 and journey 50: compiled code ${mib(first.code)} -> ${mib(last.code)} MiB, everything else ${mib(first.other)} -> ${mib(last.other)} MiB`;
  return [
    {
      name: 'heap_growth_pct_50_journeys_excl_code',
      value: round(((last.other - first.other) / first.other) * 100, 2),
      unit: '%',
      target: '<= 10 (what a leak would hold)',
      how: `${snapshotHow}; growth of everything but compiled code`,
    },
    {
      name: 'heap_code_growth_mb_50_journeys',
      value: mib(last.code - first.code),
      unit: 'MiB',
      target: 'report',
      how: `${snapshotHow}; V8 bytecode and machine code compiled as functions that run once a journey warm up`,
    },
  ];
}
