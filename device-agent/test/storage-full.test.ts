// Review finding 11 (issue 14), a full disk at the kiosk: the agent's SQLite file is filled for real (a
// page limit and a filler table), then the e-stop is pressed. The halt happens, the process keeps
// running, the transition waits in memory with an alarm (storageFull, a count), and once space is freed
// it is stored with its outbox entry: nothing is lost.
import {
  openArm,
  startSimulatorProcess,
  type ArmController,
  type SimulatorProcess,
} from '@branch/firmware-bridge';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualGpio } from '../src/gpio/virtual-gpio.ts';
import { SafetyController } from '../src/safety/safety-controller.ts';
import { SafetyEventStore } from '../src/store/safety-event-store.ts';
import { waitFor } from './harness.ts';
import { openTempStore, type TempStore } from './support/temp-store.ts';

let sim: SimulatorProcess;
let arm: ArmController;
let store: TempStore;

beforeAll(async () => {
  sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
  arm = openArm({ dialect: 'binary', path: sim.port });
  await arm.connect();
  store = openTempStore('storage-full-', 'kiosk-f');
});
afterAll(async () => {
  await arm?.close();
  await sim?.stop();
  await store?.close();
});

/** Fills the database file up to its page limit, so the next write that needs a page fails SQLITE_FULL. */
function fillDatabase(): void {
  const { db } = store;
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 16}`);
  db.exec('CREATE TABLE filler (b BLOB)');
  const insert = db.prepare('INSERT INTO filler (b) VALUES (?)');
  for (let size = 4096; size >= 16;) {
    try {
      insert.run(Buffer.alloc(size));
    } catch (err) {
      expect((err as { code?: string }).code).toBe('SQLITE_FULL');
      size = Math.floor(size / 2);
    }
  }
}

describe('a full disk at the agent', () => {
  it('keeps safety transitions in memory with an alarm while full, still halts, and stores them all once there is room', async () => {
    const gpio = new VirtualGpio();
    const events = new SafetyEventStore(store.db, store.sync.outbox, 'kiosk-f');
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    const safety = new SafetyController({
      gpio,
      arm,
      events,
      presenceClearMs: 10,
      estopDebounceMs: 5,
      logger,
    });
    const seen: string[] = [];
    safety.onTransitionEvent((t) => seen.push(t.to));
    try {
      fillDatabase();
      // A person walks in and out of the arm's zone until the tables' last free bytes are used too.
      for (let i = 0; i < 400 && !safety.recordBacklog().storageFull; i++) {
        gpio.setLine('presence', 0);
        await waitFor(() => safety.state() === 'PROTECTIVE_STOP' || undefined, 3000, 'protective stop');
        gpio.setLine('presence', 1);
        await waitFor(() => safety.state() === 'READY' || undefined, 3000, 'ready again');
        await new Promise((r) => setImmediate(r));
      }
      const backlog = safety.recordBacklog();
      expect(backlog).toMatchObject({ storageFull: true, dropped: 0 });
      expect(backlog.waiting).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(/storage is full: safety events kept in memory/);
      // Still halting while full: the e-stop acts at once.
      gpio.setLine('estop', 0);
      expect(safety.state()).toBe('ESTOP');
      const stored = () => store.db.prepare('SELECT COUNT(*) AS n FROM safety_events').get() as { n: number };
      expect(stored().n + safety.recordBacklog().waiting).toBeLessThanOrEqual(seen.length);

      // Someone frees space: every waiting transition is stored with its outbox entry.
      store.db.exec('DROP TABLE filler');
      await waitFor(() => safety.recordBacklog().waiting === 0 || undefined, 10_000, 'the retry');
      expect(safety.recordBacklog().storageFull).toBe(false);
      expect(stored().n).toBe(seen.length);
      expect(events.recent(1)[0]?.to).toBe('ESTOP');
    } finally {
      safety.close();
    }
  });
});
