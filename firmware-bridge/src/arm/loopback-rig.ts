// Test rig for the drivers' unit tests: a driver of either dialect on the loopback double, under vitest's
// fake clock, so seconds of arm motion run in milliseconds and every run is the same.
import { vi } from 'vitest';
import { LoopbackTransport } from '../transport/loopback.ts';
import type { ArmController, ArmEvent } from './arm-controller.ts';
import { ArmError } from './arm-controller.ts';
import { BinaryArmController } from './binary-driver.ts';
import { GcodeArmController } from './gcode-driver.ts';

export interface LoopbackRig {
  arm: ArmController;
  wire: LoopbackTransport;
  events: ArmEvent[];
  /** Runs the fake clock on, letting every timer and delivery due in that time happen. */
  advance(ms: number): Promise<void>;
  /** Runs the clock in small steps until `cond` holds; throws naming `what` after `limitMs`. */
  until(cond: () => boolean, what: string, limitMs?: number): Promise<void>;
  /** Settles `p` while the clock runs, so an awaited command can complete. */
  settle<T>(p: Promise<T>, limitMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function startLoopbackRig(dialect: 'binary' | 'gcode', joints = 5): Promise<LoopbackRig> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  const wire = new LoopbackTransport({ dialect, joints });
  const arm =
    dialect === 'binary'
      ? new BinaryArmController(wire, { connectTimeoutMs: 2000 })
      : new GcodeArmController(wire, { connectTimeoutMs: 2000 });
  const events: ArmEvent[] = [];
  arm.on((e) => {
    if (e.type !== 'telemetry') events.push(e);
  });
  const advance = (ms: number): Promise<void> => vi.advanceTimersByTimeAsync(ms).then(() => undefined);
  const until = async (cond: () => boolean, what: string, limitMs = 10_000): Promise<void> => {
    for (let t = 0; !cond(); t += 5) {
      if (t > limitMs) throw new Error(`not within ${limitMs} ms of arm time: ${what}`);
      await advance(5);
    }
  };
  const settle = async <T>(p: Promise<T>, limitMs = 30_000): Promise<T> => {
    let done = false;
    const tracked = p.finally(() => (done = true));
    tracked.catch(() => {}); // the caller sees the rejection through its own await
    await until(() => done, 'the command to complete', limitMs);
    return tracked;
  };
  await settle(arm.connect());
  return {
    arm,
    wire,
    events,
    advance,
    until,
    settle,
    async stop() {
      await arm.close();
      wire.dispose();
      vi.useRealTimers();
    },
  };
}

/** The ArmError a promise rejects with (fails the test when it resolves). */
export async function armErrorOf(p: Promise<unknown>): Promise<ArmError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ArmError) return e;
    throw e;
  }
  throw new Error('expected the arm to refuse');
}
