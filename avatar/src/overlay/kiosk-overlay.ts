// The pixi.js layer over the avatar: the caption of what it says, journey progress, the queue indicator,
// the camera/privacy indicator and large touch buttons. Drawn with pixi's Canvas renderer (no second WebGL
// context next to the face) and only when something changes, so it costs nothing between changes.
import { Application, Container, Graphics, type Text } from 'pixi.js';
import { CaptionText } from './overlay-caption.ts';
import { forgetReleasedTexts, makeText, Pill } from './overlay-parts.ts';
import { CAPTION_MIN_PX, MIN_TOUCH_PX, OVERLAY_COLOURS as K } from './overlay-theme.ts';
import { initCanvasApp } from '../render/pixi-canvas.ts';

/**
 * off: no camera; consent: waiting for the customer's yes; on: analysing; unavailable: none fitted;
 * call: on for a video call with staff.
 */
export type CameraState = 'off' | 'consent' | 'on' | 'unavailable' | 'call';

export interface OverlayButton {
  id: string;
  label: string;
  onTap: () => void;
}

export interface OverlayState {
  caption: string;
  /** How much of the caption the voice has said; null: all of it (or no voice progress). */
  captionSaid: number | null;
  progress: { step: number; total: number; label: string } | null;
  /** Queue or handoff state to show; null hides it. */
  queue: { label: string; detail?: string } | null;
  camera: { state: CameraState; label: string };
  buttons: { id: string; label: string }[];
}

export interface KioskOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly ready: Promise<void>;
  /** Sets the caption; it starts as all said until setCaptionSaid() reports the voice's progress. */
  setCaption(text: string): void;
  setCaptionSaid(chars: number | null): void;
  setProgress(progress: OverlayState['progress']): void;
  setQueue(queue: OverlayState['queue']): void;
  setCamera(camera: OverlayState['camera']): void;
  setButtons(buttons: OverlayButton[]): void;
  /** What the overlay shows now (tests, diagnostics). */
  state(): OverlayState;
  /** Forgets caption, progress, queue and buttons (end of a visit); the camera state stays. */
  clear(): void;
  dispose(): void;
}

