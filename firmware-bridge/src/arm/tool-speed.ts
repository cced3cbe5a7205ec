// The speed scale that keeps a joint move's tool speed under a Cartesian limit.
import type { JointLimit } from './arm-controller.ts';
import { forwardKinematics } from '../protocol/kinematics.ts';
import { planMotion } from '../protocol/motion.ts';

/**
 * The largest speed scale whose move keeps the tool at or under `speedMmS`: the tool's path length in
 * joint space, times 2 (a trapezoid's peak over its mean speed, at most), over the speed.
 */
export function speedScaleForToolSpeed(
  from: number[],
  joints: number[],
  limits: JointLimit[],
  speedMmS: number,
): number {
  let length = 0;
  let prev = forwardKinematics(from);
  for (let k = 1; k <= 32; k++) {
    const q = from.map((a, i) => a + ((joints[i]! - a) * k) / 32);
    const p = forwardKinematics(q);
    length += Math.hypot(p.x - prev.x, p.y - prev.y, p.z - prev.z);
    prev = p;
  }
  const minDuration = (2 * length) / speedMmS;
  let lo = 0.001;
  let hi = 1;
  if (planMotion(from, joints, limits, hi).duration >= minDuration) return hi;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (planMotion(from, joints, limits, mid).duration >= minDuration) lo = mid;
    else hi = mid;
  }
  return lo;
}
