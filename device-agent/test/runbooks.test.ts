// Runbooks against the real simulator's fixtures, through the technician API and WebSocket: a run to
// completion with progress, a failed run that queues a device-fault ticket, an e-stop during a run
// (arm halted, run aborted, ESTOP, reset refused without a technician), and presence during a run.
import { decodeRunbookSteps } from '@branch/cloud-sync';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, waitFor, type Harness } from './harness.ts';
import { waitTechReady } from './support/readiness.ts';
import { startTechSession, type TechSession } from './support/tech-session.ts';
import type { TechApi, TechMessage, TechSocket } from './tech-client.ts';

let session: TechSession;
let h: Harness;
let api: TechApi;
let ws: TechSocket;
const sim = (path: string) => `${h.agent.url}/sim/api${path}`;

async function settled(runId: string): Promise<TechMessage> {
  return ws.next(
    (m) => m.type === 'runbook.progress' && m.runId === runId && m.status !== 'running',
    30_000,
    `run ${runId} to end`,
  );
}

/** Waits until the simulator's arm moves for this run; fails at once, with the reason, if the run ends. */
async function moving(runId: string): Promise<void> {
  await waitFor(
    async () => {
      const ended = ws.of('runbook.progress').find((m) => m.runId === runId && m.status !== 'running');
      if (ended) throw new Error(`run ended before moving: ${JSON.stringify(ended)}`);
      return (await h.sim.control.state()).arm.moving || undefined;
    },
    10_000,
    'arm moving',
  );
}

const ready = () => waitTechReady(api, 'READY with the link up');

beforeAll(async () => {
  session = await startTechSession();
  ({ h, api, ws } = session);
  await ready();
});
afterAll(async () => {
  await session?.close();
});

