// The simulated arm: real-time trapezoidal motion, gripper, temperatures and currents, faults, fixtures.
// Pure: the owner calls `tick(nowMs)` (every 5..10 ms) and reads the state. Shared by both firmware dialects.
import type { ArmLimits } from '../arm/arm-controller.ts';
import {
  checkJointTargets,
  DEFAULT_LIMITS,
  FIXTURE_TOLERANCE_MM,
  FIXTURES,
  forwardKinematics,
  homePose,
} from './kinematics.ts';
import { ResultCode, type FwState, type ResultCodeValue } from './messages.ts';
import { planMotion, sample, type MotionPlan } from './motion.ts';
import { compactSelfTest, selfTestChecks, type SelfTestInput, type SelfTestResult } from './sim-self-test.ts';

export type MotionDone = (code: ResultCodeValue, detail: string) => void;

interface ActiveMotion {
  plan: MotionPlan;
  startedAt: number;
  kind: 'move' | 'home' | 'stop';
  gripperFrom: number;
  gripperTo: number;
  done: MotionDone | null;
}

export interface FixtureState {
  state: string;
  touches: number;
  lastTouchAt: number | null;
}

export interface SimArmInjections {
  stalled: Set<number>;
  overtemp: Set<number>;
}

const GRIPPER_SPEED = 2; // full range per second
const AMBIENT_C = 30;
const OVERTEMP_TRIP_C = 80;
const STALL_DETECT_MS = 150;

export class SimArm {
  readonly limits: ArmLimits;
  readonly n: number;
  state: FwState = 'unhomed';
  homed = false;
  positions: number[];
  velocities: number[];
  accelerations: number[];
  temperatures: number[];
  currents: number[];
  gripper = 1;
  /** Latched faults ('stall:2', 'overtemp:1', 'encoder:0', 'watchdog'). */
  readonly faults = new Set<string>();
  readonly inject: SimArmInjections = { stalled: new Set(), overtemp: new Set() };
  /** Pending one-shot encoder glitches by joint. */
  readonly encoderGlitch = new Set<number>();
  readonly fixtures: Record<string, FixtureState> = {};
  halts = 0;
  private motion: ActiveMotion | null = null;
  private lastTick: number;
  private stallSince: (number | null)[];

  constructor(
    private readonly now: () => number,
    limits: ArmLimits = DEFAULT_LIMITS,
  ) {
    this.limits = limits;
    this.n = limits.joints.length;
    // Power-up pose: near home, but not homed.
    this.positions = homePose(this.n).map((v, i) => v + (i % 2 === 0 ? 3 : -2));
    this.velocities = new Array<number>(this.n).fill(0);
    this.accelerations = new Array<number>(this.n).fill(0);
    this.temperatures = new Array<number>(this.n).fill(AMBIENT_C);
    this.currents = new Array<number>(this.n).fill(0.1);
    this.stallSince = new Array<number | null>(this.n).fill(null);
    for (const f of Object.values(FIXTURES))
      this.fixtures[f.name] = { state: f.initialState, touches: 0, lastTouchAt: null };
    this.lastTick = now();
  }

  get moving(): boolean {
    return this.motion !== null;
  }

  toolPoint(): { x: number; y: number; z: number } {
    return forwardKinematics(this.positions);
  }

  /** Returns a refusal (code, detail) or null when motion started. */
  moveJoints(
    targets: number[],
    speedScale: number,
    done: MotionDone,
  ): { code: ResultCodeValue; detail: string } | null {
    const refusal = this.refuseMotion();
    if (refusal) return refusal;
    if (!this.homed) return { code: ResultCode.NOT_HOMED, detail: 'arm is not homed' };
    if (!(speedScale > 0 && speedScale <= 1))
      return { code: ResultCode.OUT_OF_LIMITS, detail: `speedScale ${speedScale} not in (0, 1]` };
    const why = checkJointTargets(targets, this.limits);
    if (why) return { code: ResultCode.OUT_OF_LIMITS, detail: why };
    this.start(targets, speedScale, 'move', this.gripper, done);
    return null;
  }

