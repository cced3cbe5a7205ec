// What avatar-core needs from a renderer: draw a pose, follow the container's size, clean up.
import type { FacePose } from '../animation/face-animator.ts';
import type { RendererKind } from '../types.ts';

export interface FaceRenderer {
  readonly kind: RendererKind;
  readonly canvas: HTMLCanvasElement;
  /** True when drawing costs CPU rather than GPU time (software WebGL, or the 2D fallback). */
  readonly software: boolean;
  draw(pose: FacePose): void;
  /** CSS pixel size of the drawing area. */
  resize(width: number, height: number): void;
  dispose(): void;
  /**
   * Each animation frame's gap since the last (ms): the WebGL renderer adapts its resolution to it.
   * True when it resized the drawing buffer, which clears it: the face must be drawn again.
   */
  frameGap?(gapMs: number): boolean;
}