describe('runbooks', () => {
  it('lists the four shipped runbooks', async () => {
    const r = await api.call('GET', '/runbooks');
    const ids = (r.json.runbooks as { id: string }[]).map((b) => b.id).sort();
    expect(ids).toEqual([
      'card-slot-reseat',
      'printer-door-close',
      'printer-reset',
      'touchscreen-recalibrate',
    ]);
  });

  it('resets a faulted printer: step progress i of n, fixture fixed, result stored', async () => {
    await h.sim.control.inject({ kind: 'fixture', name: 'printer.resetButton', state: 'fault' });
    const start = await api.call('POST', '/runbooks/printer-reset/run', {});
    expect(start.status).toBe(202);
    const runId = start.json.runId as string;
    const end = await settled(runId);
    expect(end, JSON.stringify(end)).toMatchObject({ status: 'succeeded', step: 5, total: 5 });
    const steps = ws
      .of('runbook.progress')
      .filter((m) => m.runId === runId && m.status === 'running')
      .map((m) => m.step);
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect((await h.sim.control.fixtures())['printer.resetButton']?.state).toBe('ok');

    const runs = await waitFor(async () => {
      const r = (await api.call('GET', '/runbooks/runs')).json.runs as { runId: string; status: string }[];
      return r.find((x) => x.runId === runId);
    });
    expect(runs.status).toBe('succeeded');
  });

  it('runs the door, card slot and touchscreen runbooks against their fixtures', async () => {
    await h.sim.control.inject({ kind: 'fixture', name: 'printer.door', state: 'open' });
    await h.sim.control.inject({ kind: 'fixture', name: 'cardSlot', state: 'jammed' });
    await h.sim.control.inject({ kind: 'fixture', name: 'touchscreen.recalibrateButton', state: 'drifted' });
    for (const id of ['printer-door-close', 'card-slot-reseat', 'touchscreen-recalibrate']) {
      const runId = (await api.call('POST', `/runbooks/${id}/run`, {})).json.runId as string;
      const end = await settled(runId);
      expect(end.status, `${id}: ${JSON.stringify(end)}`).toBe('succeeded');
    }
    const f = await h.sim.control.fixtures();
    expect([f['printer.door']?.state, f.cardSlot?.state, f['touchscreen.recalibrateButton']?.state]).toEqual([
      'closed',
      'seated',
      'calibrated',
    ]);
  });

  it('ends the run at once when the arm link is lost mid-run, says why, and queues a device-fault ticket', async () => {
    await ready();
    const runId = (await api.call('POST', '/runbooks/printer-door-close/run', {})).json.runId as string;
    // The press step may be retried once: a dead link must not be retried, nor waited out.
    await ws.next(
      (m) => m.type === 'runbook.progress' && m.runId === runId && m.label === 'Push the door shut',
      30_000,
      'the press step',
    );
    await h.sim.control.inject({ kind: 'unplug', ms: 1500 });
    const end = await settled(runId);
    // Ended at the link loss, saying so: not retried, not left to the step's timeout.
    expect(end.status).toBe('failed');
    expect(String(end.message)).toMatch(/^arm link lost/);
    const db = new Database(join(h.dir, 'agent', 'agent.sqlite'), { readonly: true });
    try {
      const row = await waitFor(
        () =>
          db.prepare('SELECT status, ticket_id, steps_json FROM runbook_runs WHERE id = ?').get(runId) as
            { status: string; ticket_id: string | null; steps_json: string } | undefined,
      );
      expect(row.status).toBe('failed');
      // The step that was running when the link went is the last one, tried once: no retry on a dead link.
      const steps = JSON.parse(row.steps_json) as { status: string; attempts: number; message?: string }[];
      expect(steps.at(-1)).toMatchObject({ status: 'failed', attempts: 1 });
      expect(steps.at(-1)?.message).toMatch(/^arm link lost/);
      expect(row.ticket_id).toMatch(/^[0-9A-Z]{26}$/);
      // The ticket reaches the hub through the outbox.
      const ticket = await waitFor(
        async () => (await h.hub.store.getTicket(row.ticket_id as string)) ?? undefined,
        15_000,
        'ticket on the hub',
      );
      expect(ticket).toMatchObject({
        kind: 'device_fault',
        status: 'open',
        device: 'printer',
        kioskId: 'kiosk-t1',
      });
      // Its steps travel with the run's event, for the hub's device-fault ticket.
      const event = await waitFor(
        async () => (await h.hub.store.ticketDesk.runbookEvent(ticket)) ?? undefined,
        15_000,
        'runbook event on the hub',
      );
      expect(decodeRunbookSteps(event.data).map((s) => `${s.status} ${s.attempts}`)).toEqual(
        steps.map((s) => `${s.status} ${s.attempts}`),
      );
    } finally {
      db.close();
    }
    await ready();
  });

  it('aborts on an e-stop: the arm halts, the run ends aborted, ESTOP latches until a technician resets', async () => {
    await ready();
    const haltsBefore = (await h.sim.control.haltLog()).length;
    const runId = (await api.call('POST', '/runbooks/card-slot-reseat/run', {})).json.runId as string;
    await moving(runId);
    await postJson(sim('/gpio'), { input: 'estop', active: true });
    const end = await settled(runId);
    expect(end.status).toBe('aborted');
    expect(String(end.message)).toMatch(/ESTOP/);
    const halts = (await h.sim.control.haltLog()).slice(haltsBefore);
    expect(halts.some((x) => x.category === 0)).toBe(true);
    await waitFor(async () => !(await h.sim.control.state()).arm.moving || undefined, 5000, 'arm stopped');
    expect(((await api.call('GET', '/status')).json.safety as { state: string }).state).toBe('ESTOP');

    // No new run while latched.
    const refused = (await api.call('POST', '/runbooks/printer-reset/run', {})).json.runId as string;
    expect((await settled(refused)).status).toBe('failed');

    await postJson(sim('/gpio'), { input: 'estop', active: false });
    const anonymous = await postJson(`${h.agent.techUrl}/tech/api/safety/reset`, {});
    expect(anonymous.status).toBe(401);
    expect(((await api.call('GET', '/status')).json.safety as { state: string }).state).toBe('ESTOP');
    await waitFor(async () => {
      const st = (await api.call('GET', '/status')).json.safety as { inputs: { estopPressed: boolean } };
      return !st.inputs.estopPressed || undefined;
    });
    const reset = await api.call('POST', '/safety/reset');
    expect(reset.status, reset.text).toBe(200);
    await ready();
  });

  it('aborts when a person enters the arm zone', async () => {
    await ready();
    const runId = (await api.call('POST', '/runbooks/printer-reset/run', {})).json.runId as string;
    await moving(runId);
    await postJson(sim('/gpio'), { input: 'presence', active: true });
    const end = await settled(runId);
    expect(end.status).toBe('aborted');
    expect(String(end.message)).toMatch(/PROTECTIVE_STOP/);
    await postJson(sim('/gpio'), { input: 'presence', active: false });
    await ready();
  });

  it('aborts on request', async () => {
    const runId = (await api.call('POST', '/runbooks/touchscreen-recalibrate/run', {})).json.runId as string;
    await moving(runId);
    expect((await api.call('POST', '/runbooks/abort', { runId })).status).toBe(200);
    const end = await settled(runId);
    expect(end.status).toBe('aborted');
    await waitFor(async () => !(await h.sim.control.state()).arm.moving || undefined, 5000, 'arm stopped');
  });
});