  home(done: MotionDone): { code: ResultCodeValue; detail: string } | null {
    const refusal = this.refuseMotion();
    if (refusal) return refusal;
    this.start(homePose(this.n), 0.5, 'home', this.gripper, done);
    return null;
  }

  setGripper(opening: number, done: MotionDone): { code: ResultCodeValue; detail: string } | null {
    const refusal = this.refuseMotion();
    if (refusal) return refusal;
    if (!(opening >= this.limits.gripper.min && opening <= this.limits.gripper.max))
      return { code: ResultCode.OUT_OF_LIMITS, detail: `gripper ${opening} outside [0, 1]` };
    const duration = Math.abs(opening - this.gripper) / GRIPPER_SPEED;
    this.start(this.positions.slice(), 1, 'move', opening, done, duration);
    return null;
  }

  private refuseMotion(): { code: ResultCodeValue; detail: string } | null {
    if (this.state === 'halted') return { code: ResultCode.HALTED, detail: 'arm is halted; resume first' };
    if (this.state === 'fault')
      return { code: ResultCode.FAULT, detail: `arm fault: ${[...this.faults].join(',')}` };
    if (this.motion) return { code: ResultCode.REJECTED, detail: 'arm is busy' };
    return null;
  }

  private start(
    targets: number[],
    speedScale: number,
    kind: ActiveMotion['kind'],
    gripperTo: number,
    done: MotionDone | null,
    minDuration = 0,
  ): void {
    const plan = planMotion(this.positions, targets, this.limits.joints, speedScale, minDuration);
    this.motion = { plan, startedAt: this.now(), kind, gripperFrom: this.gripper, gripperTo, done };
    this.stallSince.fill(null);
    if (kind !== 'stop') this.state = 'moving';
  }

  /** Category 0: stop at once. 1 and 2: decelerate at the acceleration limits, then stop. */
  halt(category: 0 | 1 | 2, reason = 'halt'): void {
    this.halts++;
    const m = this.motion;
    this.motion = null;
    if (m?.done) m.done(ResultCode.HALTED, `halted (${reason}, category ${category})`);
    if (category !== 0 && this.velocities.some((v) => v !== 0)) {
      // Controlled stop: come to rest from the current velocity.
      const targets = this.positions.map((p, i) => {
        const v = this.velocities[i]!;
        const a = this.limits.joints[i]!.maxAcceleration;
        return p + (Math.sign(v) * v * v) / (2 * a);
      });
      this.start(targets, 1, 'stop', this.gripper, null);
    } else {
      this.velocities.fill(0);
      this.accelerations.fill(0);
    }
    if (this.state !== 'fault') this.state = 'halted';
  }

  /** Leaves 'halted' or 'fault' when the cause is gone. Returns a refusal or null. */
  resume(): { code: ResultCodeValue; detail: string } | null {
    for (const j of this.inject.stalled)
      if (this.faults.has(`stall:${j}`))
        return { code: ResultCode.FAULT, detail: `joint ${j} is still stalled` };
    for (let j = 0; j < this.n; j++)
      if (this.temperatures[j]! > OVERTEMP_TRIP_C - 10 && this.faults.has(`overtemp:${j}`))
        return {
          code: ResultCode.FAULT,
          detail: `joint ${j} is still hot (${this.temperatures[j]!.toFixed(0)} C)`,
        };
    this.faults.clear();
    if (this.motion?.kind === 'stop') this.finishMotion();
    this.state = this.homed ? 'idle' : 'unhomed';
    return null;
  }

  private trip(fault: string): void {
    this.faults.add(fault);
    const m = this.motion;
    this.motion = null;
    this.velocities.fill(0);
    this.accelerations.fill(0);
    this.state = 'fault';
    if (m?.done) m.done(ResultCode.FAULT, `fault ${fault}`);
  }

  /** The watchdog: no heartbeat for its timeout. */
  watchdogTrip(): void {
    this.faults.add('watchdog');
    this.halt(0, 'watchdog');
  }

