// The outbox size alarm through the agent (issue 14, finding 11): with the hub down, the kiosk's
// changes pile up in its SQLite outbox; past `sync.outboxAlarmChanges` /healthz says so (still 200:
// the kiosk serves), /metrics shows it, and the agent's log warns once, not once per change.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type Harness, type KioskClient } from './harness.ts';
import { startKioskHarness, type KioskHarness } from './support/kiosk-harness.ts';

const THRESHOLD = 6;
let k: KioskHarness;
let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  k = await startKioskHarness({ sync: { outboxAlarmChanges: THRESHOLD } });
  ({ h, c } = k);
});
afterAll(() => k?.close());

interface Health {
  ok: boolean;
  alarms: string[];
  sync: { pending: number; outboxAlarm: boolean; pendingBytes: number };
}
const health = async (): Promise<{ status: number; body: Health }> => {
  const res = await fetch(`${h.agent.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
};
const alarmLines = async (): Promise<unknown[]> =>
  (await readFile(h.logFile, 'utf8'))
    .split('\n')
    .filter((l) => l.includes('"sync.outbox.alarm"'))
    .map((l) => JSON.parse(l) as unknown);

describe('outbox size alarm', () => {
  it('reports the alarm on /healthz and warns once when the outbox passes its threshold', async () => {
    await waitFor(async () => (await health()).body.sync.pending === 0, 10_000, 'first drain');
    expect((await health()).body).toMatchObject({ alarms: [], sync: { outboxAlarm: false } });
    await h.hub.close();

    // Visits while the hub is down: each start and question is a change waiting in the outbox.
    for (let i = 0; (await health()).body.sync.pending < THRESHOLD + 4; i++) {
      const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
      await c.command('Session.Ask', { sessionId, text: `when do you open ${i}` });
      await c.command('Session.End', { sessionId, outcome: 'completed' });
    }
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.alarms).toEqual(['sync.outbox']);
    expect(body.sync.outboxAlarm).toBe(true);
    expect(body.sync.pending).toBeGreaterThanOrEqual(THRESHOLD);
    expect(body.sync.pendingBytes).toBeGreaterThan(0);
    const metrics = await (await fetch(`${h.agent.url}/metrics`)).text();
    expect(metrics).toMatch(/^agent_sync_outbox_alarm 1$/m);

    const lines = await waitFor(async () => {
      const found = await alarmLines();
      return found.length > 0 ? found : undefined;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, event: 'sync.outbox.alarm', changes: THRESHOLD });
  });
});
