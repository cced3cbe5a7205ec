// Sample statistics for the kiosk-ui benchmarks: the one implementation in scripts/lib/bench-results.ts.
export { median, percentile, round } from '../../scripts/lib/bench-results.ts';
