// The safety controller on a real arm link (simulator on a pty) and real SQLite: the e-stop edge calls
// arm.halt(0) synchronously inside the GPIO callback (nothing awaited first), tower lights follow the
// state, and the transition is stored.
import { openKioskSync, type KioskSync } from '@branch/cloud-sync';
import {
  openArm,
  startSimulatorProcess,
  type ArmController,
  type SimulatorProcess,
} from '@branch/firmware-bridge';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualGpio } from '../src/gpio/virtual-gpio.ts';
import { SafetyController } from '../src/safety/safety-controller.ts';
import { openDatabase, type Db } from '../src/store/open-database.ts';
import { SafetyEventStore } from '../src/store/safety-event-store.ts';
import { waitFor } from './harness.ts';

let sim: SimulatorProcess;
let arm: ArmController;
let db: Db;
let sync: KioskSync;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safety-'));
  sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
  arm = openArm({ dialect: 'binary', path: sim.port });
  await arm.connect();
  db = openDatabase(dir);
  // The real sync client's outbox; its loops are not started (no hub in this test).
  sync = openKioskSync(db, { hubUrl: 'http://127.0.0.1:9', kioskId: 'kiosk-s', token: 'unused' });
});
afterAll(async () => {
  await arm?.close();
  await sim?.stop();
  await sync?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SafetyController', () => {
  it('halts inside the e-stop edge callback, lights red, and records the transition', async () => {
    const gpio = new VirtualGpio();
    const events = new SafetyEventStore(db, sync.outbox, 'kiosk-s');
    const safety = new SafetyController({
      gpio,
      arm,
      events,
      presenceClearMs: 100,
      estopDebounceMs: 5,
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(safety.state()).toBe('READY');
      expect(gpio.output('green')).toBe(1);
      // Observe the real driver's halt without replacing it.
      const calls: number[] = [];
      const realHalt = arm.halt.bind(arm);
      arm.halt = (category) => {
        calls.push(category);
        return realHalt(category);
      };
      const before = (await sim.control.haltLog()).length;
      gpio.setLine('estop', 0);
      // Same tick: nothing was awaited between the edge and the halt.
      expect(calls).toEqual([0]);
      expect(safety.state()).toBe('ESTOP');
      expect(gpio.output('red')).toBe(1);
      expect(gpio.output('green')).toBe(0);
      const halts = await waitFor(
        async () => {
          const log = await sim.control.haltLog();
          return log.length > before ? log.slice(before) : undefined;
        },
        5000,
        'HALT at the simulator',
      );
      expect(halts[0]?.category).toBe(0);
      await waitFor(() => events.recent(1)[0]?.to === 'ESTOP' || undefined, 2000, 'stored transition');
      expect(sync.status().pending).toBeGreaterThanOrEqual(1);
      expect(safety.availability()).toEqual({ available: false, reason: 'estop', safetyState: 'ESTOP' });

      // A bouncing release is not a release: still pressed, no reset.
      gpio.setLine('estop', 1);
      gpio.setLine('estop', 0);
      expect(safety.inputs().estopPressed).toBe(true);
      expect(safety.reset('t')).toEqual({ ok: false, reason: expect.stringMatching(/still pressed/) });
      // A settled release, then a broken wire (line 0 again): halted again at once, while latched.
      gpio.setLine('estop', 1);
      await waitFor(() => !safety.inputs().estopPressed || undefined, 2000, 'debounced release');
      gpio.setLine('estop', 0);
      expect(calls).toEqual([0, 0]);
      expect(safety.state()).toBe('ESTOP');
    } finally {
      safety.close();
    }
  });
});
