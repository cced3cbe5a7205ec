// The wallboard's chart (uPlot, MIT): offered, answered, answered in time and abandoned calls per bucket
// of the window, as the hub counted them.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WallboardResponse } from './supervisor-api.ts';

const SERIES = [
  { key: 'offered', stroke: '#1d3557' },
  { key: 'answered', stroke: '#1e6b3a' },
  { key: 'answeredInTarget', stroke: '#c9a227' },
  { key: 'abandoned', stroke: '#b3261e' },
] as const;

export type ChartLabels = Record<(typeof SERIES)[number]['key'], string>;

/** The chart's columns: bucket starts (unix seconds), then each series' counts. */
export function chartData(series: WallboardResponse['series']): uPlot.AlignedData {
  return [series.starts.map((ms) => ms / 1000), ...SERIES.map((s) => series[s.key])];
}

export class WallboardChart {
  private plot: uPlot | null = null;

  constructor(
    private readonly target: HTMLElement,
    private readonly labels: ChartLabels,
  ) {}

  show(series: WallboardResponse['series']): void {
    const data = chartData(series);
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    const width = Math.max(320, this.target.clientWidth || 900);
    this.plot = new uPlot(
      {
        width,
        height: 260,
        scales: { x: { time: true } },
        series: [
          {},
          ...SERIES.map((s) => ({
            label: this.labels[s.key],
            stroke: s.stroke,
            width: 2,
            points: { show: true },
          })),
        ],
        axes: [{}, { label: '', values: (_u: uPlot, ticks: number[]) => ticks.map((t) => String(t)) }],
      },
      data,
      this.target,
    );
  }

  /** The buckets as drawn (for the page's own check that the chart holds the hub's numbers). */
  drawn(): number[][] {
    return (this.plot?.data ?? []).slice(1).map((col) => [...(col as number[])]);
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
  }
}
