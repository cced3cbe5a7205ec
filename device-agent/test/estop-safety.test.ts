// E-stop through the whole agent: the sim panel's e-stop reaches the real simulator as HALT category 0,
// the kiosk is told the service is unavailable, and only a signed-in technician can reset after release.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KioskClient,
  postJson,
  startHarness,
  TECH_PIN,
  waitFor,
  type Frame,
  type Harness,
} from './harness.ts';

let h: Harness;
let c: KioskClient;
const sim = (path: string) => `${h.agent.url}/sim/api${path}`;
const tech = (path: string) => `${h.agent.techUrl}/tech/api${path}`;
const statusChanges = (): Frame[] => c.frames.filter((f) => f.header.name === 'Common.StatusChanged');

beforeAll(async () => {
  h = await startHarness();
  c = await KioskClient.connect(h.agent.url);
  await waitFor(
    async () => {
      const s = (await (await fetch(sim('/state'))).json()) as { arm: { link: string } };
      return s.arm.link === 'up' || undefined;
    },
    15_000,
    'arm link up',
  );
  await waitFor(() => statusChanges().find((f) => f.payload.available === true), 5000, 'available');
});
afterAll(async () => {
  await c?.close();
  await h?.close();
});

describe('e-stop', () => {
  it('sends HALT category 0 to the simulator and tells the kiosk the service is unavailable', async () => {
    const haltsBefore = (await h.sim.control.haltLog()).length;
    const seen = statusChanges().length;
    expect((await postJson(sim('/gpio'), { input: 'estop', active: true })).status).toBe(200);

    const halts = await waitFor(
      async () => {
        const log = await h.sim.control.haltLog();
        return log.length > haltsBefore ? log.slice(haltsBefore) : undefined;
      },
      5000,
      'HALT at the simulator',
    );
    expect(halts[0]).toMatchObject({ category: 0, first: true });

    const change = await waitFor(
      () =>
        statusChanges()
          .slice(seen)
          .find((f) => f.payload.available === false),
      5000,
      'StatusChanged',
    );
    expect(change.payload).toEqual({ available: false, reason: 'estop', safetyState: 'ESTOP' });
    const state = (await (await fetch(sim('/state'))).json()) as {
      gpio: { estopPressed: boolean };
      safety: { state: string; cause: string };
    };
    expect(state.gpio.estopPressed).toBe(true);
    expect(state.safety).toEqual({ state: 'ESTOP', cause: 'estop_pressed' });

    // New customer sessions are refused while unavailable.
    expect((await c.command('Session.Start', { locale: 'en' })).payload.completionCode).toBe(
      'deviceNotReady',
    );
  });

  it('refuses a reset without sign-in, and with sign-in while the button is still pressed', async () => {
    expect((await postJson(tech('/safety/reset'), {})).status).toBe(401);
    expect(
      (await postJson(tech('/safety/reset'), {}, { authorization: 'Bearer forged-token-forged-token' }))
        .status,
    ).toBe(401);
    const login = await postJson(tech('/login'), { pin: TECH_PIN });
    expect(login.status).toBe(200);
    const auth = { authorization: `Bearer ${login.json.token as string}` };
    const pressed = await postJson(tech('/safety/reset'), {}, auth);
    expect(pressed.status).toBe(409);
    expect(pressed.json.error).toMatch(/still pressed/);
  });

  it('stays latched after release until a signed-in technician resets it', async () => {
    await postJson(sim('/gpio'), { input: 'estop', active: false });
    // Release is debounced; the state stays ESTOP regardless.
    await waitFor(
      async () => {
        const s = (await (await fetch(sim('/state'))).json()) as { gpio: { estopPressed: boolean } };
        return !s.gpio.estopPressed || undefined;
      },
      5000,
      'debounced release',
    );
    const s = (await (await fetch(sim('/state'))).json()) as { safety: { state: string } };
    expect(s.safety.state).toBe('ESTOP');
    expect((await postJson(tech('/safety/reset'), {})).status).toBe(401);

    const login = await postJson(tech('/login'), { pin: TECH_PIN });
    const seen = statusChanges().length;
    const reset = await postJson(
      tech('/safety/reset'),
      {},
      { authorization: `Bearer ${login.json.token as string}` },
    );
    expect(reset).toEqual({ status: 200, json: { state: 'READY' } });
    const back = await waitFor(
      () =>
        statusChanges()
          .slice(seen)
          .find((f) => f.payload.available === true),
      5000,
      'available again',
    );
    expect(back.payload.safetyState).toBe('READY');
  });

  it('pauses for presence and resumes once the zone has been clear', async () => {
    await postJson(sim('/gpio'), { input: 'presence', active: true });
    const state = async () =>
      ((await (await fetch(sim('/state'))).json()) as { safety: { state: string } }).safety.state;
    expect(await state()).toBe('PROTECTIVE_STOP');
    await postJson(sim('/gpio'), { input: 'presence', active: false });
    await waitFor(
      async () => ((await state()) === 'READY' ? true : undefined),
      5000,
      'READY after the clear time',
    );
  });

  it('records every transition with cause and time in SQLite', () => {
    const db = new Database(join(h.dir, 'agent', 'agent.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT from_state, to_state, cause, at FROM safety_events ORDER BY seq')
        .all() as Record<string, string>[];
      expect(rows.map((r) => `${r.from_state}>${r.to_state}:${(r.cause as string).split(':')[0]}`)).toEqual([
        'READY>ESTOP:estop_pressed',
        'ESTOP>READY:technician_reset',
        'READY>PROTECTIVE_STOP:presence_detected',
        'PROTECTIVE_STOP>READY:zone_clear_elapsed',
      ]);
      for (const r of rows) expect(Number.isNaN(Date.parse(r.at as string))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('syncs every transition to the hub as a device event', async () => {
    await waitFor(
      async () => ((await h.hub.store.stats()).deviceEvents >= 4 ? true : undefined),
      10_000,
      'device events on the hub',
    );
  });

  it('locks technician sign-in after 5 wrong PINs', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await postJson(tech('/login'), { pin: '000000' })).status);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    expect((await postJson(tech('/login'), { pin: TECH_PIN })).status).toBe(429);
  });
});
