// The face on the page: the renderer and its canvas in the container, fitted to the container's size,
// switched to the 2D fallback when the WebGL context is lost, and drawn on the frame clock's beat only
// when the pose has changed visibly (render/pose-change.ts) or the drawing buffer was cleared.
import type { FacePose } from '../animation/face-animator.ts';
import type { AvatarOptions, RendererKind } from '../types.ts';
import type { FaceRenderer } from './face-renderer.ts';
import { FrameClock } from './frame-clock.ts';
import { defaultFps, pickRenderer, styleFaceCanvas } from './pick-renderer.ts';
import { PixiFaceRenderer } from './pixi-face-renderer.ts';
import { copyPose, visiblyChanged } from './pose-change.ts';

type StageOptions = Pick<AvatarOptions, 'renderer' | 'adaptiveResolution' | 'maxFps'>;

export class FaceStage {
  private face: FaceRenderer;
  private readonly clock: FrameClock;
  private readonly resizeObserver: ResizeObserver | null;
  /** The last pose asked for, and the one on the canvas now. */
  private pose: FacePose | null = null;
  private drawn: FacePose | null = null;
  private disposed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: StageOptions,
    private readonly onRendererChange: () => void,
  ) {
    this.face = pickRenderer(options.renderer ?? 'auto', options.adaptiveResolution ?? true);
    this.clock = new FrameClock(this.intervalFor(this.face));
    this.mount(this.face);
    this.resizeObserver =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fitToContainer()) : null;
    this.resizeObserver?.observe(container);
  }

  get kind(): RendererKind {
    return this.face.kind;
  }

  /** The pose last sampled for the face (drawn or not). */
  get lastPose(): FacePose | null {
    return this.pose;
  }

  /** Draws this pose now, whatever changed. */
  draw(pose: FacePose): void {
    this.pose = pose;
    this.face.draw(pose);
    this.drawn = copyPose(pose);
  }

  /**
   * One animation frame: samples and draws the pose on the clock's beat when it changed visibly. The
   * page's frame pacing, drawn or not, sets the renderer's resolution; a new resolution clears the
   * drawing buffer, so that frame is drawn whatever the pose.
   */
  frame(frameTime: number | undefined, now: number, sample: (now: number) => FacePose): void {
    const { draw, gapMs } = this.clock.frame(frameTime, now);
    const cleared = gapMs !== null && this.face.frameGap?.(gapMs) === true;
    if (draw) this.pose = sample(now);
    if (this.pose && (cleared || (draw && visiblyChanged(this.drawn, this.pose)))) this.draw(this.pose);
  }

  dispose(): void {
    this.disposed = true;
    this.resizeObserver?.disconnect();
    this.face.dispose();
  }

  private intervalFor(face: FaceRenderer): number {
    return 1000 / Math.max(1, this.options.maxFps ?? defaultFps(face));
  }

  private mount(face: FaceRenderer): void {
    const canvas = styleFaceCanvas(face);
    if (face.kind === 'webgl') {
      canvas.addEventListener('webglcontextlost', this.onContextLost, { once: true });
    }
    this.container.appendChild(canvas);
    this.fitToContainer();
  }

  /** The GPU went away (driver reset, too many contexts): carry on in 2D rather than show a blank face. */
  private onContextLost = (ev: Event): void => {
    ev.preventDefault();
    if (this.disposed || this.face.kind !== 'webgl') return;
    console.warn('avatar: WebGL context lost, switching to the 2D fallback');
    const old = this.face;
    this.face = new PixiFaceRenderer();
    this.clock.intervalMs = this.intervalFor(this.face);
    this.mount(this.face);
    try {
      old.dispose();
    } catch {
      old.canvas.remove();
    }
    this.onRendererChange();
  };

  private fitToContainer(): void {
    const rect = this.container.getBoundingClientRect();
    this.face.resize(rect.width || 1, rect.height || 1);
    if (this.pose) this.draw(this.pose);
  }
}
