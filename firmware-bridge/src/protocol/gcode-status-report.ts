// The simulator firmware's answer to `?`: GRBL's machine state from the planner and the arm, with this
// firmware's extension fields (gripper, homed, faults, temperatures, currents, velocities, time).
import { formatStatusReport, type GcodeMachineState } from './gcode.ts';
import type { SimArm } from './sim-arm.ts';

export interface PlannerView {
  alarm: boolean;
  hold: boolean;
  /** The block executing is a homing cycle. */
  homing: boolean;
  /** A block is executing or queued. */
  running: boolean;
  bf: [number, number];
  feed: number;
  t: number;
}

export function statusReportFor(a: SimArm, p: PlannerView): string {
  const moving = a.moving;
  let state: GcodeMachineState;
  let sub: number | null = null;
  if (p.alarm || a.state === 'fault') state = 'Alarm';
  else if (p.hold) {
    state = 'Hold';
    sub = moving ? 1 : 0;
  } else if (p.homing) state = 'Home';
  else if (p.running) state = 'Run';
  else state = 'Idle';
  return formatStatusReport({
    state,
    sub,
    mpos: a.positions,
    bf: p.bf,
    feed: moving ? p.feed : 0,
    gripper: a.gripper,
    homed: a.homed,
    faults: [...a.faults],
    temperatures: a.temperatures,
    currents: a.currents,
    velocities: a.velocities,
    t: p.t,
  });
}