  tick(nowMs: number): void {
    const dt = Math.max(0, (nowMs - this.lastTick) / 1000);
    this.lastTick = nowMs;
    const m = this.motion;
    if (m) {
      const t = (nowMs - m.startedAt) / 1000;
      for (let i = 0; i < this.n; i++) {
        const s = sample(m.plan.joints[i]!, m.plan.duration, t);
        if (this.inject.stalled.has(i) && s.vel !== 0) {
          this.velocities[i] = 0;
          this.accelerations[i] = 0;
          this.stallSince[i] ??= nowMs;
          if (nowMs - this.stallSince[i]! >= STALL_DETECT_MS) {
            this.currents[i] = 4;
            this.trip(`stall:${i}`);
            return;
          }
          continue;
        }
        this.positions[i] = s.pos;
        this.velocities[i] = s.vel;
        this.accelerations[i] = s.acc;
      }
      const frac = m.plan.duration > 0 ? Math.min(1, t / m.plan.duration) : 1;
      this.gripper = m.gripperFrom + (m.gripperTo - m.gripperFrom) * frac;
      if (t >= m.plan.duration) this.finishMotion();
    }
    for (let i = 0; i < this.n; i++) {
      const load = Math.abs(this.accelerations[i]!) / 600 + Math.abs(this.velocities[i]!) / 120;
      if (this.state !== 'fault' || !this.faults.has(`stall:${i}`)) this.currents[i] = 0.1 + 1.5 * load;
      const heat = this.inject.overtemp.has(i) ? 60 : 4 * load;
      const cool = (this.temperatures[i]! - AMBIENT_C) * 0.2;
      this.temperatures[i] = this.temperatures[i]! + (heat - cool) * dt;
      if (this.temperatures[i]! > OVERTEMP_TRIP_C && !this.faults.has(`overtemp:${i}`))
        this.trip(`overtemp:${i}`);
    }
    for (const j of this.encoderGlitch) {
      this.encoderGlitch.delete(j);
      this.positions[j] = this.positions[j]! + 25;
      this.trip(`encoder:${j}`);
      this.homed = false;
    }
  }

  private finishMotion(): void {
    const m = this.motion;
    if (!m) return;
    this.motion = null;
    m.plan.joints.forEach((p, i) => (this.positions[i] = p.start + p.delta));
    this.gripper = m.gripperTo;
    this.velocities.fill(0);
    this.accelerations.fill(0);
    if (m.kind === 'stop') return;
    if (m.kind === 'home') this.homed = true;
    this.state = this.homed ? 'idle' : 'unhomed';
    this.touchFixtures();
    m.done?.(ResultCode.OK, m.kind === 'home' ? 'homed' : 'done');
  }

  private touchFixtures(): void {
    const tip = this.toolPoint();
    for (const f of Object.values(FIXTURES)) {
      const d = Math.hypot(tip.x - f.pose.x, tip.y - f.pose.y, tip.z - f.pose.z);
      if (d > FIXTURE_TOLERANCE_MM) continue;
      const s = this.fixtures[f.name]!;
      s.touches++;
      s.lastTouchAt = this.lastTick;
      if (f.kind === 'slot' && this.gripper > 0.2) continue; // a card is reseated only with the gripper closed
      s.state = f.fixedState;
    }
  }

  setFixtureState(name: string, state: string): boolean {
    const s = this.fixtures[name];
    if (!s) return false;
    s.state = state;
    return true;
  }

  /** Self-test in a compact form that survives a noisy line (sim-self-test.ts). */
  selfTestCompact(): string {
    return compactSelfTest(this.selfTestInput());
  }

  /** Self-test: checks a runbook or technician can read. */
  selfTest(): SelfTestResult {
    return selfTestChecks(this.selfTestInput(), OVERTEMP_TRIP_C);
  }

  private selfTestInput(): SelfTestInput {
    return {
      homed: this.homed,
      faults: this.faults,
      temperatures: this.temperatures,
      stalled: this.inject.stalled,
    };
  }
}
