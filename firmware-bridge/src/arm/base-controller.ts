// What both drivers share: the link lifecycle (connect with a timeout, the 5 ms ticker, close), the HALT
// waiters, status and listeners, host-side limit checks, Cartesian moves through IK. A driver adds only its
// dialect: handshake, framing, commands and what the firmware reports.
import {
  ArmError,
  type ArmController,
  type ArmErrorCode,
  type ArmEvent,
  type ArmLimits,
  type ArmState,
  type ArmStatus,
  type CartesianMoveOptions,
  type HaltCategory,
  type LinkState,
  type MoveOptions,
  type SelfTestResult,
  type Telemetry,
} from './arm-controller.ts';
import { checkJointTargets, DEFAULT_LIMITS, limitsForJoints } from '../protocol/kinematics.ts';
import { planMotion } from '../protocol/motion.ts';
import { cartesianToJoints } from './cartesian-move.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';
import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';

export interface DriverOptions {
  logger?: Logger;
  limits?: ArmLimits;
  /** connect() rejects after this long without a completed handshake (the driver keeps trying). */
  connectTimeoutMs?: number;
  /** An unacknowledged HALT is written again after this long, ms. */
  haltRepeatMs?: number;
  /** Silence from the arm after which the link counts as degraded (150) / down (1000), ms. */
  degradedAfterMs?: number;
  downAfterMs?: number;
}

/** What the firmware says about the arm, as one update. */
export interface FirmwareView {
  state: ArmState;
  homed: boolean;
  faults: string[];
  /** Omitted when the report carries no usable positions. */
  joints?: number[];
  gripper?: number;
}

export const now = (): number => performance.now();

/** `H`: the driver's record of the HALT in progress; `lastSent` drives the repeat. */
export abstract class BaseArmController<H extends { lastSent: number }> implements ArmController {
  protected readonly log: Logger;
  protected armLimits: ArmLimits;
  /** Limits given by the caller are kept; otherwise they follow the joint count the firmware reports. */
  protected readonly limitsFixed: boolean;
  protected readonly listeners = new Set<(e: ArmEvent) => void>();
  protected current: ArmStatus;
  protected closed = false;
  /** The dialect's handshake completed on the open port. */
  protected helloDone = false;
  protected halting: H | null = null;
  /** The dialect hands the HALT to the transport's own thread, which repeats it (ByteTransport.repeatUrgent). */
  protected haltRepeatedByTransport = false;
  /** Words for the timeout message: `no ${handshakeName} from the arm within ...`. */
  protected abstract readonly handshakeName: string;
  protected readonly silence: { degradedAfterMs: number; downAfterMs: number };
  private readonly connectTimeoutMs: number;
  protected readonly haltRepeatMs: number;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private readonly upWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  /** Every caller of halt() since the last acknowledgement: a new halt joins the earlier ones. */
  private readonly haltWaiters: (() => void)[] = [];

  constructor(
    protected readonly transport: ByteTransport,
    opts: DriverOptions,
  ) {
    this.log = opts.logger ?? silentLogger;
    this.armLimits = opts.limits ?? DEFAULT_LIMITS;
    this.limitsFixed = opts.limits !== undefined;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 5000;
    this.haltRepeatMs = opts.haltRepeatMs ?? 10;
    this.silence = { degradedAfterMs: opts.degradedAfterMs ?? 150, downAfterMs: opts.downAfterMs ?? 1000 };
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

  abstract home(): Promise<void>;
  abstract gripper(opening: number): Promise<void>;
  abstract halt(category: HaltCategory): Promise<void>;
  abstract resume(): Promise<void>;
  abstract selfTest(): Promise<SelfTestResult>;
  protected abstract sendMove(targets: number[], speedScale: number, timeoutMs: number): Promise<void>;
  /** Called every 5 ms while the port is open, after any due HALT repeat. */
  protected abstract tick(t: number): void;
  /** Writes the HALT in progress (`this.halting`) past every queue. */
  protected abstract writeHalt(): void;
  /** Rejects every command not yet answered. */
  protected abstract failAll(code: ArmErrorCode, why: string): void;
  /** Forgets the dialect's per-session state when the link is lost. */
  protected abstract forgetSession(): void;

  // ---- lifecycle ----

  connect(): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    if (this.helloDone && this.transport.isOpen) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => {
      const w = { resolve, reject };
      this.upWaiters.push(w);
      setTimeout(() => {
        const i = this.upWaiters.indexOf(w);
        if (i >= 0) {
          this.upWaiters.splice(i, 1);
          reject(
            new ArmError(
              'timeout',
              `no ${this.handshakeName} from the arm within ${this.connectTimeoutMs} ms`,
            ),
          );
        }
      }, this.connectTimeoutMs);
    });
    if (!this.ticker) {
      this.setLink('connecting', 'connect');
      this.ticker = setInterval(() => this.onTick(), 5);
      this.transport.start();
    }
    return p;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.failAll('closed', 'controller closed');
    for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('closed', 'controller closed'));
    this.haltAcknowledged();
    await this.transport.stop();
    this.setLink('down', 'closed');
  }

  protected closedError(): ArmError {
    return new ArmError('closed', 'controller is closed');
  }

  /** The handshake is done and the link is up: connect() callers resolve. */
  protected handshakeComplete(): void {
    for (const w of this.upWaiters.splice(0)) w.resolve();
  }

  /** The firmware does not fit these limits: connect() callers fail and the controller closes. */
  protected refuseFirmware(mismatch: string): void {
    this.log.error({ msg: 'incompatible arm firmware', detail: mismatch });
    for (const w of this.upWaiters.splice(0)) w.reject(new ArmError('rejected', mismatch));
    void this.close();
  }

  protected lose(reason: string): void {
    this.helloDone = false;
    this.forgetSession();
    this.failAll('link_down', `arm link lost: ${reason}`);
    this.setLink(this.transport.isOpen ? 'connecting' : 'down', reason);
  }

  private onTick(): void {
    const t = now();
    if (!this.transport.isOpen) return;
    const h = this.halting;
    if (h && !this.haltRepeatedByTransport && t - h.lastSent >= this.haltRepeatMs) this.writeHalt();
    this.tick(t);
  }

  // ---- HALT bookkeeping ----

  /** Makes `state` the HALT in progress; resolves once a HALT is acknowledged (or the controller closes). */
  protected startHalt(state: H): Promise<void> {
    const p = new Promise<void>((resolve) => this.haltWaiters.push(resolve));
    this.halting = state;
    return p;
  }

  protected haltAcknowledged(): void {
    if (this.halting && this.haltRepeatedByTransport) this.transport.stopUrgent?.();
    this.halting = null;
    for (const w of this.haltWaiters.splice(0)) w();
  }

  // ---- status ----

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

  /** Takes the firmware's view, reports the telemetry, and the status when state, homing or faults changed. */
  protected applyFirmwareView(next: FirmwareView, telemetry: Telemetry): void {
    const st = this.current;
    const changed =
      st.state !== next.state || st.homed !== next.homed || st.faults.join() !== next.faults.join();
    st.state = next.state;
    st.homed = next.homed;
    if (next.joints) st.joints = next.joints;
    if (next.gripper !== undefined) st.gripper = next.gripper;
    st.faults = next.faults;
    this.emit({ type: 'telemetry', telemetry });
    if (changed) this.emitStatus();
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
    const move = cartesianToJoints(target, options?.speedMmS, this.armLimits, this.current.joints);
    return this.moveJoints(move.joints, { speedScale: move.speedScale });
  }
}
