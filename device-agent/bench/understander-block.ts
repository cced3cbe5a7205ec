// How long the question understander's build holds the event loop: the agent builds it in slices when
// the articles change (build-steps.ts), the old path built it in one go on a customer's question. A
// chained setImmediate records the time between its turns: the longest gap is the longest block. Run
// alone with `node --import tsx bench/understander-block.ts` to print the figures.
import { performance } from 'node:perf_hooks';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { median, round, type Figure } from '../../scripts/lib/bench-results.ts';
import { loadSegmenterDictionary } from '../src/knowledge/chinese-segmenter.ts';
import {
  buildKioskUnderstander,
  createKioskUnderstander,
  loadTrainingExamples,
} from '../src/knowledge/kiosk-understander.ts';

const ROUNDS = 5;

/** Runs `build` with a setImmediate chain beside it: its total time and the longest gap between turns. */
async function watched(build: () => Promise<unknown>): Promise<{ totalMs: number; longestMs: number }> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  await build();
  const totalMs = performance.now() - t0;
  running = false;
  // The stretch from the last turn to the end of the build counts too.
  longest = Math.max(longest, performance.now() - last);
  return { totalMs, longestMs: longest };
}

export async function understanderBuildFigures(): Promise<Figure[]> {
  // As the agent does at start (before the arm link): the word dictionary and the training split.
  const t0 = performance.now();
  loadSegmenterDictionary();
  loadTrainingExamples();
  const startupMs = performance.now() - t0;
  const sliced: { totalMs: number; longestMs: number }[] = [];
  const straight: { totalMs: number; longestMs: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    sliced.push(await watched(() => buildKioskUnderstander(DEFAULT_ARTICLES)));
    straight.push(await watched(async () => createKioskUnderstander(DEFAULT_ARTICLES)));
  }
  const how = `${DEFAULT_ARTICLES.length} starter articles, ${ROUNDS} builds each way, median; a chained setImmediate beside the build records the longest time between its turns`;
  return [
    {
      name: 'understander_build_longest_block_ms',
      value: round(median(sliced.map((s) => s.longestMs)), 1),
      unit: 'ms',
      target: '<= 20',
      how: `${how}: the build as the agent runs it (buildKioskUnderstander, slices of about 8 ms)`,
    },
    {
      name: 'understander_build_sliced_total_ms',
      value: round(median(sliced.map((s) => s.totalMs)), 1),
      unit: 'ms',
      how: `${how}: wall time of the sliced build, start to model`,
    },
    {
      name: 'understander_build_unsliced_block_ms',
      value: round(median(straight.map((s) => s.longestMs)), 1),
      unit: 'ms',
      how: `${how}: the same model built in one go (createKioskUnderstander, as kb:eval and the old ask path did): the whole build is one block`,
    },
    {
      name: 'understander_startup_load_ms',
      value: round(startupMs, 1),
      unit: 'ms',
      how: "jieba's word dictionary (packed, chinese-segmenter.ts) and the training split, loaded once at the agent's start before the arm link exists (one call, not sliced); first load in this process (the bench measures it before anything else loads them)",
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await understanderBuildFigures(), null, 2));