class PixiOverlay implements KioskOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly ready: Promise<void>;
  private readonly app = new Application();
  private readonly root = new Container();
  private started = false;
  private disposed = false;
  private scheduled = 0;
  private width = 1;
  private height = 1;
  private readonly resizeObserver: ResizeObserver | null;
  private caption = '';
  private captionSaid: number | null = null;
  private progress: OverlayState['progress'] = null;
  private queue: OverlayState['queue'] = null;
  private camera: OverlayState['camera'] = { state: 'off', label: '' };
  private buttons: OverlayButton[] = [];
  private forgetTexts = false;
  private readonly cameraPill = new Pill();
  private readonly queuePill = new Pill();
  private readonly progressPill = new Pill();
  private readonly progressDots = new Graphics();
  private readonly band = new Graphics();
  private readonly captionText = new CaptionText();
  private readonly buttonViews = new Map<string, { box: Container; bg: Graphics; label: Text }>();

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%' });
    this.canvas.dataset.testid = 'overlay';
    // The DOM keeps accessible mirrors of all of this (caption region, buttons); the canvas is decoration.
    this.canvas.setAttribute('aria-hidden', 'true');
    container.appendChild(this.canvas);
    this.resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fit()) : null;
    this.resizeObserver?.observe(container);
    this.ready = initCanvasApp(this.app, this.canvas).then(() => {
      if (this.disposed) return;
      this.started = true;
      this.root.addChild(
        this.band,
        this.captionText.view,
        this.progressDots,
        this.progressPill.view,
        this.cameraPill.view,
        this.queuePill.view,
      );
      this.app.stage.addChild(this.root);
      this.fit();
    });
    this.ready.catch((err: unknown) => console.error('overlay could not start', err));
  }

  setCaption(text: string): void {
    this.caption = text;
    this.captionSaid = null;
    this.schedule();
  }
  setCaptionSaid(chars: number | null): void {
    this.captionSaid = chars;
    this.schedule();
  }
  setProgress(progress: OverlayState['progress']): void {
    this.progress = progress;
    this.schedule();
  }
  setQueue(queue: OverlayState['queue']): void {
    this.queue = queue;
    this.schedule();
  }
  setCamera(camera: OverlayState['camera']): void {
    this.camera = camera;
    this.schedule();
  }
  setButtons(buttons: OverlayButton[]): void {
    this.buttons = buttons;
    this.schedule();
  }

  state(): OverlayState {
    return {
      caption: this.caption,
      captionSaid: this.captionSaid,
      progress: this.progress,
      queue: this.queue,
      camera: this.camera,
      buttons: this.buttons.map(({ id, label }) => ({ id, label })),
    };
  }

  clear(): void {
    this.caption = '';
    this.captionSaid = null;
    this.progress = null;
    this.queue = null;
    this.buttons = [];
    this.forgetTexts = true;
    this.schedule();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    cancelAnimationFrame(this.scheduled);
    this.resizeObserver?.disconnect();
    if (this.started) this.app.destroy({ removeView: true }, { children: true });
    this.canvas.remove();
  }

  private fit(): void {
    const r = this.container.getBoundingClientRect();
    this.width = Math.max(1, r.width);
    this.height = Math.max(1, r.height);
    if (!this.started) return;
    this.app.renderer.resize(this.width, this.height);
    this.schedule();
  }

  /** Coalesces changes into one redraw per animation frame. */
  private schedule(): void {
    if (!this.started || this.disposed || this.scheduled) return;
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0;
      this.redraw();
    });
  }

  /** Lays out and draws everything again, reusing the same display objects (no churn per change). */
  private redraw(): void {
    if (!this.started || this.disposed) return;
    const unit = Math.max(CAPTION_MIN_PX, Math.min(this.width, this.height) * 0.045);
    const pad = unit * 0.5;
    this.layoutCamera(pad, unit);
    this.layoutQueue(pad, unit);
    this.layoutProgress(pad, unit);
    this.layoutCaption(unit, pad);
    this.app.renderer.render(this.app.stage);
    if (this.forgetTexts) {
      // After the render that released the last visit's texts, drop pixi's memory of them too.
      this.forgetTexts = false;
      forgetReleasedTexts(this.app.renderer);
    }
  }

  private layoutCamera(pad: number, unit: number): void {
    const { state, label } = this.camera;
    const on = state === 'on' || state === 'call';
    const consent = state === 'consent';
    this.cameraPill.set({
      text: label,
      size: unit * 0.62,
      colour: consent ? K.cameraConsentText : K.text,
      bg: on ? K.cameraOn : consent ? K.cameraConsent : K.pill,
      dot: on ? K.text : consent ? K.cameraConsentText : K.cameraOff,
    });
    this.cameraPill.view.position.set(pad, pad);
  }

  private layoutQueue(pad: number, unit: number): void {
    const q = this.queue;
    this.queuePill.set({
      text: q === null ? '' : q.detail ? `${q.label}\n${q.detail}` : q.label,
      size: unit * 0.62,
      colour: K.text,
      bg: K.pill,
      dot: null,
    });
    this.queuePill.view.position.set(this.width - pad - this.queuePill.view.width, pad);
  }

  private layoutProgress(pad: number, unit: number): void {
    const p = this.progress;
    const g = this.progressDots.clear();
    if (!p) {
      this.progressPill.set({ text: '', size: unit * 0.55, colour: K.text, bg: K.pill, dot: null });
      return;
    }
    const cx = this.width / 2;
    const y = pad + unit * 2.2;
    const r = unit * 0.22;
    const gap = unit * 0.75;
    const start = cx - ((p.total - 1) * gap) / 2;
    for (let i = 0; i < p.total; i++) {
      g.circle(start + i * gap, y, i === p.step ? r * 1.35 : r);
      g.fill({ color: i <= p.step ? K.progressDone : K.progressTodo }).stroke({ width: 2, color: K.pill });
    }
    this.progressPill.set({ text: p.label, size: unit * 0.55, colour: K.text, bg: K.pill, dot: null });
    this.progressPill.view.position.set(cx - this.progressPill.view.width / 2, y + r * 2.2);
  }

  private layoutCaption(unit: number, pad: number): void {
    const hasButtons = this.buttons.length > 0;
    const show = this.caption !== '' || hasButtons;
    this.band.clear();
    this.syncButtons();
    // Hidden text is emptied, not just hidden: pixi releases a text's texture (keyed by the words)
    // only when it renders the object again, so the last customer's caption must render as ''.
    if (!show) {
      this.captionText.clear();
      return;
    }
    const buttonW = hasButtons ? Math.max(MIN_TOUCH_PX * 2.5, unit * 4) : 0;
    const textW = this.width - pad * 4 - buttonW * this.buttons.length;
    this.captionText.set(this.caption, this.captionSaid, unit, Math.max(50, textW));
    const text = this.captionText.box;
    const h = Math.max(text.height + pad * 2, MIN_TOUCH_PX + pad * 2);
    const top = this.height - h;
    this.band.rect(0, top, this.width, h).fill({ color: K.band, alpha: K.bandAlpha });
    this.band.rect(0, top, this.width, 4).fill(K.progressDone);
    this.captionText.view.position.set(pad * 2 + (textW - text.width) / 2, top + (h - text.height) / 2);
    let bx = this.width - pad - buttonW;
    for (const b of this.buttons) {
      const view = this.buttonViews.get(b.id)!;
      const bh = Math.max(MIN_TOUCH_PX, h - pad * 2);
      view.bg.clear().roundRect(0, 0, buttonW, bh, 12).fill(K.button);
      view.label.style.fontSize = unit * 0.7;
      view.label.text = b.label;
      view.label.position.set((buttonW - view.label.width) / 2, (bh - view.label.height) / 2);
      view.box.position.set(bx, top + (h - bh) / 2);
      bx -= buttonW + pad;
    }
  }

  /** Keeps one button view per button id; taps go to the current handler of that id. */
  private syncButtons(): void {
    const ids = new Set(this.buttons.map((b) => b.id));
    for (const [id, view] of this.buttonViews) {
      if (ids.has(id)) continue;
      view.box.destroy({ children: true });
      this.buttonViews.delete(id);
    }
    for (const b of this.buttons) {
      if (this.buttonViews.has(b.id)) continue;
      const box = new Container();
      const bg = new Graphics();
      const label = makeText('', 20, K.buttonText, { fontWeight: '700' });
      box.addChild(bg, label);
      box.eventMode = 'static';
      box.cursor = 'pointer';
      box.on('pointertap', () => this.buttons.find((x) => x.id === b.id)?.onTap());
      this.root.addChild(box);
      this.buttonViews.set(b.id, { box, bg, label });
    }
  }
}

/** Puts the overlay over `container` (which should be positioned; the canvas fills it). */
export function createOverlay(container: HTMLElement): KioskOverlay {
  return new PixiOverlay(container);
}
