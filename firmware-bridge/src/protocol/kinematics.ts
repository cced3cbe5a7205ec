// The simulated arm's geometry, limits, forward/inverse kinematics and the named fixtures of the branch.
// Joints: 0 base yaw, 1 shoulder pitch (from horizontal), 2 elbow, 3 wrist pitch, 4 wrist roll. Degrees, mm.
import type { ArmLimits } from '../arm/arm-controller.ts';

export const GEOMETRY = { baseHeight: 200, upperArm: 300, forearm: 250, tool: 100 } as const;

export const DEFAULT_LIMITS: ArmLimits = {
  joints: [
    { name: 'base', min: -170, max: 170, maxVelocity: 120, maxAcceleration: 600 },
    { name: 'shoulder', min: -20, max: 160, maxVelocity: 90, maxAcceleration: 450 },
    { name: 'elbow', min: -170, max: 20, maxVelocity: 120, maxAcceleration: 600 },
    { name: 'wristPitch', min: -150, max: 150, maxVelocity: 180, maxAcceleration: 900 },
    { name: 'wristRoll', min: -180, max: 180, maxVelocity: 180, maxAcceleration: 900 },
  ],
  maxToolSpeedMmS: 500,
  workspace: { min: [-600, -600, 0], max: [600, 600, 750] },
  gripper: { min: 0, max: 1 },
};

/** Joint pose the arm takes when homed: upper arm up, forearm forward, tool pointing down. */
export const HOME_POSE: readonly number[] = [0, 90, -90, -90, 0];

/** The arm with 5 joints (default) or 6 (a tool-roll joint that does not move the tool point). */
export function limitsForJoints(n: number): ArmLimits {
  if (n === 5) return DEFAULT_LIMITS;
  if (n === 6)
    return {
      ...DEFAULT_LIMITS,
      joints: [
        ...DEFAULT_LIMITS.joints,
        { name: 'toolRoll', min: -180, max: 180, maxVelocity: 180, maxAcceleration: 900 },
      ],
    };
  throw new RangeError(`the simulated arm has 5 or 6 joints, not ${n}`);
}

/** HOME_POSE padded with zeros to `n` joints. */
export function homePose(n: number): number[] {
  return Array.from({ length: n }, (_, i) => HOME_POSE[i] ?? 0);
}

const RAD = Math.PI / 180;

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

export function forwardKinematics(j: readonly number[]): Point3 {
  const { baseHeight, upperArm, forearm, tool } = GEOMETRY;
  const p1 = (j[1] ?? 0) * RAD;
  const p2 = p1 + (j[2] ?? 0) * RAD;
  const p3 = p2 + (j[3] ?? 0) * RAD;
  const r = upperArm * Math.cos(p1) + forearm * Math.cos(p2) + tool * Math.cos(p3);
  const z = baseHeight + upperArm * Math.sin(p1) + forearm * Math.sin(p2) + tool * Math.sin(p3);
  const yaw = (j[0] ?? 0) * RAD;
  return { x: r * Math.cos(yaw), y: r * Math.sin(yaw), z };
}

/**
 * Inverse kinematics with the tool pointing straight down, elbow up. Returns null when the point is out of
 * reach or a joint would leave its limits. `roll` is kept from the caller (default 0).
 */
export function inverseKinematics(p: Point3, limits: ArmLimits = DEFAULT_LIMITS, roll = 0): number[] | null {
  const { baseHeight, upperArm: l1, forearm: l2, tool } = GEOMETRY;
  const yaw = Math.atan2(p.y, p.x);
  const dx = Math.hypot(p.x, p.y);
  const dz = p.z + tool - baseHeight;
  const d = (dx * dx + dz * dz - l1 * l1 - l2 * l2) / (2 * l1 * l2);
  if (!(d >= -1 && d <= 1)) return null;
  const t2 = -Math.acos(d);
  const t1 = Math.atan2(dz, dx) - Math.atan2(l2 * Math.sin(t2), l1 + l2 * Math.cos(t2));
  const t3 = -Math.PI / 2 - t1 - t2;
  const out = [yaw / RAD, t1 / RAD, t2 / RAD, t3 / RAD, roll].map((v) => Math.round(v * 1e4) / 1e4);
  while (out.length < limits.joints.length) out.push(0); // joints past the wrist do not move the tool point
  return withinJointLimits(out, limits) ? out : null;
}

export function withinJointLimits(j: readonly number[], limits: ArmLimits = DEFAULT_LIMITS): boolean {
  if (j.length !== limits.joints.length) return false;
  return j.every((v, i) => Number.isFinite(v) && v >= limits.joints[i]!.min && v <= limits.joints[i]!.max);
}

