// Hold-to-run jog: the tool moves along one axis only while the console's heartbeat keeps arriving
// (at least every 100 ms), at the supervisor's reduced speed (at most 250 mm/s). A late heartbeat, a
// release, or any safety stop ends it with a controlled halt.
import { forwardKinematics, type ArmController, type ArmLimits, type Point3 } from '@branch/firmware-bridge';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { needsResume } from '../arm/needs-resume.ts';
import type { MotionGate } from '../runbook/run-types.ts';
import type { SafetyState } from '../safety/safety-supervisor.ts';

export const JOG_HEARTBEAT_TIMEOUT_MS = 100;
/** How far one press may carry the tool before it stops by itself, mm. */
const MAX_TRAVEL_MM = 200;
/** Distance kept from the workspace box, mm. */
const EDGE_MARGIN_MM = 10;
const STOP_STATES: ReadonlySet<SafetyState> = new Set(['ESTOP', 'PROTECTIVE_STOP', 'FAULT', 'MAINTENANCE']);

export type JogAxis = 'x' | 'y' | 'z';

export interface JogRequest {
  axis: JogAxis;
  direction: 1 | -1;
  /** Requested tool speed; capped by the supervisor's permit. */
  speedMmS: number;
}

export type JogEvent =
  | {
      type: 'started';
      jogId: string;
      axis: JogAxis;
      direction: 1 | -1;
      speedMmS: number;
      target: Point3;
      /** The technician who holds the jog. */
      by: string;
    }
  | { type: 'stopped'; jogId: string; reason: string };

export type JogStartResult =
  { ok: true; jogId: string; speedMmS: number; target: Point3 } | { ok: false; reason: string };

interface ActiveJog {
  id: string;
  lastBeat: number;
  stopping: boolean;
}

export interface JogOptions {
  heartbeatTimeoutMs?: number;
  /** How often the heartbeat age is checked, ms. */
  checkMs?: number;
}

export class JogController {
  private active: ActiveJog | null = null;
  private readonly listeners = new Set<(e: JogEvent) => void>();
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly timeoutMs: number;

  constructor(
    private readonly arm: ArmController,
    private readonly gate: MotionGate,
    private readonly logger: Logger,
    /** Another motion owner (a runbook) that must not overlap a jog. */
    private readonly busy: () => string | null = () => null,
    options: JogOptions = {},
  ) {
    this.timeoutMs = options.heartbeatTimeoutMs ?? JOG_HEARTBEAT_TIMEOUT_MS;
    this.timer = setInterval(() => this.check(), options.checkMs ?? 10);
    this.timer.unref();
    this.unsubscribe = gate.onTransitionEvent((t) => {
      if (this.active && STOP_STATES.has(t.to))
        this.stop(this.active.id, `safety: ${t.to} (${t.cause})`, false);
    });
  }

  current(): string | null {
    return this.active?.id ?? null;
  }

  /** `by`: the signed-in technician the jog is recorded against. */
  start(req: JogRequest, by: string): JogStartResult {
    if (this.active) return { ok: false, reason: 'a jog is already running' };
    const other = this.busy();
    if (other) return { ok: false, reason: other };
    const permit = this.gate.permit('jog');
    if (!permit.ok) return { ok: false, reason: permit.reason };
    const status = this.arm.status();
    if (!status.homed) return { ok: false, reason: 'the arm is not homed' };
    const cap = permit.maxToolSpeedMmS ?? this.arm.limits().maxToolSpeedMmS;
    const speedMmS = Math.min(req.speedMmS, cap);
    const target = jogTarget(forwardKinematics(status.joints), req, this.arm.limits());
    if (!target) return { ok: false, reason: 'the tool is at the edge of the workspace in that direction' };
    const jog: ActiveJog = { id: randomUUID(), lastBeat: Date.now(), stopping: false };
    this.active = jog;
    const move = async () => {
      if (needsResume(this.arm.status())) await this.arm.resume();
      await this.arm.moveTo(target, { speedMmS });
    };
    move().then(
      () => this.stop(jog.id, 'travel limit reached', false),
      (err: Error) => this.stop(jog.id, `arm: ${err.message}`, false),
    );
    this.logger.info(
      { jogId: jog.id, by, axis: req.axis, direction: req.direction, speedMmS },
      'jog started',
    );
    this.emit({
      type: 'started',
      jogId: jog.id,
      axis: req.axis,
      direction: req.direction,
      speedMmS,
      target,
      by,
    });
    return { ok: true, jogId: jog.id, speedMmS, target };
  }

  /** The console's "still held"; false when that jog is no longer running. */
  heartbeat(jogId: string): boolean {
    if (!this.active || this.active.id !== jogId || this.active.stopping) return false;
    this.active.lastBeat = Date.now();
    return true;
  }

  /** Ends the jog; `halt` false when the motion has already ended or the supervisor halted it. */
  stop(jogId: string, reason: string, halt = true): boolean {
    const jog = this.active;
    if (!jog || jog.id !== jogId || jog.stopping) return false;
    jog.stopping = true;
    this.active = null;
    if (halt) {
      void this.arm
        .halt(2)
        .then(() => (this.gate.permit('jog').ok ? this.arm.resume() : undefined))
        .catch((err: Error) => this.logger.warn({ err: { message: err.message } }, 'jog halt failed'));
    }
    this.logger.info({ jogId, reason }, 'jog stopped');
    this.emit({ type: 'stopped', jogId, reason });
    return true;
  }

  onEvent(listener: (e: JogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.timer);
    this.unsubscribe();
    if (this.active) this.stop(this.active.id, 'agent stopping');
  }

  private check(): void {
    const jog = this.active;
    if (jog && Date.now() - jog.lastBeat > this.timeoutMs) this.stop(jog.id, 'heartbeat lost');
  }

  private emit(e: JogEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}

/** Where one press may take the tool: along the axis, inside the workspace box less a margin. */
export function jogTarget(
  from: Point3,
  req: Pick<JogRequest, 'axis' | 'direction'>,
  limits: ArmLimits,
): Point3 | null {
  const i = req.axis === 'x' ? 0 : req.axis === 'y' ? 1 : 2;
  const lo = (limits.workspace.min[i] as number) + EDGE_MARGIN_MM;
  const hi = (limits.workspace.max[i] as number) - EDGE_MARGIN_MM;
  const v = from[req.axis] + req.direction * MAX_TRAVEL_MM;
  const clamped = Math.min(hi, Math.max(lo, v));
  if (Math.abs(clamped - from[req.axis]) < 1) return null;
  return { ...from, [req.axis]: clamped };
}
