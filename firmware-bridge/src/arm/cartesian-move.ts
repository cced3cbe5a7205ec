// A Cartesian move turned into a joint move, host side: the tool speed and the target checked against the
// limits and the workspace, the joints found by IK (keeping the wrist roll), and the speed scale that keeps
// the tool at the requested speed.
import { ArmError, type ArmLimits } from './arm-controller.ts';
import { inverseKinematics, withinWorkspace } from '../protocol/kinematics.ts';
import { speedScaleForToolSpeed } from './tool-speed.ts';

export function cartesianToJoints(
  target: { x: number; y: number; z: number },
  speedMmS: number,
  limits: ArmLimits,
  current: number[],
): { joints: number[]; speedScale: number } {
  if (!(speedMmS > 0)) throw new ArmError('out_of_limits', 'speedMmS must be positive');
  if (speedMmS > limits.maxToolSpeedMmS)
    throw new ArmError('out_of_limits', `speed ${speedMmS} mm/s above the limit ${limits.maxToolSpeedMmS}`);
  const where = `target (${target.x}, ${target.y}, ${target.z})`;
  if (![target.x, target.y, target.z].every(Number.isFinite) || !withinWorkspace(target, limits))
    throw new ArmError('out_of_limits', `${where} outside the workspace`);
  const joints = inverseKinematics(target, limits, current[4] ?? 0);
  if (!joints) throw new ArmError('out_of_limits', `${where} is out of reach`);
  return { joints, speedScale: speedScaleForToolSpeed(current, joints, limits.joints, speedMmS) };
}
