import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FailSafeDebouncer } from './fail-safe-debouncer.ts';
import type { LineValue } from './gpio.ts';

describe('FailSafeDebouncer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('passes the unsafe level at once and the safe level only after it held for settleMs', () => {
    const seen: LineValue[] = [];
    const d = new FailSafeDebouncer(1, 20, (v) => seen.push(v));
    d.input(0);
    expect(seen).toEqual([0]);
    d.input(1);
    vi.advanceTimersByTime(19);
    expect(seen).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([0, 1]);
    expect(d.value()).toBe(1);
  });
  it('ignores bounce: a release that flickers back to 0 restarts the wait', () => {
    const seen: LineValue[] = [];
    const d = new FailSafeDebouncer(0, 20, (v) => seen.push(v));
    d.input(1);
    vi.advanceTimersByTime(10);
    d.input(0);
    d.input(1);
    vi.advanceTimersByTime(15);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(5);
    expect(seen).toEqual([1]);
  });
  it('does not repeat an unchanged level', () => {
    const seen: LineValue[] = [];
    const d = new FailSafeDebouncer(0, 5, (v) => seen.push(v));
    d.input(0);
    d.input(0);
    expect(seen).toEqual([]);
  });
});
