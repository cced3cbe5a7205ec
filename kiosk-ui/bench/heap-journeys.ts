// Page JS heap across 100 customer journeys on the real branch (hub, simulator, agent): start, English,
// a common service answered from the knowledge base, end, finish (wipe). Heap measured after a forced
// garbage collection after journey 1, every tenth journey, and 100; a heap snapshot after journeys 1, 50
// and 100 splits the growth into V8's compiled code (warm-up) and everything else (what a leak holds).
// Journeys 50 to 100 show whether the heap is flat once the code has warmed; 50 more (to 150) show where
// V8's compiled code levels off: it grows only while functions first reach each tier.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startBranch } from '../test/browser/support/branch-process.ts';
import type { Figure } from './figure.ts';
import { heapSplit, type HeapSplit } from './heap-snapshot.ts';
import { round } from './stats.ts';

/** Buttons are disabled while the agent reports the service unavailable (e.g. a starved link heartbeat). */
const SLOW = { timeout: 60_000 };

/**
 * Touches English; a session the agent refused (the service went unavailable just as English was
 * touched) leaves the language choice on screen, as a customer would see it, so English is touched again
 * once enabled (at most twice more). Returns how many times it was touched again.
 */
async function chooseEnglish(page: Page): Promise<number> {
  for (let again = 0; ; again++) {
    await page.getByTestId('lang-en').and(page.locator(':enabled')).waitFor(SLOW);
    await page.getByTestId('lang-en').click();
    const started = await page
      .getByTestId('service-hours')
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (started || again === 2) return again;
  }
}

/** One journey; returns how many times English had to be touched again. */
async function journey(page: Page): Promise<number> {
  await page.getByTestId('start').and(page.locator(':enabled')).waitFor(SLOW);
  await page.getByTestId('start').click();
  const again = await chooseEnglish(page);
  const service = page.getByTestId('service-hours');
  await service.and(page.locator(':enabled')).waitFor(SLOW);
  await service.click();
  await page.getByTestId('answer-title').and(page.locator(':visible')).waitFor();
  await page.getByTestId('end-session').click();
  await page.getByTestId('wrapup-done').click();
  await page.getByTestId('start').waitFor({ state: 'visible' });
  return again;
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

export async function heapFigures(browser: Browser, journeys = 100): Promise<Figure[]> {
  const half = Math.floor(journeys / 2);
  const extra = journeys + half;
  const branch = await startBranch();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(branch.runtime.pages.kiosk);
    await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor();
    let retried = await journey(page);
    const cdp = await page.context().newCDPSession(page);
    const heapAt = new Map<number, number>([[1, await usedHeap(cdp)]]);
    const splits = new Map<number, HeapSplit>([[1, await heapSplit(cdp)]]);
    for (let i = 2; i <= extra; i++) {
      retried += await journey(page).catch((err: unknown) => failedJourney(page, i, err));
      if (i % 10 === 0 || i === half) heapAt.set(i, await usedHeap(cdp));
      if (i === half || i === journeys || i === extra) splits.set(i, await heapSplit(cdp));
    }
    await cdp.detach();
    await page.close();
    const at = (n: number) => heapAt.get(n)!;
    const series = [...heapAt].map(([n, b]) => `${n}: ${(b / 2 ** 20).toFixed(2)}`).join(', ');
    console.log(`  heap MiB after journeys ${series}`);
    const how = `journeys (start, English, opening-hours service answered by the agent, end, finish/wipe) on the real branch in headless Chromium; JS heap used after forced GC (CDP); MiB after journeys ${series}; ${retried} times a session start was refused (service unavailable) and English touched again`;
    const growth = (from: number, to: number) => round(((at(to) - at(from)) / at(from)) * 100, 2);
    return [
      {
        name: `heap_growth_pct_${half}_journeys`,
        value: growth(1, half),
        unit: '%',
        target: '<= 10, or a bounded code cache (heap_growth_pct_journeys_50_to_100)',
        how: `${how}; journey ${half} vs journey 1`,
      },
      {
        name: `heap_growth_pct_journeys_${half}_to_${journeys}`,
        value: growth(half, journeys),
        unit: '%',
        target: '<= 2',
        how: `${how}; journey ${journeys} vs journey ${half}: flat once the code has warmed`,
      },
      {
        name: 'heap_growth_pct_journeys_10_to_50',
        value: growth(10, half),
        unit: '%',
        target: 'report',
        how: `${how}; journey ${half} vs journey 10`,
      },
      {
        name: `heap_growth_pct_journeys_${journeys}_to_${extra}`,
        value: growth(journeys, extra),
        unit: '%',
        target: 'report (<= 2)',
        how: `${how}; journey ${extra} vs journey ${journeys}`,
      },
      ...splitFigures([splits.get(1)!, splits.get(half)!, splits.get(journeys)!, splits.get(extra)!], how),
      {
        name: 'heap_mb_after_1_journey',
        value: round(at(1) / 2 ** 20, 2),
        unit: 'MiB',
        target: 'report',
        how,
      },
      {
        name: `heap_mb_after_${journeys}_journeys`,
        value: round(at(journeys) / 2 ** 20, 2),
        unit: 'MiB',
        target: 'report',
        how,
      },
    ];
  } finally {
    await branch.stop();
  }
}

