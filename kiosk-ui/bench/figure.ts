// One benchmark figure, in the shape of ../shared/DESIGN.md "Benchmarks": the shared type.
export type { Figure } from '../../scripts/lib/bench-results.ts';
