// The technician listener: sign-in on every route, inventory and self-test, telemetry over the
// technician WebSocket, hold-to-run jog (stops when the heartbeat stops; speed capped in MAINTENANCE),
// malformed socket messages, and the diagnostic bundle with progress and without card data.
import { forwardKinematics } from '@branch/firmware-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { REDUCED_SPEED_MM_S } from '../src/safety/safety-supervisor.ts';
import { techWsProtocols } from '../src/ws/tech-ws-auth.ts';
import { KioskClient, postJson, waitFor, type Harness } from './harness.ts';
import { waitTechReady } from './support/readiness.ts';
import { startTechSession, type TechSession } from './support/tech-session.ts';
import type { TechApi, TechSocket } from './tech-client.ts';

const PAN = '4539578763621486';

/** Tool speed, mm/s, from joint positions (deg) and velocities (deg/s) of the same instant. */
function toolSpeed(joints: number[], velocities: number[]): number {
  const dt = 1e-4;
  const a = forwardKinematics(joints);
  const b = forwardKinematics(joints.map((q, i) => q + (velocities[i] ?? 0) * dt));
  return Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z) / dt;
}
const TRACK = `%B${PAN}^PLANTED/TECH^3105101123456?;${PAN}=3105101123456?`;

let session: TechSession;
let h: Harness;
let api: TechApi;
let ws: TechSocket;
const sim = (path: string) => `${h.agent.url}/sim/api${path}`;

async function safetyState(): Promise<string> {
  return ((await api.call('GET', '/status')).json.safety as { state: string }).state;
}

async function homed(): Promise<void> {
  await waitTechReady(api, 'READY');
  // The home runbook step is the simplest way to a homed arm at a known pose.
  const runId = (await api.call('POST', '/runbooks/printer-reset/run', {})).json.runId as string;
  await ws.next((m) => m.type === 'runbook.progress' && m.runId === runId && m.status !== 'running', 30_000);
}

beforeAll(async () => {
  session = await startTechSession();
  ({ h, api, ws } = session);
  await homed();
});
afterAll(async () => {
  await session?.close();
});