/** Says which journey stopped and where, with a screenshot, instead of only the locator that timed out. */
async function failedJourney(page: Page, i: number, err: unknown): Promise<never> {
  const shot = 'test-output/bench/heap-journey-failed.png';
  await page.screenshot({ path: shot }).catch(() => {});
  const status = await page
    .getByTestId('connection-status')
    .getAttribute('data-state', { timeout: 1000 })
    .catch(() => 'unknown');
  throw new Error(
    `journey ${i} stopped (connection ${status}; screenshot ${shot}): ${(err as Error).message}`,
    {
      cause: err,
    },
  );
}

/** Snapshots after journeys 1, 50, 100 and 150. */
function splitFigures([first, mid, last, extra]: HeapSplit[], how: string): Figure[] {
  const mib = (b: number) => round(b / 2 ** 20, 2);
  const series = (value: (s: HeapSplit) => number) =>
    [first, mid, last, extra].map((s) => value(s!)).join(' -> ');
  const code = series((s) => mib(s.code));
  const other = series((s) => mib(s.other));
  const fns = series((s) => s.machineCode);
  const snapshotHow = `${how}; heap snapshots after journeys 1, 50, 100, 150: compiled code ${code} MiB (machine-code objects ${fns}), everything else ${other} MiB`;
  return [
    {
      name: 'heap_growth_pct_50_journeys_excl_code',
      value: round(((mid!.other - first!.other) / first!.other) * 100, 2),
      unit: '%',
      target: '<= 10 (what a leak would hold)',
      how: `${snapshotHow}; growth of everything but compiled code, journey 50 vs 1`,
    },
    {
      name: 'heap_growth_pct_journeys_50_to_150_excl_code',
      value: round(((extra!.other - mid!.other) / mid!.other) * 100, 2),
      unit: '%',
      target: '<= 2 (flat once warm)',
      how: `${snapshotHow}; growth of everything but compiled code, journey 150 vs 50`,
    },
    {
      name: 'heap_code_growth_mb_50_journeys',
      value: mib(mid!.code - first!.code),
      unit: 'MiB',
      target: 'report',
      how: `${snapshotHow}; V8 bytecode and machine code compiled as functions that run once a journey warm up`,
    },
    {
      name: 'heap_code_growth_mb_journeys_50_to_100',
      value: mib(last!.code - mid!.code),
      unit: 'MiB',
      target: '<= 0.1 (the code cache is bounded once warm)',
      how: `${snapshotHow}; compiled code added between journey 50 and 100`,
    },
    {
      name: 'heap_machine_code_added_journeys_50_to_100',
      value: last!.machineCode - mid!.machineCode,
      unit: 'functions',
      target: 'report (why the code still grows: functions reaching a compiled tier)',
      how: `${snapshotHow}; machine-code objects (one per function compiled past bytecode) added between journey 50 and 100`,
    },
    {
      name: 'heap_machine_code_added_journeys_100_to_150',
      value: extra!.machineCode - last!.machineCode,
      unit: 'functions',
      target: 'report',
      how: `${snapshotHow}; machine-code objects added between journey 100 and 150`,
    },
    {
      name: 'heap_code_growth_mb_journeys_100_to_150',
      value: mib(extra!.code - last!.code),
      unit: 'MiB',
      target: '< heap_code_growth_mb_journeys_50_to_100 (levelling off)',
      how: `${snapshotHow}; compiled code added between journey 100 and 150`,
    },
  ];
}
