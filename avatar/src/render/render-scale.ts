// Adaptive render resolution: the WebGL drawing buffer's pixel ratio follows how well the page keeps its
// frame rate. Software GL (SwiftShader, llvmpipe) and weak GPUs pay for every pixel of the face on the CPU
// or GPU the rest of the page shares; when the page's animation frames come late, the face is drawn with
// fewer pixels (CSS scales the canvas up), and when they come on time again it gets its pixels back.

export interface RenderScaleOptions {
  /** Pixel ratio to start at and never exceed (the renderer's full quality). */
  max: number;
  /** Pixel ratio never gone below. */
  min: number;
  /** Animation frames per measurement window. */
  windowFrames?: number;
  /** A window whose mean frame gap exceeds the display's interval by this factor is slow. */
  slowFactor?: number;
  /** A window whose mean frame gap is within this factor of the display's interval is fast. */
  fastFactor?: number;
  /** Consecutive fast windows before the pixel ratio goes up a step. */
  fastWindowsToRaise?: number;
}

/** Each step multiplies (down) or divides (up) the pixel ratio by this. */
export const SCALE_STEP = 0.8;
export const DEFAULT_WINDOW_FRAMES = 30;
export const DEFAULT_SLOW_FACTOR = 1.2;
export const DEFAULT_FAST_FACTOR = 1.08;
export const DEFAULT_FAST_WINDOWS_TO_RAISE = 10;
/**
 * A raise that turns slow again within HOLD_FACTOR x fastWindowsToRaise windows did not hold: the wait
 * before the next raise doubles, up to MAX_RAISE_BACKOFF x; one that holds that long resets the wait.
 */
export const HOLD_FACTOR = 4;
export const MAX_RAISE_BACKOFF = 8;
/** Gaps longer than this are a hidden tab or a stall, not the drawing's cost: not counted. */
const MAX_COUNTED_GAP_MS = 500;

export class RenderScale {
  private ratio: number;
  private readonly min: number;
  private readonly max: number;
  private readonly windowFrames: number;
  private readonly slowFactor: number;
  private readonly fastFactor: number;
  private readonly fastWindowsToRaise: number;
  /** The shortest frame gap seen: the display's refresh interval, as near as the page can tell. */
  private displayMs = Infinity;
  private sum = 0;
  private count = 0;
  private fastWindows = 0;
  /** Fast windows needed to raise now: doubled each time a raise did not hold, so the level settles. */
  private raiseAfter: number;
  /** Windows since the last raise (Infinity: none yet, or it held). */
  private sinceRaise = Infinity;

  constructor(o: RenderScaleOptions) {
    this.max = o.max;
    this.min = Math.min(o.min, o.max);
    this.ratio = o.max;
    this.windowFrames = o.windowFrames ?? DEFAULT_WINDOW_FRAMES;
    this.slowFactor = o.slowFactor ?? DEFAULT_SLOW_FACTOR;
    this.fastFactor = o.fastFactor ?? DEFAULT_FAST_FACTOR;
    this.fastWindowsToRaise = o.fastWindowsToRaise ?? DEFAULT_FAST_WINDOWS_TO_RAISE;
    this.raiseAfter = this.fastWindowsToRaise;
  }

  /** The pixel ratio to draw at now. */
  get pixelRatio(): number {
    return this.ratio;
  }

  /**
   * One animation frame's gap since the previous one (ms). Returns the new pixel ratio when it changes,
   * else null.
   */
  frame(gapMs: number): number | null {
    if (!(gapMs > 0) || gapMs > MAX_COUNTED_GAP_MS) return null;
    this.displayMs = Math.min(this.displayMs, gapMs);
    this.sum += gapMs;
    this.count += 1;
    if (this.count < this.windowFrames) return null;
    const mean = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    this.sinceRaise += 1;
    const slow = mean > this.displayMs * this.slowFactor;
    const hold = this.fastWindowsToRaise * HOLD_FACTOR;
    if (slow && this.sinceRaise <= hold) {
      this.raiseAfter = Math.min(this.raiseAfter * 2, this.fastWindowsToRaise * MAX_RAISE_BACKOFF);
    } else if (this.sinceRaise > hold && this.sinceRaise !== Infinity) {
      // The raised level held: the next raise may come as soon as the first did.
      this.raiseAfter = this.fastWindowsToRaise;
      this.sinceRaise = Infinity;
    }
    if (slow) {
      this.fastWindows = 0;
      this.sinceRaise = Infinity;
      return this.set(Math.max(this.min, this.ratio * SCALE_STEP));
    }
    if (mean <= this.displayMs * this.fastFactor) {
      this.fastWindows += 1;
      if (this.fastWindows < this.raiseAfter) return null;
      this.fastWindows = 0;
      const raised = this.set(Math.min(this.max, this.ratio / SCALE_STEP));
      if (raised !== null) this.sinceRaise = 0;
      return raised;
    }
    this.fastWindows = 0;
    return null;
  }

  private set(next: number): number | null {
    // Float steps land a hair off the bounds; snap to them.
    const snapped =
      Math.abs(next - this.max) < 1e-6 ? this.max : Math.abs(next - this.min) < 1e-6 ? this.min : next;
    if (snapped === this.ratio) return null;
    this.ratio = snapped;
    return snapped;
  }
}
