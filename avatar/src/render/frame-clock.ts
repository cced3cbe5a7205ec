// The avatar's render loop timing: which animation frames draw (the frame-rate cap) and how far apart
// the page's frames come (what the adaptive resolution follows).

/** A little slack so a 60 Hz display does not drop a 30 fps cap to 20. */
const CAP_SLACK_MS = 4;

export class FrameClock {
  private lastDrawMs = -Infinity;
  private lastFrameTime: number | null = null;

  constructor(public intervalMs: number) {}

  /**
   * One animation frame: `frameTime` is the frame's own time (requestAnimationFrame's argument), `now`
   * the page clock. Returns whether to draw, and the gap to the previous frame (null for the first).
   */
  frame(frameTime: number | undefined, now: number): { draw: boolean; gapMs: number | null } {
    const gapMs =
      frameTime !== undefined && this.lastFrameTime !== null ? frameTime - this.lastFrameTime : null;
    this.lastFrameTime = frameTime ?? null;
    const draw = now - this.lastDrawMs >= this.intervalMs - CAP_SLACK_MS;
    if (draw) this.lastDrawMs = now;
    return { draw, gapMs };
  }
}