export function withinWorkspace(p: Point3, limits: ArmLimits = DEFAULT_LIMITS): boolean {
  const { min, max } = limits.workspace;
  return p.x >= min[0] && p.x <= max[0] && p.y >= min[1] && p.y <= max[1] && p.z >= min[2] && p.z <= max[2];
}

/** Why a joint target is refused, or null when it is fine. */
export function checkJointTargets(
  targets: readonly number[],
  limits: ArmLimits = DEFAULT_LIMITS,
): string | null {
  if (targets.length !== limits.joints.length)
    return `expected ${limits.joints.length} joint targets, got ${targets.length}`;
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i]!;
    const l = limits.joints[i]!;
    if (!Number.isFinite(v)) return `joint ${i} (${l.name}) target is not a number`;
    if (v < l.min || v > l.max) return `joint ${i} (${l.name}) target ${v} outside [${l.min}, ${l.max}]`;
  }
  const tip = forwardKinematics(targets);
  if (!withinWorkspace(tip, limits))
    return `tool point (${tip.x.toFixed(0)}, ${tip.y.toFixed(0)}, ${tip.z.toFixed(0)}) outside the workspace`;
  return null;
}

export type FixtureKind = 'button' | 'door' | 'slot';

export interface FixtureDef {
  name: string;
  kind: FixtureKind;
  description: string;
  /** Where the tool tip touches the fixture, mm in the base frame. */
  pose: Point3;
  /** A safe point 60 mm above, to approach from. */
  approach: Point3;
  /** Joint solutions (degrees) of pose and approach. */
  joints: number[];
  approachJoints: number[];
  /** State the simulator starts the fixture in, and the state a successful action leaves it in. */
  initialState: string;
  fixedState: string;
}

function fixture(
  name: string,
  kind: FixtureKind,
  description: string,
  pose: Point3,
  initialState: string,
  fixedState: string,
): FixtureDef {
  const approach = { ...pose, z: pose.z + 60 };
  const joints = inverseKinematics(pose);
  const approachJoints = inverseKinematics(approach);
  if (!joints || !approachJoints) throw new Error(`fixture ${name} is out of reach`);
  return { name, kind, description, pose, approach, joints, approachJoints, initialState, fixedState };
}

/** Named fixtures in the arm's workspace. Reaching `pose` acts on the fixture (see the simulator). */
export const FIXTURES: Readonly<Record<string, FixtureDef>> = Object.freeze({
  'printer.resetButton': fixture(
    'printer.resetButton',
    'button',
    'Receipt printer reset button: a press clears a printer fault',
    { x: 400, y: -150, z: 120 },
    'ok',
    'ok',
  ),
  'printer.door': fixture(
    'printer.door',
    'door',
    'Receipt printer door: pushing it at this point closes it',
    { x: 350, y: -300, z: 60 },
    'closed',
    'closed',
  ),
  cardSlot: fixture(
    'cardSlot',
    'slot',
    'Card reader slot: reaching it with the gripper closed reseats a jammed card',
    { x: 420, y: 150, z: 180 },
    'seated',
    'seated',
  ),
  'touchscreen.recalibrateButton': fixture(
    'touchscreen.recalibrateButton',
    'button',
    'Touchscreen recalibration button: a press starts a recalibration',
    { x: 300, y: 300, z: 250 },
    'calibrated',
    'calibrated',
  ),
});

export function fixtures(): FixtureDef[] {
  return Object.values(FIXTURES);
}

/** Tool tip distance to a fixture's contact point that counts as reaching it, mm. */
export const FIXTURE_TOLERANCE_MM = 10;

/** Expands the firmware's compact self-test line (see SimArm.selfTestCompact) into named checks. */
export function parseSelfTest(line: string): {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
} {
  const fields = new Map(line.split(';').map((p) => [p[0] ?? '', p.slice(1)] as const));
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const homed = fields.get('h') === '1';
  checks.push({ name: 'homed', ok: homed, detail: homed ? 'arm is homed' : 'arm is not homed' });
  const faults = fields.get('f') ?? '?';
  checks.push({ name: 'faults', ok: faults === '-', detail: faults === '-' ? 'none' : faults });
  (fields.get('t') ?? '')
    .split(',')
    .filter(Boolean)
    .forEach((t, i) => {
      const c = Number(t);
      checks.push({ name: `temperature:${i}`, ok: c < 70, detail: `${c.toFixed(1)} C` });
    });
  const stalled = fields.get('s') ?? '-';
  if (stalled !== '-')
    for (const j of stalled.split(','))
      checks.push({ name: `motor:${j}`, ok: false, detail: 'joint does not follow' });
  return { ok: checks.every((c) => c.ok), checks };
}
