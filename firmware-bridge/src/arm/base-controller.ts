// What both drivers share: status and listeners, host-side limit checks, Cartesian moves through IK.
import {
  ArmError,
  type ArmController,
  type ArmEvent,
  type ArmLimits,
  type ArmStatus,
  type CartesianMoveOptions,
  type HaltCategory,
  type LinkState,
  type MoveOptions,
  type SelfTestResult,
} from './arm-controller.ts';
import {
  checkJointTargets,
  DEFAULT_LIMITS,
  forwardKinematics,
  inverseKinematics,
  limitsForJoints,
  withinWorkspace,
} from '../protocol/kinematics.ts';
import { planMotion } from '../protocol/motion.ts';
import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';

export interface DriverOptions {
  logger?: Logger;
  limits?: ArmLimits;
}

export abstract class BaseArmController implements ArmController {
  protected readonly log: Logger;
  protected armLimits: ArmLimits;
  /** Limits given by the caller are kept; otherwise they follow the joint count the firmware reports. */
  protected readonly limitsFixed: boolean;
  protected readonly listeners = new Set<(e: ArmEvent) => void>();
  protected current: ArmStatus;

  constructor(opts: DriverOptions) {
    this.log = opts.logger ?? silentLogger;
    this.armLimits = opts.limits ?? DEFAULT_LIMITS;
    this.limitsFixed = opts.limits !== undefined;
    this.current = {
      state: 'disconnected',
      link: 'down',
      homed: false,
      joints: new Array<number>(this.armLimits.joints.length).fill(0),
      gripper: 0,
      faults: [],
      firmware: null,
    };
  }

  abstract connect(): Promise<void>;
  abstract close(): Promise<void>;
  abstract home(): Promise<void>;
  abstract gripper(opening: number): Promise<void>;
  abstract halt(category: HaltCategory): Promise<void>;
  abstract resume(): Promise<void>;
  abstract selfTest(): Promise<SelfTestResult>;
  protected abstract sendMove(targets: number[], speedScale: number, timeoutMs: number): Promise<void>;

  status(): ArmStatus {
    return { ...this.current, joints: this.current.joints.slice(), faults: this.current.faults.slice() };
  }

  limits(): ArmLimits {
    return this.armLimits;
  }

  on(listener: (event: ArmEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(e: ArmEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.log.error({ msg: 'arm event listener threw', err: (err as Error).message });
      }
    }
  }

  protected setLink(state: LinkState, reason?: string): void {
    if (this.current.link === state) return;
    this.current.link = state;
    if (state === 'down' || state === 'connecting') {
      this.current.state = 'disconnected';
      this.current.homed = false; // after any reconnect the arm counts as unhomed until HELLO/status say so
    }
    this.log.info({ msg: 'arm link', state, reason });
    this.emit({ type: 'link', state, ...(reason ? { reason } : {}) });
    this.emitStatus();
  }

  protected emitStatus(): void {
    this.emit({ type: 'status', status: this.status() });
  }

  /** Returns why the firmware's joint count does not fit, or null (adopting 5/6-joint limits if free to). */
  protected adoptJointCount(n: number): string | null {
    if (n === this.armLimits.joints.length) return null;
    if (!this.limitsFixed && (n === 5 || n === 6)) {
      this.armLimits = limitsForJoints(n);
      this.current.joints = new Array<number>(n).fill(0);
      return null;
    }
    return `the firmware reports ${n} joints but the limits describe ${this.armLimits.joints.length}`;
  }

  protected requireLink(): void {
    if (this.current.link !== 'up' && this.current.link !== 'degraded')
      throw new ArmError('link_down', `arm link is ${this.current.link}`);
  }

  async moveJoints(targets: number[], options: MoveOptions = {}): Promise<void> {
    const speedScale = options.speedScale ?? 1;
    if (!(speedScale > 0 && speedScale <= 1))
      throw new ArmError('out_of_limits', `speedScale ${speedScale} not in (0, 1]`);
    const why = checkJointTargets(targets, this.armLimits);
    if (why) throw new ArmError('out_of_limits', why);
    this.requireLink();
    if (!this.current.homed) throw new ArmError('not_homed', 'arm is not homed; home() first');
    const plan = planMotion(this.current.joints, targets, this.armLimits.joints, speedScale);
    await this.sendMove(targets, speedScale, plan.duration * 1000 + 3000);
  }

  async moveTo(target: { x: number; y: number; z: number }, options: CartesianMoveOptions): Promise<void> {
    const speed = options?.speedMmS;
    if (!(speed > 0)) throw new ArmError('out_of_limits', 'speedMmS must be positive');
    if (speed > this.armLimits.maxToolSpeedMmS)
      throw new ArmError(
        'out_of_limits',
        `speed ${speed} mm/s above the limit ${this.armLimits.maxToolSpeedMmS}`,
      );
    if (![target.x, target.y, target.z].every(Number.isFinite) || !withinWorkspace(target, this.armLimits))
      throw new ArmError(
        'out_of_limits',
        `target (${target.x}, ${target.y}, ${target.z}) outside the workspace`,
      );
    const joints = inverseKinematics(target, this.armLimits, this.current.joints[4] ?? 0);
    if (!joints)
      throw new ArmError('out_of_limits', `target (${target.x}, ${target.y}, ${target.z}) is out of reach`);
    const scale = this.speedScaleFor(joints, speed);
    return this.moveJoints(joints, { speedScale: scale });
  }

  /**
   * The largest speed scale whose move keeps the tool at or under `speedMmS`: the tool's path length in
   * joint space, times 2 (a trapezoid's peak over its mean speed, at most), over the speed.
   */
  protected speedScaleFor(joints: number[], speedMmS: number): number {
    const from = this.current.joints;
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
    if (planMotion(from, joints, this.armLimits.joints, hi).duration >= minDuration) return hi;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (planMotion(from, joints, this.armLimits.joints, mid).duration >= minDuration) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}
