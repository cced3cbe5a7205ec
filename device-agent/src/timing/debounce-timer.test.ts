import { describe, expect, it } from 'vitest';
import { DebounceTimer, type TimerApi } from './debounce-timer.ts';

/** A hand-stepped clock: timers fire only when the test moves time. */
function manualTimers(): TimerApi & { advance(ms: number): void; count(): number } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (h) => void due.delete(h as number),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!first || first[1].at > until) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = until;
    },
    count: () => due.size,
  };
}

describe('DebounceTimer', () => {
  it('restart: fires once, a quiet period after the last input', () => {
    const clock = manualTimers();
    const t = new DebounceTimer(clock);
    let fired = 0;
    t.restart(100, () => fired++);
    clock.advance(60);
    t.restart(100, () => fired++);
    clock.advance(99);
    expect(fired).toBe(0);
    expect(t.pending).toBe(true);
    clock.advance(1);
    expect(fired).toBe(1);
    expect(t.pending).toBe(false);
    clock.advance(1000);
    expect(fired).toBe(1);
  });

  it('startIfIdle: a later input does not push the first wait back', () => {
    const clock = manualTimers();
    const t = new DebounceTimer(clock);
    const seen: string[] = [];
    t.startIfIdle(100, () => seen.push('first'));
    clock.advance(60);
    t.startIfIdle(100, () => seen.push('second'));
    clock.advance(40);
    expect(seen).toEqual(['first']);
    t.startIfIdle(10, () => seen.push('third'));
    clock.advance(10);
    expect(seen).toEqual(['first', 'third']);
  });

  it('cancel drops the pending wait and leaves no timer behind', () => {
    const clock = manualTimers();
    const t = new DebounceTimer(clock);
    let fired = 0;
    t.restart(50, () => fired++);
    t.cancel();
    t.cancel();
    expect(clock.count()).toBe(0);
    clock.advance(100);
    expect(fired).toBe(0);
    expect(t.pending).toBe(false);
  });
});
