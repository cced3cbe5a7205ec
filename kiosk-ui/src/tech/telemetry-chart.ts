// A small rolling line chart on a canvas: one line per series, a fixed window of samples, auto-scaled.
const COLOURS = ['#1d3557', '#c9a227', '#b3261e', '#1e6b3a', '#6a4c93', '#e07a5f'];

export class TelemetryChart {
  private readonly series: number[][] = [];
  private frame = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly window = 150,
  ) {}

  push(values: readonly number[]): void {
    values.forEach((v, i) => {
      const s = (this.series[i] ??= []);
      s.push(v);
      if (s.length > this.window) s.shift();
    });
    // Draw at most once per animation frame, however fast samples arrive.
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
  }

  samples(): number {
    return this.series[0]?.length ?? 0;
  }

  private draw(): void {
    this.frame = 0;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const { width: w, height: h } = this.canvas;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#f7f9fc';
    ctx.fillRect(0, 0, w, h);
    const all = this.series.flat();
    if (all.length === 0) return;
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (hi - lo < 1) {
      hi += 0.5;
      lo -= 0.5;
    }
    const y = (v: number) => h - 8 - ((v - lo) / (hi - lo)) * (h - 16);
    ctx.strokeStyle = '#d5dde8';
    ctx.beginPath();
    ctx.moveTo(0, y(0));
    ctx.lineTo(w, y(0));
    ctx.stroke();
    this.series.forEach((s, i) => {
      ctx.strokeStyle = COLOURS[i % COLOURS.length] as string;
      ctx.lineWidth = 2;
      ctx.beginPath();
      s.forEach((v, k) => {
        const x = (k / (this.window - 1)) * w;
        if (k === 0) ctx.moveTo(x, y(v));
        else ctx.lineTo(x, y(v));
      });
      ctx.stroke();
    });
    ctx.fillStyle = '#4a5868';
    ctx.font = '12px sans-serif';
    ctx.fillText(hi.toFixed(1), 4, 14);
    ctx.fillText(lo.toFixed(1), 4, h - 4);
  }
}
