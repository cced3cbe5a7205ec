// One benchmark figure, in the shape of ../shared/DESIGN.md "Benchmarks".
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  how: string;
}
