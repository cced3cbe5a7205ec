// Unplug and replug the pty 20 times: the driver notices, reconnects with backoff, re-handshakes, and the
// arm counts as unhomed until HELLO says otherwise. Commands during the outage fail at once with link_down.
import { expect, it } from 'vitest';
import type { LinkState } from '../src/index.ts';
import { errorOf, homedRigPerFile, startRig, until } from './helpers/rig.ts';

const rigOf = homedRigPerFile('binary');

it('survives 20 unplug/replug cycles', async () => {
  const rig = rigOf();
  const states: LinkState[] = [];
  let homedWhileDown = 0;
  let watchdogHalts = 0;
  const off = rig.arm.on((e) => {
    if (e.type === 'link') states.push(e.state);
    if (e.type === 'status' && e.status.link !== 'up' && e.status.link !== 'degraded' && e.status.homed)
      homedWhileDown++;
  });
  for (let i = 0; i < 20; i++) {
    await rig.sim.control.inject({ kind: 'unplug', ms: 60 });
    await until(() => !['up', 'degraded'].includes(rig.arm.status().link), `link loss in cycle ${i}`);
    expect(rig.arm.status().homed).toBe(false);
    const err = await errorOf(rig.arm.gripper(i % 2));
    expect(err.code).toBe('link_down');
    await until(() => rig.arm.status().link === 'up', `link up again in cycle ${i}`, 10_000);
    // An outage longer than the firmware's 250 ms watchdog halts the arm; that is the only fault allowed.
    const s = rig.arm.status();
    if (s.state === 'halted' || s.state === 'fault') {
      expect(s.faults.filter((f) => f !== 'watchdog')).toEqual([]);
      watchdogHalts++;
      await rig.arm.resume();
    }
    await rig.arm.gripper(i % 2 === 0 ? 0.2 : 0.8);
    // Simulator firmware kept its homing through the unplug, and HELLO said so.
    expect(rig.arm.status().homed).toBe(true);
  }
  off();
  const st = await rig.sim.control.state();
  expect(st.injections.unplugs).toBe(20);
  expect(states.filter((s) => s === 'up').length).toBeGreaterThanOrEqual(20);
  expect(homedWhileDown).toBe(0);
  console.info(`20 unplug cycles: ${watchdogHalts} outages outlasted the 250 ms watchdog`);
});

it('the G-code driver reconnects after unplugging too', async () => {
  const g = await startRig('gcode');
  try {
    await g.arm.home();
    for (let i = 0; i < 5; i++) {
      await g.sim.control.inject({ kind: 'unplug', ms: 60 });
      await until(() => !['up', 'degraded'].includes(g.arm.status().link), `gcode link loss in cycle ${i}`);
      expect(g.arm.status().homed).toBe(false);
      expect((await errorOf(g.arm.gripper(0.5))).code).toBe('link_down');
      await until(() => g.arm.status().link === 'up', `gcode link up in cycle ${i}`, 10_000);
      if (g.arm.status().state === 'halted') await g.arm.resume();
      await g.arm.gripper(i % 2 === 0 ? 0.3 : 0.7);
      expect(g.arm.status().homed).toBe(true);
    }
  } finally {
    await g.stop();
  }
});
