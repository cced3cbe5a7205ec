// Keeps the caption on the voice: reports how many characters of a line have been said as the line's
// audio clock passes each piece's start (the same pieces that time the lips). It ticks on a timer, not
// the render loop, which runs at 10 fps on software GL and not at all while the page is hidden.
import { saidChars, type EnginePiece } from './engine-plan.ts';

const TICK_MS = 40;

export interface SaidSoFarClock {
  /** performance.now() at which the line's 0 ms is (or was) heard; null: not known (yet, or any more). */
  lineZeroAt(): number | null;
  /** false once the line was interrupted. */
  current(): boolean;
  now(): number;
}

export class SaidSoFar {
  private timer: ReturnType<typeof setInterval> | null = null;
  private said = 0;
  private ended = false;

  constructor(
    private readonly pieces: readonly EnginePiece[],
    private readonly clock: SaidSoFarClock,
    private readonly onSaid: (chars: number) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.tick();
  }

  /** No more pieces will come: the tracker stops once the last one has been said. */
  streamEnded(): void {
    this.ended = true;
    this.tick();
  }

  tick(): void {
    if (!this.clock.current()) return this.stop();
    const zero = this.clock.lineZeroAt();
    const all = this.pieces.reduce((m, p) => Math.max(m, p.charEnd), 0);
    if (zero !== null) {
      // Never backwards: the audio clock is re-anchored as pieces arrive and may step back a little.
      const n = saidChars(this.pieces, this.clock.now() - zero);
      if (n > this.said) {
        this.said = n;
        this.onSaid(n);
      }
    }
    if (this.ended && (this.said >= all || zero === null)) this.stop();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
