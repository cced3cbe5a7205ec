import { describe, expect, it } from 'vitest';
import { pokeIdle, tickIdle, type IdleClock } from './idle-clock.ts';

const timing = { timeoutMs: 90_000, warnMs: 20_000 };

/** Ticks the clock at each wake-up it asks for until `until`; returns what happened. */
function run(clock: IdleClock | null, until: number): { clock: IdleClock | null; log: string[] } {
  const log: string[] = [];
  while (clock && clock.wakeAt <= until) {
    const r = tickIdle(clock, clock.wakeAt);
    clock = r.clock;
    if (r.event.kind === 'warn') log.push(`warn ${r.event.secondsLeft}`);
    if (r.event.kind === 'timeout') log.push('timeout');
  }
  return { clock, log };
}

describe('idle clock', () => {
  it('warns 20 s before the timeout, counts down each second, then times out once', () => {
    const { clock } = pokeIdle(null, timing, 0);
    expect(run(clock, 69_999).log).toEqual([]);
    const all = run(clock, 1_000_000);
    expect(all.log[0]).toBe('warn 20');
    expect(all.log.filter((l) => l.startsWith('warn'))).toHaveLength(20);
    expect(all.log.at(-2)).toBe('warn 1');
    expect(all.log.at(-1)).toBe('timeout');
    expect(all.clock).toBeNull();
  });

  it('a tick before the wake-up changes nothing; a late one counts from the real time', () => {
    const { clock } = pokeIdle(null, timing, 0);
    expect(tickIdle(clock, 69_000)).toEqual({ clock, event: { kind: 'none' } });
    const late = tickIdle(clock, 75_500);
    expect(late.event).toEqual({ kind: 'warn', secondsLeft: 15 });
    expect(late.clock?.wakeAt).toBe(76_000);
    expect(tickIdle(clock, 95_000).event).toEqual({ kind: 'timeout' });
  });

  it('activity starts over and says a running warning was withdrawn', () => {
    const first = pokeIdle(null, timing, 0);
    expect(first.resumed).toBe(false);
    const warned = tickIdle(first.clock, 70_000).clock!;
    expect(warned.warning).toBe(true);
    const again = pokeIdle(warned, timing, 75_000);
    expect(again.resumed).toBe(true);
    expect(again.clock).toEqual({ deadline: 165_000, wakeAt: 145_000, warning: false });
    expect(pokeIdle(again.clock, timing, 76_000).resumed).toBe(false);
  });

  it('a short timeout warns from the first second', () => {
    const { clock } = pokeIdle(null, { timeoutMs: 5000, warnMs: 4000 }, 0);
    expect(run(clock, 100_000).log).toEqual(['warn 4', 'warn 3', 'warn 2', 'warn 1', 'timeout']);
  });
});
