// 2D fallback for kiosks without WebGL (or after the WebGL context is lost): the same character drawn
// flat with pixi.js on its Canvas renderer, driven by the same pose, so blinking, moods, gaze, visemes and
// speech still show and the page keeps working. pixi starts asynchronously; poses drawn before it is
// ready are kept and the last one is drawn as soon as it is.
import { Application, Container, Graphics } from 'pixi.js';
import type { FacePose } from '../animation/face-animator.ts';
import type { FaceRenderer } from './face-renderer.ts';
import { initCanvasApp } from './pixi-canvas.ts';

const C = {
  skin: 0xf0c6a4,
  blush: 0xe9a58f,
  hair: 0x3a2a22,
  white: 0xf6f4ef,
  iris: 0x5a3b26,
  pupil: 0x15100d,
  lip: 0xc6776d,
  mouth: 0x5b2428,
  teeth: 0xf3efe8,
  nose: 0x96604a,
  suit: 0x1d3557,
  shirt: 0xf4f6f8,
  scarf: 0xc9a227,
} as const;

/** A rotated ellipse as a polygon (pixi's ellipse has no rotation of its own). */
function rotatedEllipse(cx: number, cy: number, rx: number, ry: number, rot: number): number[] {
  const pts: number[] = [];
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  for (let i = 0; i < 28; i++) {
    const a = (i / 28) * Math.PI * 2;
    const x = rx * Math.cos(a);
    const y = ry * Math.sin(a);
    pts.push(cx + x * cos - y * sin, cy + x * sin + y * cos);
  }
  return pts;
}

export class PixiFaceRenderer implements FaceRenderer {
  readonly kind = 'fallback2d' as const;
  readonly software = true;
  readonly canvas: HTMLCanvasElement;
  /** Resolves when pixi has started (or rejects when it cannot start at all). */
  readonly ready: Promise<void>;
  private readonly app = new Application();
  private readonly body = new Graphics();
  private readonly head = new Container();
  private readonly face = new Graphics();
  private started = false;
  private disposed = false;
  private pending: FacePose | null = null;
  private width = 1;
  private height = 1;

  constructor(doc: Document = document) {
    this.canvas = doc.createElement('canvas');
    this.head.addChild(this.face);
    this.ready = initCanvasApp(this.app, this.canvas).then(() => {
      if (this.disposed) return;
      this.started = true;
      this.app.stage.addChild(this.body, this.head);
      this.resize(this.width, this.height);
      if (this.pending) this.draw(this.pending);
    });
    this.ready.catch((err: unknown) => console.error('avatar: the 2D fallback could not start', err));
  }

  resize(width: number, height: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    if (!this.started) return;
    this.app.renderer.resize(this.width, this.height);
    this.drawBody();
  }

  /** One head unit in pixels: the frame is 3.3 units tall and 3 wide, as in the 3D view. */
  private get unit(): number {
    return Math.min(this.height / 3.3, this.width / 3.0);
  }

  private drawBody(): void {
    const s = this.unit;
    const cx = this.width / 2;
    const cy = this.height / 2 - 0.2 * s;
    const g = this.body.clear();
    g.rect(cx - 0.3 * s, cy + 0.5 * s, 0.6 * s, 0.9 * s).fill(C.skin);
    g.ellipse(cx, cy + 2.25 * s, 1.45 * s, 1.0 * s).fill(C.suit);
    g.poly([cx - 0.34 * s, cy + 1.3 * s, cx + 0.34 * s, cy + 1.3 * s, cx, cy + 1.95 * s]).fill(C.shirt);
    g.poly([cx - 0.11 * s, cy + 1.3 * s, cx + 0.11 * s, cy + 1.3 * s, cx, cy + 1.75 * s]).fill(C.scarf);
  }