describe('technician API', () => {
  it('is on its own listener, and every route but sign-in needs a token', async () => {
    expect(h.agent.techUrl).not.toBe(h.agent.url);
    const routes: [string, string][] = [
      ['GET', '/inventory'],
      ['GET', '/status'],
      ['POST', '/selftest'],
      ['GET', '/events'],
      ['GET', '/runbooks'],
      ['POST', '/runbooks/printer-reset/run'],
      ['POST', '/jog/start'],
      ['POST', '/bundle'],
      ['POST', '/safety/reset'],
    ];
    for (const [method, path] of routes) {
      const r = await fetch(`${h.agent.techUrl}/tech/api${path}`, { method });
      expect(r.status, path).toBe(401);
    }
    const wsUrl = `${h.agent.techUrl.replace('http', 'ws')}/tech/ws`;
    const outcome = (ws: WebSocket) =>
      new Promise<string>((resolve) => {
        ws.once('open', () => resolve('open'));
        ws.once('error', (e) => resolve(e.message));
      });
    expect(await outcome(new WebSocket(wsUrl, techWsProtocols('not-a-valid-token-xxxx')))).toMatch(/401/);
    // A valid token in the URL is not a credential: it would land in access logs and history.
    const valid = api.token;
    expect(await outcome(new WebSocket(`${wsUrl}?token=${valid}`))).toMatch(/401/);
    const accepted = new WebSocket(wsUrl, techWsProtocols(valid));
    expect(await outcome(accepted)).toBe('open');
    // The server selects the protocol name, never echoing the token back.
    expect(accepted.protocol).toBe('branch-tech.v1');
    accepted.close();
  });

  it('checks bodies with zod', async () => {
    const bad = await api.call('POST', '/jog/start', { axis: 'w', direction: 2 });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/axis/);
    const extra = await api.call('POST', '/runbooks/printer-reset/run', { force: true });
    expect(extra.status).toBe(400);
  });

  it('reports inventory with firmware versions, and a self-test', async () => {
    const inv = (await api.call('GET', '/inventory')).json as {
      devices: { name: string; firmware: string | null; state: string }[];
    };
    const arm = inv.devices.find((d) => d.name === 'arm');
    expect(arm?.firmware).toMatch(/protocol/);
    expect(inv.devices.find((d) => d.name === 'printer.resetButton')?.state).toBe('ok');
    const st = (await api.call('POST', '/selftest')).json as { ok: boolean; arm: { checks: unknown[] } };
    expect(st.arm.checks.length).toBeGreaterThan(0);
    expect(typeof st.ok).toBe('boolean');
  });

  it('streams arm telemetry and live status over the technician WebSocket', async () => {
    const t = await ws.next((m) => m.type === 'telemetry', 5000, 'telemetry');
    expect((t.positions as number[]).length).toBe(5);
    expect(t.tool).toMatchObject({ x: expect.any(Number), y: expect.any(Number), z: expect.any(Number) });
    await ws.next((m) => m.type === 'status', 5000, 'status');
  });

  it('answers a malformed socket message with an error and keeps the socket', async () => {
    const from = ws.messages.length;
    ws.ws.send('{not json');
    ws.send({ type: 'jog.start', axis: 'x', direction: 5 });
    await ws.next((m) => m.type === 'error' && /not JSON/.test(String(m.message)), 5000, 'error', from);
    await ws.next((m) => m.type === 'error' && /direction/.test(String(m.message)), 5000, 'error', from);
    ws.send({ type: 'ping' });
    await ws.next((m) => m.type === 'pong', 5000, 'pong', from);
  });

  it('jogs only while heartbeats arrive, and stops with a halt when they stop', async () => {
    const haltsBefore = (await h.sim.control.haltLog()).length;
    const from = ws.messages.length;
    ws.send({ type: 'jog.start', axis: 'z', direction: -1, speedMmS: 100 });
    const started = await ws.next((m) => m.type === 'jog.start.result', 5000, 'jog start', from);
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const jogId = started.jogId as string;
    // Hold for a while, beating every 50 ms, then let go without a release message.
    const beat = setInterval(() => ws.send({ type: 'jog.heartbeat', jogId }), 50);
    await waitFor(async () => (await h.sim.control.state()).arm.moving || undefined, 5000, 'moving');
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(beat);
    const stopped = await ws.next(
      (m) => m.type === 'jog' && m.event === 'stopped' && m.jogId === jogId,
      5000,
    );
    expect(stopped.reason).toBe('heartbeat lost');
    await waitFor(async () => !(await h.sim.control.state()).arm.moving || undefined, 5000, 'arm stopped');
    const halts = (await h.sim.control.haltLog()).slice(haltsBefore);
    expect(halts.some((x) => x.category === 2)).toBe(true);
    // 200 mm at 100 mm/s would take 2 s: the tool stopped well short of the jog's target.
    const z = (await h.sim.control.state()).arm.tool.z;
    expect(z).toBeGreaterThan((started.target as { z: number }).z + 20);
  });

  it('caps the jog speed at the reduced speed in MAINTENANCE, and refuses runbooks there', async () => {
    await postJson(sim('/gpio'), { input: 'door', active: true });
    await waitFor(async () => (await safetyState()) === 'MAINTENANCE' || undefined, 5000, 'MAINTENANCE');
    const runId = (await api.call('POST', '/runbooks/printer-reset/run', {})).json.runId as string;
    const refused = await ws.next(
      (m) => m.type === 'runbook.progress' && m.runId === runId && m.status !== 'running',
    );
    expect(refused).toMatchObject({ status: 'failed', step: 0 });
    expect(String(refused.message)).toMatch(/MAINTENANCE/);

    const start = await api.call('POST', '/jog/start', { axis: 'x', direction: 1, speedMmS: 450 });
    expect(start.status, start.text).toBe(200);
    expect(start.json.speedMmS).toBe(REDUCED_SPEED_MM_S);
    const jogId = start.json.jogId as string;
    // The simulator's joint positions and velocities of one tick give the tool's instantaneous speed.
    const speeds: number[] = [];
    const beat = setInterval(() => void api.call('POST', '/jog/heartbeat', { jogId }), 40);
    try {
      for (let i = 0; i < 40; i++) {
        const { joints, velocities } = (await h.sim.control.state()).arm;
        speeds.push(toolSpeed(joints, velocities));
        await new Promise((r) => setTimeout(r, 15));
      }
    } finally {
      clearInterval(beat);
      await api.call('POST', '/jog/stop', { jogId });
    }
    expect(Math.max(...speeds)).toBeGreaterThan(20); // it did move
    expect(Math.max(...speeds)).toBeLessThanOrEqual(REDUCED_SPEED_MM_S * 1.02);
    await postJson(sim('/gpio'), { input: 'door', active: false });
    await waitFor(async () => (await safetyState()) === 'READY' || undefined, 5000, 'READY');
  });

  it('builds a diagnostic bundle with progress, without card data', async () => {
    // A customer swipes the planted card into a session, so it is parsed, masked and logged.
    const kiosk = await KioskClient.connect(h.agent.url);
    try {
      const sessionId = (await kiosk.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
      const read = kiosk.command('CardReader.ReadCard', { sessionId, timeoutMs: 5000 });
      await waitFor(() =>
        kiosk.frames.find((f) => f.header.type === 'acknowledge' && f.header.name === 'CardReader.ReadCard'),
      );
      await postJson(sim('/card'), { raw: TRACK });
      expect((await read).payload).toMatchObject({ card: { maskedPan: '453957******1486' } });
      await kiosk.command('Session.End', { sessionId, outcome: 'answered' });
    } finally {
      await kiosk.close();
    }
    const from = ws.messages.length;
    const start = await api.call('POST', '/bundle', {});
    expect(start.status).toBe(202);
    const id = start.json.id as string;
    const done = await ws.next(
      (m) => m.type === 'bundle' && m.id === id && m.state === 'ready',
      10_000,
      'bundle',
      from,
    );
    const steps = ws
      .of('bundle')
      .filter((m) => m.id === id)
      .map((m) => m.done);
    expect(steps.length).toBeGreaterThan(2);
    const dl = await api.call('GET', `/bundle/${id}/download`);
    expect(dl.status).toBe(200);
    expect(Buffer.byteLength(dl.text)).toBe(done.bytes);
    const bundle = JSON.parse(dl.text) as Record<string, unknown>;
    expect(Object.keys(bundle)).toEqual(
      expect.arrayContaining([
        'config',
        'inventory',
        'status',
        'safetyEvents',
        'runbookRuns',
        'logs',
        'metrics',
      ]),
    );
    expect(dl.text).not.toContain('pinHash":"scrypt');
    expect(dl.text).not.toContain('PLANTED');
    expect(dl.text).toContain('card linked to session'); // the log lines are in, guarded
    // Nothing the technician API or socket sent carries the PAN.
    for (const text of [dl.text, ...api.raw, ...ws.raw]) expect(text).not.toContain(PAN);
  });
});
