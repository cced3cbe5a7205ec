import { describe, expect, it } from 'vitest';
import { StopSignal, Waker } from './waker.ts';

describe('Waker', () => {
  it('ends a sleep early and remembers a wake that came before the sleep', async () => {
    const w = new Waker();
    const sleeping = w.sleep(60_000);
    w.wake();
    await sleeping;
    w.wake();
    await w.sleep(60_000); // returns at once: the nudge was not lost
  });
});

describe('StopSignal', () => {
  it('ends every sleeper and every later sleep', async () => {
    const s = new StopSignal();
    const both = Promise.all([s.sleep(60_000), s.sleep(60_000)]);
    s.fire();
    await both;
    await s.sleep(60_000);
    expect(s.isFired).toBe(true);
  });
});
