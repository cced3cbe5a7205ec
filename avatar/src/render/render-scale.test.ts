import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAST_WINDOWS_TO_RAISE,
  DEFAULT_WINDOW_FRAMES,
  HOLD_FACTOR,
  MAX_RAISE_BACKOFF,
  RenderScale,
  SCALE_STEP,
} from './render-scale.ts';

const DISPLAY = 1000 / 60;

/** Feeds one window of frames, all with this gap; returns the last change (or null). */
function window(s: RenderScale, gapMs: number): number | null {
  let changed: number | null = null;
  for (let i = 0; i < DEFAULT_WINDOW_FRAMES; i++) changed = s.frame(gapMs) ?? changed;
  return changed;
}

describe('RenderScale', () => {
  it('starts at full resolution and keeps it while frames come on time', () => {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    for (let i = 0; i < 50; i++) expect(window(s, DISPLAY)).toBeNull();
    expect(s.pixelRatio).toBe(0.6);
  });

  it('steps down once per slow window, never below the minimum', () => {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    window(s, DISPLAY); // learns the display's interval
    expect(window(s, DISPLAY * 2)).toBeCloseTo(0.6 * SCALE_STEP);
    expect(window(s, DISPLAY * 2)).toBeCloseTo(0.6 * SCALE_STEP ** 2);
    for (let i = 0; i < 10; i++) window(s, DISPLAY * 2);
    expect(s.pixelRatio).toBe(0.3);
  });

  it('judges a window by its mean: a single late frame among on-time ones is not slow', () => {
    const s = new RenderScale({ max: 1, min: 0.5 });
    window(s, DISPLAY);
    for (let i = 0; i < DEFAULT_WINDOW_FRAMES - 1; i++) s.frame(DISPLAY);
    expect(s.frame(DISPLAY * 3)).toBeNull();
    expect(s.pixelRatio).toBe(1);
  });

  it('raises the resolution again only after a run of fast windows, up to the maximum', () => {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    window(s, DISPLAY);
    for (let i = 0; i < 10; i++) window(s, DISPLAY * 2);
    expect(s.pixelRatio).toBe(0.3);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE - 1; i++) expect(window(s, DISPLAY)).toBeNull();
    expect(window(s, DISPLAY)).toBeCloseTo(0.3 / SCALE_STEP);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE * 10; i++) window(s, DISPLAY);
    expect(s.pixelRatio).toBe(0.6);
  });

  it('a window in between (neither slow nor fast) resets the run of fast windows', () => {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    window(s, DISPLAY);
    window(s, DISPLAY * 2);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE - 1; i++) window(s, DISPLAY);
    expect(window(s, DISPLAY * 1.15)).toBeNull();
    expect(window(s, DISPLAY)).toBeNull();
    expect(s.pixelRatio).toBeCloseTo(0.6 * SCALE_STEP);
  });

  it('does not count a hidden tab or a stall as the drawing being slow', () => {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    window(s, DISPLAY);
    for (let i = 0; i < 100; i++) s.frame(2000);
    expect(s.pixelRatio).toBe(0.6);
  });
});

describe('RenderScale backoff', () => {
  /** Drops to the floor, then raises once: returns the controller right after that raise. */
  function raisedOnce(): RenderScale {
    const s = new RenderScale({ max: 0.6, min: 0.3 });
    window(s, DISPLAY);
    for (let i = 0; i < 10; i++) window(s, DISPLAY * 2);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE; i++) window(s, DISPLAY);
    expect(s.pixelRatio).toBeCloseTo(0.3 / SCALE_STEP);
    return s;
  }

  it('a raise that is slow again at once doubles the wait before the next raise', () => {
    const s = raisedOnce();
    expect(window(s, DISPLAY * 2)).toBe(0.3);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE * 2 - 1; i++) expect(window(s, DISPLAY)).toBeNull();
    expect(window(s, DISPLAY)).toBeCloseTo(0.3 / SCALE_STEP);
  });

  it('the wait stops growing at its cap', () => {
    const s = raisedOnce();
    for (let round = 0; round < 6; round++) {
      window(s, DISPLAY * 2);
      let waited = 0;
      while (window(s, DISPLAY) === null) waited += 1;
      expect(waited + 1).toBe(DEFAULT_FAST_WINDOWS_TO_RAISE * Math.min(2 ** (round + 1), MAX_RAISE_BACKOFF));
    }
  });

  it('a raise that holds resets the wait', () => {
    const s = raisedOnce();
    window(s, DISPLAY * 2); // did not hold: the wait doubles
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE * 2; i++) window(s, DISPLAY);
    // Held for longer than HOLD_FACTOR x the wait, neither slow nor fast, then slow: an ordinary drop.
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE * HOLD_FACTOR; i++) window(s, DISPLAY * 1.15);
    expect(window(s, DISPLAY * 2)).toBe(0.3);
    for (let i = 0; i < DEFAULT_FAST_WINDOWS_TO_RAISE - 1; i++) expect(window(s, DISPLAY)).toBeNull();
    expect(window(s, DISPLAY)).toBeCloseTo(0.3 / SCALE_STEP);
  });
});
