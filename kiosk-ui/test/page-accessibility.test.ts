// Accessibility and completeness of the kiosk page, read from its source files: every text/background
// pair of the page and of the avatar overlay has a contrast of at least 4.5:1 (WCAG AA), the colours read
// from the stylesheet itself; every i18n key the page uses exists in both languages.
import { readFileSync } from 'node:fs';
import { OVERLAY_COLOURS as K, MIN_TOUCH_PX } from '@branch/avatar/overlay-theme';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.ts';
import { blend, contrastRatio } from '../src/kiosk/contrast.ts';
import { SERVICES, serviceLabelKey, serviceQuestionKey } from '../src/kiosk/services.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const css = read('../src/styles/base.css');
const journeyCss = read('../src/styles/kiosk-journey.css');
const v = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} not in base.css`);
  return m[1]!;
};

describe('contrast', () => {
  it('computes the WCAG ratio: black on white is 21, a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(blend('#000000', 0.5, '#ffffff')).toBe('#808080');
  });

  it('keeps every page pair at 4.5:1 or more', () => {
    const white = '#ffffff';
    const riskBg = /\.risk \{[^}]*background: (#[0-9a-f]{6})/.exec(journeyCss)?.[1];
    expect(riskBg).toBeDefined();
    const pairs: [string, string, string][] = [
      ['ink on paper', v('ink'), v('paper')],
      ['ink on wash', v('ink'), v('wash')],
      ['muted on paper (status, effective date)', v('muted'), v('paper')],
      ['navy on paper (headings, secondary buttons)', v('navy'), v('paper')],
      ['navy on wash (service buttons)', v('navy'), v('wash')],
      ['white on navy (primary buttons)', white, v('navy')],
      ['white on navy-dark (pressed)', white, v('navy-dark')],
      ['danger on paper (card errors)', v('danger'), v('paper')],
      ['white on danger (unavailable notice, listening)', white, v('danger')],
      ['ok on paper (thanks)', v('ok'), v('paper')],
      ['ink on risk note', v('ink'), riskBg!],
      ['danger on risk note', v('danger'), riskBg!],
    ];
    for (const [name, fg, bg] of pairs) expect(contrastRatio(fg, bg), name).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps every overlay pair at 4.5:1 or more, even with the stage's white showing through", () => {
    const under = '#ffffff';
    const pairs: [string, string, string][] = [
      ['caption on band', K.text, blend(K.band, K.bandAlpha, under)],
      ['caption not yet said, on band', K.captionAhead, blend(K.band, K.bandAlpha, under)],
      ['pill text on pill', K.text, blend(K.pill, K.pillAlpha, under)],
      ['camera on', K.text, blend(K.cameraOn, K.pillAlpha, under)],
      ['camera consent', K.cameraConsentText, blend(K.cameraConsent, K.pillAlpha, under)],
      ['overlay button', K.buttonText, K.button],
    ];
    for (const [name, fg, bg] of pairs) expect(contrastRatio(fg, bg), name).toBeGreaterThanOrEqual(4.5);
    expect(MIN_TOUCH_PX).toBeGreaterThanOrEqual(48);
  });
});

describe('page strings', () => {
  it('has every key the kiosk page and its service buttons use, in both languages', () => {
    const html = read('../index.html');
    const used = [...html.matchAll(/data-i18n(?:-both|-placeholder)?="([^"]+)"/g)].map((m) => m[1]!);
    used.push(...SERVICES.flatMap((id) => [serviceLabelKey(id), serviceQuestionKey(id)]));
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) {
      expect(Object.keys(messages.en), key).toContain(key);
      expect(Object.keys(messages['zh-CN']), key).toContain(key);
    }
  });
});
