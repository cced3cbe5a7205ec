import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceDebouncer } from './presence-debouncer.ts';

const TIMING = { presentMs: 500, goneMs: 3000 };

describe('PresenceDebouncer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reports a customer only after they stood there for presentMs, and gone only after goneMs', () => {
    const seen: boolean[] = [];
    const d = new PresenceDebouncer(0, TIMING, (p) => seen.push(p));
    d.input(1);
    vi.advanceTimersByTime(499);
    expect(seen).toEqual([]);
    expect(d.present()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true]);
    expect(d.present()).toBe(true);
    d.input(0);
    vi.advanceTimersByTime(2999);
    expect(seen).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true, false]);
    expect(d.present()).toBe(false);
  });
  it('ignores a person walking past (present shorter than presentMs)', () => {
    const seen: boolean[] = [];
    const d = new PresenceDebouncer(0, TIMING, (p) => seen.push(p));
    d.input(1);
    vi.advanceTimersByTime(300);
    d.input(0);
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([]);
  });
  it('keeps a customer who steps out of the beam briefly, and restarts the wait on each return', () => {
    const seen: boolean[] = [];
    const d = new PresenceDebouncer(0, TIMING, (p) => seen.push(p));
    d.input(1);
    vi.advanceTimersByTime(500);
    d.input(0);
    vi.advanceTimersByTime(2000);
    d.input(1);
    d.input(0);
    vi.advanceTimersByTime(2999);
    expect(seen).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true, false]);
  });
  it('does not greet someone found standing there at start before presentMs, nor repeat a level', () => {
    const seen: boolean[] = [];
    const d = new PresenceDebouncer(1, TIMING, (p) => seen.push(p));
    expect(d.present()).toBe(false);
    d.input(1);
    vi.advanceTimersByTime(499);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    d.input(1);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([true]);
  });
  it('cancel() drops a pending change', () => {
    const seen: boolean[] = [];
    const d = new PresenceDebouncer(0, TIMING, (p) => seen.push(p));
    d.input(1);
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
  });
});
