// The simulated arm as the control channel reports it: a copy, so that the JSON is a snapshot.
import type { SimArm } from '../protocol/sim-arm.ts';
import type { SimulatorState } from './control-types.ts';

export function armView(a: SimArm): SimulatorState['arm'] {
  return {
    state: a.state,
    homed: a.homed,
    joints: a.positions.slice(),
    velocities: a.velocities.slice(),
    currents: a.currents.slice(),
    temperatures: a.temperatures.slice(),
    gripper: a.gripper,
    faults: [...a.faults],
    tool: a.toolPoint(),
    moving: a.moving,
  };
}
