// Time-synchronised trapezoidal joint motion: every joint starts and stops together, each within its own
// velocity and acceleration limits.

export interface JointProfile {
  start: number;
  delta: number;
  /** Peak speed and acceleration magnitudes used. */
  v: number;
  a: number;
  ta: number;
}

export interface MotionPlan {
  duration: number; // s
  joints: JointProfile[];
}

/** Shortest time to travel |d| from rest to rest with limits v, a. */
export function minTime(d: number, v: number, a: number): number {
  const x = Math.abs(d);
  if (x === 0) return 0;
  if (x <= (v * v) / a) return 2 * Math.sqrt(x / a);
  return x / v + v / a;
}

export function planMotion(
  start: readonly number[],
  target: readonly number[],
  limits: readonly { maxVelocity: number; maxAcceleration: number }[],
  speedScale = 1,
  minDuration = 0,
): MotionPlan {
  let duration = minDuration;
  for (let i = 0; i < target.length; i++) {
    const l = limits[i]!;
    duration = Math.max(
      duration,
      minTime(target[i]! - start[i]!, l.maxVelocity * speedScale, l.maxAcceleration),
    );
  }
  const joints: JointProfile[] = target.map((t, i) => {
    const l = limits[i]!;
    const d = t - start[i]!;
    const x = Math.abs(d);
    if (x === 0 || duration === 0) return { start: start[i]!, delta: d, v: 0, a: 0, ta: 0 };
    const a = l.maxAcceleration;
    const disc = a * a * duration * duration - 4 * a * x;
    const v = (a * duration - Math.sqrt(Math.max(0, disc))) / 2;
    return { start: start[i]!, delta: d, v, a, ta: v / a };
  });
  return { duration, joints };
}

/** Position and signed velocity of one joint at time t (s) into the plan. */
export function sample(
  p: JointProfile,
  duration: number,
  t: number,
): { pos: number; vel: number; acc: number } {
  const sgn = Math.sign(p.delta);
  if (p.delta === 0 || t >= duration) return { pos: p.start + p.delta, vel: 0, acc: 0 };
  if (t <= 0) return { pos: p.start, vel: 0, acc: 0 };
  let s: number;
  let v: number;
  let acc: number;
  if (t < p.ta) {
    s = 0.5 * p.a * t * t;
    v = p.a * t;
    acc = p.a;
  } else if (t <= duration - p.ta) {
    s = 0.5 * p.a * p.ta * p.ta + p.v * (t - p.ta);
    v = p.v;
    acc = 0;
  } else {
    const r = duration - t;
    s = Math.abs(p.delta) - 0.5 * p.a * r * r;
    v = p.a * r;
    acc = -p.a;
  }
  return { pos: p.start + sgn * s, vel: sgn * v, acc: sgn * acc };
}
