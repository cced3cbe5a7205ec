// Pieces of the overlay: text creation, the rounded pill (camera, queue, progress labels) and the wipe
// of pixi's text caches at the end of a visit.
import { CanvasTextMetrics, Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import { MIN_TOUCH_PX, OVERLAY_COLOURS as K } from './overlay-theme.ts';

export const FONT = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * pixi remembers texts by their words: the measurements of the last 1000 laid out, and the names of every
 * text texture it ever made (released ones stay as null entries). So the previous customer's captions (the
 * answers they got) would stay in memory. pixi has no public API to forget them; these internals are
 * reached by name, and if a pixi version renames them nothing breaks (the wipe is then only less thorough).
 */
export function forgetReleasedTexts(renderer: unknown): void {
  const cache = (CanvasTextMetrics as unknown as { _measurementCache?: { clear?: () => void } })
    ._measurementCache;
  cache?.clear?.();
  const active = (renderer as { canvasText?: { _activeTextures?: Record<string, unknown> } }).canvasText
    ?._activeTextures;
  if (active) for (const key of Object.keys(active)) if (active[key] === null) delete active[key];
}

export function makeText(value: string, size: number, fill: string, extra: TextStyleOptions = {}): Text {
  return new Text({
    text: value,
    style: { fontFamily: FONT, fontSize: size, fill, fontWeight: '600', ...extra },
  });
}

/** A rounded pill with an optional status dot and a label, at least MIN_TOUCH_PX tall. */
export class Pill {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly dot = new Graphics();
  private readonly label = makeText('', 20, K.text, { lineHeight: 0 });

  constructor() {
    this.view.addChild(this.bg, this.dot, this.label);
  }

  set(o: { text: string; size: number; colour: string; bg: string; dot: string | null }): void {
    this.label.style.fontSize = o.size;
    this.label.style.fill = o.colour;
    this.label.style.lineHeight = o.size * 1.35;
    this.label.text = o.text;
    this.bg.clear();
    this.dot.clear();
    // An empty pill draws nothing but stays in the scene, so its old text is released on this render.
    if (o.text === '') return;
    const h = Math.max(MIN_TOUCH_PX, this.label.height + 16);
    const dotR = o.dot ? h * 0.18 : 0;
    const inset = 16 + (o.dot ? dotR * 2 + 10 : 0);
    this.bg
      .clear()
      .roundRect(0, 0, this.label.width + 16 + inset, h, h / 2)
      .fill({ color: o.bg, alpha: K.pillAlpha });
    if (o.dot) this.dot.circle(16 + dotR, h / 2, dotR).fill(o.dot);
    this.label.position.set(inset, (h - this.label.height) / 2);
  }
}
