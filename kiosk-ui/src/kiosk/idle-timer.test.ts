import { describe, expect, it } from 'vitest';
import { IdleTimer } from './idle-timer.ts';

/** A manual clock: timers fire only when the test advances time. */
function clock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}

function setup(timeoutMs = 90_000) {
  const c = clock();
  const log: string[] = [];
  const timer = new IdleTimer({
    timeoutMs,
    warnMs: 20_000,
    onWarn: (s) => log.push(`warn ${s}`),
    onResume: () => log.push('resume'),
    onTimeout: () => log.push('timeout'),
    setTimer: c.setTimer,
    clearTimer: c.clearTimer,
    now: c.now,
  });
  return { c, log, timer };
}

describe('IdleTimer', () => {
  it('warns 20 s before the timeout, counts down each second, then times out once', () => {
    const { c, log, timer } = setup();
    timer.poke();
    c.advance(69_999);
    expect(log).toEqual([]);
    c.advance(1);
    expect(log).toEqual(['warn 20']);
    c.advance(19_000);
    expect(log.at(-1)).toBe('warn 1');
    expect(log.filter((l) => l.startsWith('warn'))).toHaveLength(20);
    c.advance(1000);
    expect(log.at(-1)).toBe('timeout');
    c.advance(200_000);
    expect(log.filter((l) => l === 'timeout')).toHaveLength(1);
  });

  it('starts over on activity, withdrawing a warning', () => {
    const { c, log, timer } = setup();
    timer.poke();
    c.advance(75_000);
    expect(timer.warned).toBe(true);
    timer.poke();
    expect(log.at(-1)).toBe('resume');
    expect(timer.warned).toBe(false);
    c.advance(69_000);
    expect(log.at(-1)).toBe('resume');
    c.advance(21_000);
    expect(log.at(-1)).toBe('timeout');
  });

  it('does nothing once stopped', () => {
    const { c, log, timer } = setup();
    timer.poke();
    timer.stop();
    c.advance(500_000);
    expect(log).toEqual([]);
  });
});
