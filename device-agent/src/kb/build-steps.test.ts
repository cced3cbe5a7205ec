import { describe, expect, it } from 'vitest';
import { runInSlices, runToEnd, type BuildSteps } from './build-steps.ts';

/** A build of `n` steps that each take `stepMs` of busy CPU and record their order. */
function* busySteps(n: number, stepMs: number, log: string[]): BuildSteps<number> {
  for (let i = 0; i < n; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until);
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('build steps', () => {
  it('runs straight through without pausing', () => {
    const log: string[] = [];
    setImmediate(() => log.push('immediate'));
    expect(runToEnd(busySteps(3, 1, log))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });

  it('gives the event loop back between slices, with the same result', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('immediate'));
    // 20 steps of 2 ms in slices of 5 ms: the callback queued first runs after the first slice.
    expect(await runInSlices(busySteps(20, 2, log), 5)).toBe(20);
    const at = log.indexOf('immediate');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(log.length - 1);
    expect(log.filter((l) => l !== 'immediate')).toEqual(Array.from({ length: 20 }, (_, i) => `step ${i}`));
  });
});
