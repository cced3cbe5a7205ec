// A model build written as a generator: it yields between small steps (one example, one article), so
// the same code runs either straight through (kb:eval, tests) or in slices that give the event loop
// back (the agent: the arm's heartbeat stops when the main thread is blocked for 100 ms). Both give the
// same model: the order of the steps is the same, only the pauses between them differ.

/** A build: yields between steps, returns the model. */
export type BuildSteps<T> = Generator<void, T, void>;

/** Runs a build to the end without pausing. */
export function runToEnd<T>(steps: BuildSteps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs a build in slices of about `sliceMs`, awaiting setImmediate between slices so timers, I/O and
 * other callbacks run while it trains. A single step longer than a slice still runs whole.
 */
export async function runInSlices<T>(steps: BuildSteps<T>, sliceMs = 8): Promise<T> {
  for (;;) {
    const end = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= end) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
