import { describe, expect, it } from 'vitest';
import { FirmwareClock, STALL_MS } from './firmware-clock.ts';

describe('FirmwareClock', () => {
  it('follows wall time while the loop ticks on time', () => {
    let wall = 1000;
    const clock = new FirmwareClock(5, () => wall);
    for (let i = 0; i < 100; i++) {
      wall += 5 + (i % 3) * 10; // ordinary jitter, up to 25 ms
      clock.tick();
    }
    expect(clock.now()).toBe(wall);
    expect(clock.longestStallMs).toBe(0);
  });

  it('skips a stall of the process beyond one tick, so it is not counted as host silence', () => {
    let wall = 1000;
    const clock = new FirmwareClock(5, () => wall);
    const lastHostByte = clock.now();
    wall += 400; // the simulator was not scheduled for 400 ms
    expect(clock.tick()).toBe(400);
    expect(clock.now() - lastHostByte).toBe(5);
    expect(clock.longestStallMs).toBe(400);
  });

  it('still lets a silent host reach the watchdog over time the firmware ran', () => {
    let wall = 0;
    const clock = new FirmwareClock(5, () => wall);
    const lastHostByte = clock.now();
    wall += 300;
    clock.tick();
    for (let i = 0; i < 60; i++) {
      wall += 5;
      clock.tick();
    }
    expect(clock.now() - lastHostByte).toBe(305);
    expect(STALL_MS).toBeLessThan(250);
  });
});
