// The real branch in a box for browser tests; the launcher's own helper (scripts/lib) starts it.
export * from '../../../../scripts/lib/branch-process.ts';
