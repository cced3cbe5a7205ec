// createAvatar: picks a renderer (WebGL, else Canvas 2D), runs the animation loop and implements the
// public Avatar API on top of FaceAnimator, so both renderers behave the same.
import { FaceAnimator, type FacePose } from './animation/face-animator.ts';
import { Canvas2DFaceRenderer } from './render/canvas2d-renderer.ts';
import type { FaceRenderer } from './render/face-renderer.ts';
import { WebGLFaceRenderer } from './render/webgl-renderer.ts';
import { planSpeech } from './speech-plan.ts';
import type { Avatar, AvatarEvent, AvatarOptions, Mood, SpeechLocale } from './types.ts';

function pickRenderer(preference: AvatarOptions['renderer']): FaceRenderer {
  if (preference !== 'fallback2d') {
    try {
      return new WebGLFaceRenderer();
    } catch (err) {
      if (preference === 'webgl') throw err;
      console.warn('avatar: WebGL unavailable, using the 2D fallback');
    }
  }
  return new Canvas2DFaceRenderer();
}

/**
 * 30 fps is plenty for a face. Software WebGL gets 10: measured in headless Chromium with SwiftShader,
 * each presented frame costs ~40 ms of CPU, nearly all of it reading the canvas back for the software
 * compositor, and the device-agent on the same machine needs that CPU for its 50 ms heartbeat.
 */
function defaultFps(face: FaceRenderer): number {
  if (!face.software) return 30;
  return face.kind === 'webgl' ? 10 : 15;
}

class AvatarImpl implements Avatar {
  private readonly animator = new FaceAnimator(performance.now());
  private readonly listeners = new Map<AvatarEvent, Set<() => void>>();
  private readonly face: FaceRenderer;
  private readonly resizeObserver: ResizeObserver | null;
  private frame = 0;
  private lastDrawMs = -Infinity;
  private readonly frameIntervalMs: number;
  private disposed = false;
  private lastPose: FacePose | null = null;
  /** The utterance in progress: its end timer and the resolver of its promise. */
  private utterance: { timer: ReturnType<typeof setTimeout>; finish: () => void } | null = null;

  constructor(
    private readonly container: HTMLElement,
    options: AvatarOptions,
  ) {
    this.face = pickRenderer(options.renderer ?? 'auto');
    this.frameIntervalMs = 1000 / Math.max(1, options.maxFps ?? defaultFps(this.face));
    const canvas = this.face.canvas;
    canvas.style.display = 'block';
    canvas.style.width = '100%';
    canvas.style.height = '100%';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Virtual assistant');
    canvas.dataset.renderer = this.face.kind;
    container.appendChild(canvas);
    this.fitToContainer();
    this.resizeObserver =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fitToContainer()) : null;
    this.resizeObserver?.observe(container);
    this.loop();
  }

  get renderer(): 'webgl' | 'fallback2d' {
    return this.face.kind;
  }

  speak(text: string, locale: SpeechLocale): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.interrupt();
    const plan = planSpeech(text, locale);
    this.animator.startSpeech(plan, performance.now());
    this.emit('speechstart');
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.utterance = null;
        this.animator.stopSpeech();
        this.emit('speechend');
        resolve();
      };
      // A timer, not the render loop, ends the utterance, so it ends even while the page is hidden.
      const timer = setTimeout(finish, plan.durationMs);
      this.utterance = { timer, finish };
    });
  }

  setMood(mood: Mood): void {
    this.animator.setMood(mood);
  }

  lookAt(x: number, y: number): void {
    this.animator.lookAt(x, y);
  }

  on(event: AvatarEvent, cb: () => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  getMorphInfluences(): Record<string, number> {
    const pose = this.disposed ? this.lastPose : this.animator.sample(performance.now());
    return { ...(pose?.morphs ?? {}) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.interrupt();
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.resizeObserver?.disconnect();
    this.face.dispose();
    this.listeners.clear();
  }

  /** Ends the current utterance early (a new one starts, or the avatar goes away); its promise resolves. */
  private interrupt(): void {
    this.utterance?.finish();
  }

  private emit(event: AvatarEvent): void {
    for (const cb of this.listeners.get(event) ?? []) {
      try {
        cb();
      } catch (err) {
        console.error('avatar listener failed', err);
      }
    }
  }

  private fitToContainer(): void {
    const rect = this.container.getBoundingClientRect();
    this.face.resize(rect.width || 1, rect.height || 1);
    if (this.lastPose) this.face.draw(this.lastPose);
  }

  private loop = (): void => {
    if (this.disposed) return;
    const now = performance.now();
    // A little slack so a 60 Hz display does not drop a 30 fps cap to 20.
    if (now - this.lastDrawMs >= this.frameIntervalMs - 4) {
      this.lastDrawMs = now;
      this.lastPose = this.animator.sample(now);
      this.face.draw(this.lastPose);
    }
    this.frame = requestAnimationFrame(this.loop);
  };
}

/** Creates the digital human inside `container` (which should have a size; the canvas fills it). */
export function createAvatar(container: HTMLElement, options: AvatarOptions = {}): Avatar {
  return new AvatarImpl(container, options);
}
