// The one benchmark results writer of every part: sample statistics and the bench-results JSON shape of
// the design ("Benchmarks": part, when, machine, figures). Each part's bench imports it from here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface Figure {
  name: string;
  /** null when the measurement itself failed (its `how` then says why). */
  value: number | null;
  unit: string;
  target?: string;
  how: string;
}

/** The nearest-rank percentile p (0..100) of the samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export const median = (samples: number[]): number => percentile(samples, 50);

/** How many times a bench repeats a latency run whose tail it reports (see `tailOfRuns`). */
export const TAIL_RUNS = 5;

/**
 * A tail figure of repeated runs: percentile p of each run, then the median of those. One run that a
 * neighbour on the machine disturbed moves it no more than one sample moves a median.
 */
export function tailOfRuns(runs: number[][], p: number): { value: number; perRun: number[] } {
  const perRun = runs.map((r) => percentile(r, p));
  return { value: median(perRun), perRun };
}

export const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

export const RESULTS_DIR = fileURLToPath(new URL('../../bench-results/', import.meta.url));

/** Writes bench-results/PART.json, prints it, and returns the file's path. */
export function writeResults(part: string, figures: Figure[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${part}.json`;
  const body = {
    part,
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` },
    figures,
  };
  const text = `${JSON.stringify(body, null, 2)}\n`;
  writeFileSync(file, text);
  console.log(text);
  return file;
}
