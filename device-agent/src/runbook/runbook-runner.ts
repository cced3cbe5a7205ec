// Executes one runbook against the ArmController: preconditions, steps with per-step timeouts and
// retries, progress events, and an abort on any safety event or on request. The safety supervisor
// stays the owner of "may the arm move": every motion command asks its permit first, and any
// transition into a stop state aborts the run (the supervisor has already halted the arm).
import type { ArmController, FixtureDef } from '@branch/firmware-bridge';
import { needsResume } from '../arm/needs-resume.ts';
import { LINK_FAULTS, type SafetyState } from '../safety/safety-supervisor.ts';
import type { DeviceStatusSource } from './device-status.ts';
import type { Precondition, Runbook, RunbookStep } from './runbook-schema.ts';
import type { MotionGate, RunProgress, RunResult, StepResult } from './run-types.ts';

const STOP_STATES: ReadonlySet<SafetyState> = new Set(['ESTOP', 'PROTECTIVE_STOP', 'MAINTENANCE', 'FAULT']);
const POLL_MS = 50;
const HALT_WAIT_MS = 1000;

export interface RunnerDeps {
  arm: ArmController;
  gate: MotionGate;
  devices: DeviceStatusSource;
  fixtures: Readonly<Record<string, FixtureDef>>;
  homePose: readonly number[];
}

/** Stops the run for good: never retried. */
class AbortRun extends Error {}

/** The run's end when the arm's link went down mid-run: failed (a ticket follows), with the reason. */
const LINK_LOST = 'arm link lost';

export class RunbookRun {
  private readonly abortCtl = new AbortController();
  private readonly aborted: Promise<never>;
  readonly result: Promise<RunResult>;

  constructor(
    readonly runId: string,
    readonly runbook: Runbook,
    private readonly deps: RunnerDeps,
    private readonly by: string,
    private readonly onProgress: (p: RunProgress) => void,
  ) {
    this.aborted = new Promise<never>((_, reject) =>
      this.abortCtl.signal.addEventListener('abort', () =>
        reject(new AbortRun(String(this.abortCtl.signal.reason))),
      ),
    );
    this.aborted.catch(() => undefined);
    this.result = this.run();
  }

  /** Aborts on request (technician): the arm is stopped with a controlled halt. */
  abort(reason: string): void {
    if (this.abortCtl.signal.aborted) return;
    this.abortCtl.abort(reason);
    void this.stopArm();
  }

  private async stopArm(): Promise<void> {
    const { arm } = this.deps;
    // A halt resolves on the firmware's acknowledgement, which never comes over a dead link (the
    // firmware's watchdog stops the arm then): the run does not wait for it longer than this.
    await Promise.race([arm.halt(2).catch(() => undefined), this.sleep(HALT_WAIT_MS)]);
    // The halt leaves the firmware 'halted'; clear it so the next motion is not refused (nothing resumes:
    // the halted move was dropped by the firmware).
    if (this.deps.gate.permit('runbook').ok) await arm.resume().catch(() => undefined);
  }

  private async run(): Promise<RunResult> {
    const startedAt = new Date().toISOString();
    const steps: StepResult[] = [];
    const total = this.runbook.steps.length;
    const offSafety = this.deps.gate.onTransitionEvent((t) => {
      if (STOP_STATES.has(t.to)) this.abortCtl.abort(`safety: ${t.to} (${t.cause})`);
    });
    // A lost link ends the run at once: no step waits out its timeout or retries against a dead port
    // (the firmware's watchdog halts the arm by itself when the heartbeats stop).
    const offLink = this.deps.arm.on((e) => {
      if (e.type === 'link' && e.state === 'down') {
        this.abortCtl.abort(`${LINK_LOST}${e.reason ? ` (${e.reason})` : ''}`);
      }
    });
    const unsubscribe = (): void => {
      offSafety();
      offLink();
    };
    const finish = (status: RunResult['status'], extra: Partial<RunResult> = {}): RunResult => {
      unsubscribe();
      const r: RunResult = {
        runId: this.runId,
        runbookId: this.runbook.id,
        status,
        startedAt,
        endedAt: new Date().toISOString(),
        by: this.by,
        steps,
        ...extra,
      };
      const last = this.runbook.steps[Math.max(0, (r.failedStep ?? total) - 1)];
      this.emit(status, r.failedStep ?? total, last?.label ?? '', 0, r.message);
      return r;
    };
    try {
      await this.checkPreconditions(this.runbook.preconditions);
    } catch (err) {
      return finish('failed', { failedStep: 0, message: `precondition: ${(err as Error).message}` });
    }
    for (const [i, step] of this.runbook.steps.entries()) {
      const t0 = Date.now();
      let attempt = 0;
      for (;;) {
        attempt++;
        this.emit('running', i + 1, step.label, attempt);
        try {
          await this.withTimeout(this.execute(step), step.timeoutMs, step.label);
          steps.push({
            index: i + 1,
            label: step.label,
            status: 'succeeded',
            attempts: attempt,
            ms: Date.now() - t0,
          });
          break;
        } catch (err) {
          const message = (err as Error).message;
          // The driver may report the dead link before the link event arrives: the same end.
          if ((err as { code?: unknown }).code === 'link_down')
            this.abortCtl.abort(`${LINK_LOST} (${message})`);
          const abort = err instanceof AbortRun || this.abortCtl.signal.aborted;
          if (!abort && attempt <= step.retries) {
            // A failed motion may have left the firmware halted; clear it before trying again.
            await this.stopArm();
            continue;
          }
          const why = abort ? String(this.abortCtl.signal.reason ?? message) : message;
          const status = abort && !why.startsWith(LINK_LOST) ? 'aborted' : 'failed';
          steps.push({
            index: i + 1,
            label: step.label,
            status,
            attempts: attempt,
            ms: Date.now() - t0,
            message: why,
          });
          if (status === 'failed' && !why.startsWith(LINK_LOST)) await this.stopArm();
          return finish(status, { failedStep: i + 1, message: why });
        }
      }
    }
    return finish('succeeded');
  }

