// Canvas 2D fallback for kiosks without WebGL: the same character drawn flat, driven by the same pose,
// so blinking, moods, gaze and speech still show and the page keeps working.
import type { FacePose } from '../animation/face-animator.ts';
import type { FaceRenderer } from './face-renderer.ts';

const C = {
  skin: '#f0c6a4',
  blush: 'rgba(233,165,143,0.45)',
  hair: '#3a2a22',
  white: '#f6f4ef',
  iris: '#5a3b26',
  pupil: '#15100d',
  lip: '#c6776d',
  mouth: '#5b2428',
  suit: '#1d3557',
  shirt: '#f4f6f8',
  scarf: '#c9a227',
} as const;

export class Canvas2DFaceRenderer implements FaceRenderer {
  readonly kind = 'fallback2d' as const;
  readonly software = true;
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private width = 1;
  private height = 1;
  private ratio = 1;

  constructor(doc: Document = document) {
    this.canvas = doc.createElement('canvas');
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    this.ctx = ctx;
  }

  resize(width: number, height: number): void {
    this.ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.canvas.width = Math.round(this.width * this.ratio);
    this.canvas.height = Math.round(this.height * this.ratio);
  }

  draw(pose: FacePose): void {
    const { ctx } = this;
    const m = pose.morphs;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    // One head unit in pixels: the frame is 3.3 units tall and 3 wide, as in the 3D view.
    const s = Math.min(this.height / 3.3, this.width / 3.0);
    const cx = this.width / 2;
    const cy = this.height / 2 - 0.2 * s;

    this.drawShoulders(cx, cy, s);
    ctx.save();
    ctx.translate(cx + pose.head.yaw * 0.6 * s, cy - pose.head.lift * s - 0.62 * s);
    ctx.rotate(pose.head.roll);
    ctx.translate(0, 0.62 * s);
    const ell = (x: number, y: number, rx: number, ry: number, fill: string): void => {
      ctx.beginPath();
      ctx.ellipse(x * s, -y * s, Math.max(0.001, rx * s), Math.max(0.001, ry * s), 0, 0, Math.PI * 2);
      ctx.fillStyle = fill;
      ctx.fill();
    };
    ell(0, 0.06, 0.84, 1.04, C.hair);
    ell(-0.77, -0.02, 0.08, 0.17, C.skin);
    ell(0.77, -0.02, 0.08, 0.17, C.skin);
    ell(0, -0.05, 0.76, 0.95, C.skin);
    // Fringe over the forehead.
    ctx.beginPath();
    ctx.ellipse(0.12 * s, -0.78 * s, 0.78 * s, 0.34 * s, -0.12, 0, Math.PI * 2);
    ctx.fillStyle = C.hair;
    ctx.fill();
    ell(-0.38, -0.25, 0.12, 0.08, C.blush);
    ell(0.38, -0.25, 0.12, 0.08, C.blush);

    const gx = (m.eyeLookRight - m.eyeLookLeft) * 0.045;
    const gy = (m.eyeLookUp - m.eyeLookDown) * 0.035;
    for (const [side, blink] of [
      [-1, m.blinkRight],
      [1, m.blinkLeft],
    ] as const) {
      const open = 1 - blink;
      ell(side * 0.27, 0.06, 0.11, 0.085 * open, C.white);
      if (open > 0.2) {
        ell(side * 0.27 + gx, 0.06 + gy, 0.055, 0.055 * Math.min(1, open * 1.2), C.iris);
        ell(side * 0.27 + gx, 0.06 + gy, 0.028, 0.028 * Math.min(1, open * 1.2), C.pupil);
        ell(side * 0.27 + gx - 0.018, 0.08 + gy, 0.012, 0.012, C.white);
      }
      // Brow: raised, lowered or tilted up at the inner end.
      const browY = 0.29 + 0.05 * m.browUp - 0.03 * m.browDown;
      const inner = 0.06 * m.browInnerUp;
      ctx.beginPath();
      ctx.moveTo(side * 0.11 * s, -(browY + inner) * s);
      ctx.quadraticCurveTo(side * 0.26 * s, -(browY + 0.05) * s, side * 0.41 * s, -(browY - 0.02) * s);
      ctx.lineWidth = 0.035 * s;
      ctx.lineCap = 'round';
      ctx.strokeStyle = C.hair;
      ctx.stroke();
    }
    // Nose: a soft shadow line.
    ctx.beginPath();
    ctx.moveTo(0.02 * s, 0.02 * s);
    ctx.quadraticCurveTo(0.07 * s, 0.2 * s, -0.02 * s, 0.23 * s);
    ctx.lineWidth = 0.02 * s;
    ctx.strokeStyle = 'rgba(150,90,70,0.5)';
    ctx.stroke();

    this.drawMouth(m, s);
    ctx.restore();
  }

  private drawMouth(m: FacePose['morphs'], s: number): void {
    const { ctx } = this;
    const open = Math.max(m.jawOpen, m.aa, m.oh * 0.7, m.ih * 0.35, m.ee * 0.25, m.ou * 0.25) * 0.2;
    const width = 0.17 * (1 + 0.2 * m.smile + 0.25 * m.ee - 0.45 * m.ou - 0.3 * m.oh);
    const corner = 0.06 * m.smile - 0.05 * m.frown;
    const y = 0.43;
    ctx.beginPath();
    ctx.moveTo(-width * s, (y - corner) * s);
    ctx.quadraticCurveTo(0, (y - 0.02 - corner * 0.2) * s, width * s, (y - corner) * s);
    ctx.quadraticCurveTo(0, (y + 0.03 + open * 2 + corner * 0.6) * s, -width * s, (y - corner) * s);
    ctx.fillStyle = open > 0.01 ? C.mouth : C.lip;
    ctx.fill();
    ctx.lineWidth = 0.025 * s;
    ctx.strokeStyle = C.lip;
    ctx.stroke();
  }

  private drawShoulders(cx: number, cy: number, s: number): void {
    const { ctx } = this;
    ctx.fillStyle = C.skin;
    ctx.fillRect(cx - 0.3 * s, cy + 0.5 * s, 0.6 * s, 0.9 * s);
    ctx.beginPath();
    ctx.ellipse(cx, cy + 2.25 * s, 1.45 * s, 1.0 * s, 0, Math.PI, 0);
    ctx.fillStyle = C.suit;
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(cx - 0.34 * s, cy + 1.3 * s);
    ctx.lineTo(cx + 0.34 * s, cy + 1.3 * s);
    ctx.lineTo(cx, cy + 1.95 * s);
    ctx.fillStyle = C.shirt;
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(cx - 0.11 * s, cy + 1.3 * s);
    ctx.lineTo(cx + 0.11 * s, cy + 1.3 * s);
    ctx.lineTo(cx, cy + 1.75 * s);
    ctx.fillStyle = C.scarf;
    ctx.fill();
  }

  dispose(): void {
    this.canvas.remove();
  }
}
