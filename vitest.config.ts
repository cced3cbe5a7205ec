import { defineConfig } from 'vitest/config';

// Three projects so that `npm test` can run fast unit tests first, then integration tests on real
// parts (pty simulator, SQLite, PostgreSQL), then browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['*/src/**/*.test.ts', 'scripts/lib/**/*.test.ts', 'eslint-rules/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['*/test/**/*.test.ts'],
          exclude: ['*/test/browser/**', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['*/test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page reacts to another process (hub, agent, a second browser): on a loaded 2-core machine
          // that can take more than expect.poll's default second. This bounds a wait; it times nothing.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
