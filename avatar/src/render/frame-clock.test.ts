import { describe, expect, it } from 'vitest';
import { FrameClock } from './frame-clock.ts';

describe('FrameClock', () => {
  it('draws at most once per interval, with slack for a 60 Hz display', () => {
    const c = new FrameClock(1000 / 30);
    const drawn: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = (i * 1000) / 60;
      if (c.frame(t, t).draw) drawn.push(t);
    }
    expect(drawn).toHaveLength(30);
  });

  it('reports the gap between the frames’ own times, none for the first', () => {
    const c = new FrameClock(100);
    expect(c.frame(1000, 1001).gapMs).toBeNull();
    expect(c.frame(1016.7, 1020).gapMs).toBeCloseTo(16.7);
    expect(c.frame(undefined, 1040).gapMs).toBeNull();
    expect(c.frame(1050, 1051).gapMs).toBeNull();
  });

  it('follows a changed interval', () => {
    const c = new FrameClock(100);
    expect(c.frame(0, 0).draw).toBe(true);
    expect(c.frame(50, 50).draw).toBe(false);
    c.intervalMs = 40;
    expect(c.frame(50, 50).draw).toBe(true);
  });
});