  private emit(
    status: RunProgress['status'],
    step: number,
    label: string,
    attempt: number,
    message?: string,
  ): void {
    const p: RunProgress = {
      runId: this.runId,
      runbookId: this.runbook.id,
      status,
      step,
      total: this.runbook.steps.length,
      label,
      attempt,
    };
    if (message !== undefined) p.message = message;
    this.onProgress(p);
  }

  private async withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`step "${label}" timed out after ${ms} ms`)), ms);
    });
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout, this.aborted]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkPreconditions(list: Precondition[]): Promise<void> {
    const status = this.deps.arm.status();
    for (const p of list) {
      switch (p.kind) {
        case 'safetyReady': {
          const permit = this.deps.gate.permit('runbook');
          if (!permit.ok) throw new Error(permit.reason);
          break;
        }
        case 'armLinkUp':
          if (status.link !== 'up' && status.link !== 'degraded')
            throw new Error(`arm link is ${status.link}`);
          break;
        case 'noArmFaults': {
          // A watchdog halt after a lost link is not a device fault (the supervisor agrees); the first
          // motion resumes the halted firmware.
          const faults = status.faults.filter((f) => !LINK_FAULTS.has(f));
          if (faults.length > 0) throw new Error(`arm reports faults: ${faults.join(', ')}`);
          break;
        }
        case 'deviceState': {
          const s = await this.deps.devices.state(p.device);
          if (!p.states.includes(s))
            throw new Error(`${p.device} is ${s}, expected ${p.states.join(' or ')}`);
          break;
        }
      }
    }
  }

  /** Every motion asks the supervisor first; a refusal aborts the run. */
  private motion<T>(command: () => Promise<T>): Promise<T> {
    if (this.abortCtl.signal.aborted) throw new AbortRun(String(this.abortCtl.signal.reason));
    const permit = this.deps.gate.permit('runbook');
    if (!permit.ok) {
      this.abortCtl.abort(`safety: ${permit.reason}`);
      throw new AbortRun(permit.reason);
    }
    if (needsResume(this.deps.arm.status())) return this.deps.arm.resume().then(command);
    return command();
  }

  private fixture(name: string): FixtureDef {
    const f = this.deps.fixtures[name];
    if (!f) throw new Error(`unknown fixture ${name}`);
    return f;
  }

  private async execute(step: RunbookStep): Promise<void> {
    const { arm } = this.deps;
    switch (step.kind) {
      case 'home':
        return this.motion(() => arm.home());
      case 'moveTo': {
        const target = 'pose' in step.target ? [...this.deps.homePose] : this.jointsOf(step.target);
        return this.motion(() => arm.moveJoints(target, { speedScale: step.speedScale }));
      }
      case 'press': {
        const f = this.fixture(step.fixture);
        await this.motion(() => arm.moveJoints(f.approachJoints, { speedScale: step.speedScale }));
        await this.motion(() => arm.moveJoints(f.joints, { speedScale: step.speedScale }));
        await this.sleep(step.dwellMs);
        await this.motion(() => arm.moveJoints(f.approachJoints, { speedScale: step.speedScale }));
        return;
      }
      case 'grip':
        return this.motion(() => arm.gripper(step.opening));
      case 'verify': {
        const s = await this.deps.devices.state(step.device);
        if (!step.states.includes(s))
          throw new Error(`${step.device} is ${s}, expected ${step.states.join(' or ')}`);
        return;
      }
      case 'waitFor': {
        // Ends by itself at the step's timeout too, so no poll outlives the step.
        const deadline = Date.now() + step.timeoutMs;
        while (Date.now() < deadline) {
          if (this.abortCtl.signal.aborted) throw new AbortRun(String(this.abortCtl.signal.reason));
          const s = await this.deps.devices.state(step.device).catch(() => null);
          if (s !== null && step.states.includes(s)) return;
          await this.sleep(POLL_MS);
        }
        throw new Error(`${step.device} did not reach ${step.states.join(' or ')} in ${step.timeoutMs} ms`);
      }
    }
  }

  private jointsOf(t: { fixture: string; approach: boolean }): number[] {
    const f = this.fixture(t.fixture);
    return t.approach ? f.approachJoints : f.joints;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
