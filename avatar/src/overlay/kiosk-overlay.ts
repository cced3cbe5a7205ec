// The pixi.js layer over the avatar: the caption of what it says, journey progress, the queue indicator,
// the camera/privacy indicator and large touch buttons. Drawn with pixi's Canvas renderer (no second WebGL
// context next to the face) and only when something changes, so it costs nothing between changes.
import { Application, Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import { CAPTION_MIN_PX, MIN_TOUCH_PX, OVERLAY_COLOURS as K } from './overlay-theme.ts';

/** off: no camera; consent: waiting for the customer's yes; on: analysing; unavailable: none fitted. */
export type CameraState = 'off' | 'consent' | 'on' | 'unavailable';

export interface OverlayButton {
  id: string;
  label: string;
  onTap: () => void;
}

export interface OverlayState {
  caption: string;
  progress: { step: number; total: number; label: string } | null;
  /** Queue or handoff state to show; null hides it. */
  queue: { label: string; detail?: string } | null;
  camera: { state: CameraState; label: string };
  buttons: { id: string; label: string }[];
}

export interface KioskOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly ready: Promise<void>;
  setCaption(text: string): void;
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

const FONT = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

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
  private progress: OverlayState['progress'] = null;
  private queue: OverlayState['queue'] = null;
  private camera: OverlayState['camera'] = { state: 'off', label: '' };
  private buttons: OverlayButton[] = [];

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%' });
    this.canvas.dataset.testid = 'overlay';
    // The DOM keeps accessible mirrors of all of this (caption region, buttons); the canvas is decoration.
    this.canvas.setAttribute('aria-hidden', 'true');
    container.appendChild(this.canvas);
    this.resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fit()) : null;
    this.resizeObserver?.observe(container);
    this.ready = this.app
      .init({
        canvas: this.canvas,
        width: 1,
        height: 1,
        backgroundAlpha: 0,
        antialias: true,
        autoStart: false,
        preference: ['canvas'],
        resolution: Math.min(globalThis.devicePixelRatio || 1, 2),
      })
      .then(() => {
        if (this.disposed) return;
        this.started = true;
        this.app.stage.addChild(this.root);
        this.fit();
      });
    this.ready.catch((err: unknown) => console.error('overlay could not start', err));
  }

  setCaption(text: string): void {
    this.caption = text;
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
      progress: this.progress,
      queue: this.queue,
      camera: this.camera,
      buttons: this.buttons.map(({ id, label }) => ({ id, label })),
    };
  }

  clear(): void {
    this.caption = '';
    this.progress = null;
    this.queue = null;
    this.buttons = [];
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

  /** Redraws now (tests call it through state changes; also used right after a resize). */
  private redraw(): void {
    if (!this.started || this.disposed) return;
    for (const child of this.root.removeChildren()) child.destroy({ children: true });
    const unit = Math.max(CAPTION_MIN_PX, Math.min(this.width, this.height) * 0.045);
    const pad = unit * 0.5;
    this.drawCamera(pad, pad, unit);
    if (this.queue) this.drawQueue(this.width - pad, pad, unit);
    if (this.progress) this.drawProgress(this.width / 2, pad + unit * 2.2, unit);
    this.drawCaption(unit, pad);
    this.app.renderer.render(this.app.stage);
  }

  private text(value: string, size: number, fill: string, extra: TextStyleOptions = {}): Text {
    return new Text({
      text: value,
      style: { fontFamily: FONT, fontSize: size, fill, fontWeight: '600', ...extra },
    });
  }

  /** A rounded pill with a label, at least MIN_TOUCH_PX tall, anchored at its left (or right) edge. */
  private pill(label: Text, bg: string, alpha: number, dot: string | null): Container {
    const box = new Container();
    const h = Math.max(MIN_TOUCH_PX, label.height + 16);
    const dotR = dot ? h * 0.18 : 0;
    const w = label.width + 32 + (dot ? dotR * 2 + 10 : 0);
    box.addChild(new Graphics().roundRect(0, 0, w, h, h / 2).fill({ color: bg, alpha }));
    if (dot) box.addChild(new Graphics().circle(16 + dotR, h / 2, dotR).fill(dot));
    label.position.set(16 + (dot ? dotR * 2 + 10 : 0), (h - label.height) / 2);
    box.addChild(label);
    return box;
  }

  private drawCamera(x: number, y: number, unit: number): void {
    const { state, label } = this.camera;
    if (!label) return;
    const on = state === 'on';
    const consent = state === 'consent';
    const textColour = consent ? K.cameraConsentText : K.text;
    const bg = on ? K.cameraOn : consent ? K.cameraConsent : K.pill;
    const dot = on ? K.text : consent ? K.cameraConsentText : K.cameraOff;
    const box = this.pill(this.text(label, unit * 0.62, textColour), bg, K.pillAlpha, dot);
    box.position.set(x, y);
    this.root.addChild(box);
  }

  private drawQueue(right: number, y: number, unit: number): void {
    const q = this.queue!;
    const label = this.text(q.detail ? `${q.label}\n${q.detail}` : q.label, unit * 0.62, K.text, {
      lineHeight: unit * 0.85,
    });
    const box = this.pill(label, K.pill, K.pillAlpha, null);
    box.position.set(right - box.width, y);
    this.root.addChild(box);
  }

  private drawProgress(cx: number, y: number, unit: number): void {
    const p = this.progress!;
    const r = unit * 0.22;
    const gap = unit * 0.75;
    const dots = new Graphics();
    const start = cx - ((p.total - 1) * gap) / 2;
    for (let i = 0; i < p.total; i++) {
      dots.circle(start + i * gap, y, i === p.step ? r * 1.35 : r);
      dots.fill({ color: i <= p.step ? K.progressDone : K.progressTodo }).stroke({ width: 2, color: K.pill });
    }
    this.root.addChild(dots);
    if (p.label) {
      const label = this.pill(this.text(p.label, unit * 0.55, K.text), K.pill, K.pillAlpha, null);
      label.position.set(cx - label.width / 2, y + r * 2.2);
      this.root.addChild(label);
    }
  }

  private drawCaption(unit: number, pad: number): void {
    const hasButtons = this.buttons.length > 0;
    if (!this.caption && !hasButtons) return;
    const buttonW = hasButtons ? Math.max(MIN_TOUCH_PX * 2.5, unit * 4) : 0;
    const textW = this.width - pad * 4 - buttonW;
    const text = this.text(this.caption, unit, K.text, {
      wordWrap: true,
      wordWrapWidth: Math.max(50, textW),
      breakWords: true,
      align: 'center',
      lineHeight: unit * 1.35,
    });
    const h = Math.max(text.height + pad * 2, MIN_TOUCH_PX + pad * 2);
    const band = new Graphics()
      .rect(0, this.height - h, this.width, h)
      .fill({ color: K.band, alpha: K.bandAlpha });
    band.rect(0, this.height - h, this.width, 4).fill(K.progressDone);
    this.root.addChild(band);
    text.position.set(pad * 2 + (textW - text.width) / 2, this.height - h + (h - text.height) / 2);
    this.root.addChild(text);
    let bx = this.width - pad - buttonW;
    for (const b of this.buttons) {
      const bh = Math.max(MIN_TOUCH_PX, h - pad * 2);
      const button = new Container();
      button.addChild(new Graphics().roundRect(0, 0, buttonW, bh, 12).fill(K.button));
      const label = this.text(b.label, unit * 0.7, K.buttonText, { fontWeight: '700' });
      label.position.set((buttonW - label.width) / 2, (bh - label.height) / 2);
      button.addChild(label);
      button.position.set(bx, this.height - h + (h - bh) / 2);
      button.eventMode = 'static';
      button.cursor = 'pointer';
      button.on('pointertap', () => b.onTap());
      this.root.addChild(button);
      bx -= buttonW + pad;
    }
  }
}

/** Puts the overlay over `container` (which should be positioned; the canvas fills it). */
export function createOverlay(container: HTMLElement): KioskOverlay {
  return new PixiOverlay(container);
}