  draw(pose: FacePose): void {
    if (!this.started) {
      this.pending = pose;
      return;
    }
    if (this.disposed) return;
    const s = this.unit;
    const m = pose.morphs;
    const cx = this.width / 2;
    const cy = this.height / 2 - 0.2 * s;
    // The head turns about the neck: pivot there, then draw the face around its own centre.
    this.head.position.set(cx + pose.head.yaw * 0.6 * s, cy - pose.head.lift * s - 0.62 * s);
    this.head.rotation = pose.head.roll;
    this.body.position.y = -pose.head.lift * 0.6 * s;
    const g = this.face.clear();
    const oy = 0.62 * s;
    const ell = (x: number, y: number, rx: number, ry: number, color: number, alpha = 1): void => {
      g.ellipse(x * s, -y * s + oy, Math.max(0.001, rx * s), Math.max(0.001, ry * s)).fill({ color, alpha });
    };
    ell(0, 0.06, 0.84, 1.04, C.hair);
    ell(-0.77, -0.02, 0.08, 0.17, C.skin);
    ell(0.77, -0.02, 0.08, 0.17, C.skin);
    ell(0, -0.05, 0.76, 0.95, C.skin);
    g.poly(rotatedEllipse(0.12 * s, -0.78 * s + oy, 0.78 * s, 0.34 * s, -0.12)).fill(C.hair);
    ell(-0.38, -0.25, 0.12, 0.08, C.blush, 0.45);
    ell(0.38, -0.25, 0.12, 0.08, C.blush, 0.45);

    const gx = (m.eyeLookRight - m.eyeLookLeft) * 0.045;
    const gy = (m.eyeLookUp - m.eyeLookDown) * 0.035;
    for (const [side, blink] of [
      [-1, m.blinkRight],
      [1, m.blinkLeft],
    ] as const) {
      const open = 1 - blink;
      ell(side * 0.27, 0.06, 0.11, 0.085 * open, C.white);
      if (open > 0.2) {
        const k = Math.min(1, open * 1.2);
        ell(side * 0.27 + gx, 0.06 + gy, 0.055, 0.055 * k, C.iris);
        ell(side * 0.27 + gx, 0.06 + gy, 0.028, 0.028 * k, C.pupil);
        ell(side * 0.27 + gx - 0.018, 0.08 + gy, 0.012, 0.012, C.white);
      }
      // Brow: raised, lowered or tilted up at the inner end.
      const browY = 0.29 + 0.05 * m.browUp - 0.03 * m.browDown;
      const inner = 0.06 * m.browInnerUp;
      g.moveTo(side * 0.11 * s, -(browY + inner) * s + oy)
        .quadraticCurveTo(
          side * 0.26 * s,
          -(browY + 0.05) * s + oy,
          side * 0.41 * s,
          -(browY - 0.02) * s + oy,
        )
        .stroke({ width: 0.035 * s, color: C.hair, cap: 'round' });
    }
    g.moveTo(0.02 * s, 0.02 * s + oy)
      .quadraticCurveTo(0.07 * s, 0.2 * s + oy, -0.02 * s, 0.23 * s + oy)
      .stroke({ width: 0.02 * s, color: C.nose, alpha: 0.5 });
    this.drawMouth(g, m, s, oy);
    this.app.renderer.render(this.app.stage);
  }

  /** The mouth follows the visemes: open (aa, oh), spread (ee, ih), round (ou, oh), pressed (p b m). */
  private drawMouth(g: Graphics, m: FacePose['morphs'], s: number, oy: number): void {
    const open =
      Math.max(m.jawOpen, m.aa, m.oh * 0.7, m.ih * 0.35, m.ee * 0.25, m.ou * 0.3) * 0.2 * (1 - m.mouthPress);
    const width = 0.17 * (1 + 0.2 * m.smile + 0.3 * m.ee + 0.1 * m.ih - 0.5 * m.ou - 0.3 * m.oh);
    const corner = 0.06 * m.smile - 0.05 * m.frown;
    const y = 0.43;
    const top = y - 0.02 - corner * 0.2 - 0.01 * m.mouthPress;
    g.moveTo(-width * s, (y - corner) * s + oy)
      .quadraticCurveTo(0, top * s + oy, width * s, (y - corner) * s + oy)
      .quadraticCurveTo(0, (y + 0.03 + open * 2 + corner * 0.6) * s + oy, -width * s, (y - corner) * s + oy)
      .fill(open > 0.01 ? C.mouth : C.lip)
      .stroke({ width: (0.025 + 0.012 * m.mouthPress) * s, color: C.lip });
    if (open > 0.03 && m.ee + m.ih > 0.3) {
      // Spread vowels show the upper teeth.
      g.rect(-width * 0.6 * s, (y - 0.005) * s + oy, width * 1.2 * s, 0.025 * s).fill(C.teeth);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.started) this.app.destroy({ removeView: true }, { children: true });
    this.canvas.remove();
  }
}
