import { defineConfig } from 'vitest/config';

// Three projects so that `npm test` can run fast unit tests first, then integration tests on real
// parts (pty simulator, SQLite, PostgreSQL), then browser tests in Debian's Chromium.
const TIMED_PARTS = ['firmware-bridge/test/**/*.test.ts', 'device-agent/test/**/*.test.ts'];

// The browser files: each owns its branch, hub and browsers, and stops them in afterAll.
const BROWSER_TEST = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // A page reacts to another process (hub, agent, a second browser): on a loaded 2-core machine that can
  // take more than expect.poll's default second. This bounds a wait; it times nothing.
  expect: { poll: { timeout: 15_000 } },
  // One file at a time: two side by side (tried) saved a little and made the timing-bound tests (idle
  // warning, agent reconnect) fail on a 2-core machine.
  fileParallelism: false,
  // One worker imports playwright-core and the support files once for all of a project's files.
  isolate: false,
};
/** The wallboard's paced hour, which waits more than it works: see the browser-paced project. */
const PACED_BROWSER_FILE = 'kiosk-ui/test/browser/supervisor-wallboard.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['*/src/**/*.test.ts', 'scripts/lib/**/*.test.ts', 'eslint-rules/*.test.ts'],
          environment: 'node',
          // Pure code: the files share one module graph per worker (60 s -> 26 s on 2 cores); a test
          // that changes a global (fake timers, env) puts it back.
          isolate: false,
        },
      },
      {
        // Hubs, stores, deploy scripts and the whole branch: each file owns its ports, databases and
        // temporary folders, so two run side by side (one per core). Without per-file isolation, as in
        // the unit project: a worker imports the parts once instead of once per file (their imports took
        // 57-71 s of a run, now 15 s; the whole step 233-268 s -> 213 s). A file that changes a global
        // (env, timers, signal handlers) puts it back, and every process it starts it stops.
        test: {
          name: 'integration',
          include: ['*/test/**/*.test.ts'],
          isolate: false,
          exclude: ['*/test/browser/**', '**/node_modules/**', ...TIMED_PARTS],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The firmware simulator and the device-agent's arm: watchdogs, halts and retries run on real
        // timers, so these files run after the others, two at a time (one per core; 165 s -> 88 s). The
        // heartbeat has a thread of its own and the simulator's clock skips its own stalls, so a busy
        // core no longer reads as a dead host. Not isolated either (115 s -> 83 s on its own).
        test: {
          name: 'integration-timed',
          include: TIMED_PARTS,
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          ...BROWSER_TEST,
          name: 'browser',
          include: ['*/test/browser/**/*.test.ts'],
          exclude: [PACED_BROWSER_FILE, '**/node_modules/**'],
        },
      },
      {
        // The wallboard's scripted hour is paced at 60x by the issue: 60 s of real time in which it uses
        // about 3% of a core (its hub's clock is set to each scripted step, so a late timer changes
        // nothing). `npm run test:browser` runs this project in a second vitest process beside the
        // other browser files (one vitest process ran the two projects one after the other).
        test: {
          ...BROWSER_TEST,
          name: 'browser-paced',
          include: [PACED_BROWSER_FILE],
        },
      },
    ],
  },
});
