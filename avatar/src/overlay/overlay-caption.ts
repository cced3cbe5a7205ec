// The caption band's text: the whole line, with what the voice has said so far drawn over it in full
// white and the rest a step dimmer, so the caption follows the speech while the customer can read ahead.
// Both texts are left-aligned with the same style, so the said part wraps exactly as the whole line does.
import { Container } from 'pixi.js';
import { makeText } from './overlay-parts.ts';
import { CAPTION_MIN_PX, OVERLAY_COLOURS as K } from './overlay-theme.ts';

export class CaptionText {
  readonly view = new Container();
  private readonly whole = makeText('', CAPTION_MIN_PX, K.captionAhead, { wordWrap: true, breakWords: true });
  private readonly said = makeText('', CAPTION_MIN_PX, K.text, { wordWrap: true, breakWords: true });

  constructor() {
    this.view.addChild(this.whole, this.said);
  }

  /** `saidChars` null: the whole line in white (said, or a voice that reports no progress). */
  set(text: string, saidChars: number | null, size: number, wrapWidth: number): void {
    for (const t of [this.whole, this.said]) {
      t.style.fontSize = size;
      t.style.wordWrapWidth = wrapWidth;
      t.style.lineHeight = size * 1.35;
    }
    const partial = saidChars !== null && saidChars < text.length;
    this.whole.text = partial ? text : '';
    this.said.text = partial ? text.slice(0, saidChars) : text;
  }

  /** The size of the whole line as laid out (both texts share its top-left corner). */
  get box(): { width: number; height: number } {
    const full = this.whole.text === '' ? this.said : this.whole;
    return { width: full.width, height: full.height };
  }

  /** Empties both texts, so their textures are released on the next render. */
  clear(): void {
    this.whole.text = '';
    this.said.text = '';
  }
}
