// Starts a simulator process on a real pty and an ArmController on its port; tears both down.
import { afterAll, beforeAll } from 'vitest';
import {
  openArm,
  startSimulatorProcess,
  type ArmController,
  type SimulatorProcess,
} from '../../src/index.ts';
import type { ArmEvent } from '../../src/arm/arm-controller.ts';

export interface Rig {
  sim: SimulatorProcess;
  arm: ArmController;
  events: ArmEvent[];
  stop(): Promise<void>;
}

export async function startRig(dialect: 'binary' | 'gcode' = 'binary', joints?: number): Promise<Rig> {
  const debug = process.env.FB_DEBUG === '1';
  const t0 = performance.now();
  const log =
    (k: string) =>
    (o: object | string): void =>
      void (debug && console.log((performance.now() - t0).toFixed(0), k, JSON.stringify(o)));
  const sim = await startSimulatorProcess({
    dialect,
    joints,
    stderr: debug ? (l) => console.log('SIM', l) : 'ignore',
  });
  const arm = openArm({
    dialect,
    path: sim.port,
    backoffMinMs: 10,
    backoffMaxMs: 200,
    logger: { info: log('I'), warn: log('W'), error: log('E') },
  });
  const events: ArmEvent[] = [];
  arm.on((e) => {
    if (e.type !== 'telemetry') events.push(e);
  });
  await arm.connect();
  return {
    sim,
    arm,
    events,
    async stop() {
      await arm.close();
      await sim.stop();
    },
  };
}

/**
 * One rig for a whole test file, homed before the first test and stopped after the last; call it at the top
 * level and read the rig through the returned function inside the tests.
 */
export function homedRigPerFile(dialect: 'binary' | 'gcode' = 'binary'): () => Rig {
  let rig: Rig | undefined;
  beforeAll(async () => {
    rig = await startRig(dialect);
    await rig.arm.home();
  });
  afterAll(async () => {
    await rig?.stop();
  });
  return () => {
    if (!rig) throw new Error('the rig is not started (beforeAll failed?)');
    return rig;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `pred` holds or `timeoutMs` passes (then throws with `what`). */
export async function until(
  pred: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

export { armErrorOf as errorOf } from '../../src/arm/loopback-rig.ts';
