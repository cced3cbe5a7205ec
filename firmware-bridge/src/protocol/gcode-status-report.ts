// What the simulator firmware reports: its answer to `?` (GRBL's machine state from the planner and the
// arm, with this firmware's extension fields: gripper, homed, faults, temperatures, currents, velocities,
// time), its build info (`$I`) and its settings (`$$`).
import { RX_BUFFER_BYTES, formatStatusReport, type GcodeMachineState } from './gcode.ts';
import type { SimArm } from './sim-arm.ts';

export const GCODE_FIRMWARE_ID = 'branch-arm-sim 1.0.0 (gcode)';
export const PLANNER_BLOCKS = 15;

/** `$I`: version, planner and buffer sizes, and what this firmware can do. */
export function buildInfoLines(joints: number, watchdogMs: number): string[] {
  return [
    `[VER:1.1h.20190825:${GCODE_FIRMWARE_ID}]`,
    `[OPT:V,${PLANNER_BLOCKS},${RX_BUFFER_BYTES}]`,
    `[CAP:joints:${joints},gripper,status:?,hold,reset,watchdog:${watchdogMs}ms]`,
  ];
}

/** `$$`: each joint's maximum rate ($110.., in units per minute, as GRBL gives it). */
export function settingLines(a: SimArm): string[] {
  return a.limits.joints.map((j, i) => `$${110 + i}=${j.maxVelocity * 60}`);
}

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
