// The safety supervisor: the only owner of "may the arm move". A pure state machine; the adapter
// feeds it inputs (GPIO edges, arm status, technician resets, timer ticks) and carries out its actions.
// No Node built-ins, no clock: every input carries its own time.

export type SafetyState = 'ESTOP' | 'PROTECTIVE_STOP' | 'READY' | 'MOVING' | 'FAULT' | 'MAINTENANCE';

export type SafetyInput =
  | { type: 'estop'; pressed: boolean }
  | { type: 'presence'; present: boolean }
  | { type: 'door'; open: boolean }
  /** Active arm faults; an empty list means the arm reports none. */
  | { type: 'armFaults'; faults: string[] }
  | { type: 'motion'; moving: boolean }
  /** A timer the supervisor asked for (wakeAt) has fired. */
  | { type: 'tick' }
  /** Explicit reset by a signed-in technician. */
  | { type: 'reset'; by: string };

export type SafetyAction =
  | { type: 'halt'; category: 0 | 1 | 2 }
  | { type: 'resume' }
  /** Feed a 'tick' at this time. */
  | { type: 'wakeAt'; at: number };

/**
 * Faults that report a lost link rather than a broken device: the firmware's watchdog halts the arm by
 * itself when heartbeats stop. The link state already makes the service unavailable while it lasts, so
 * these do not latch FAULT (a busy host would otherwise need a technician after every stall).
 */
export const LINK_FAULTS: ReadonlySet<string> = new Set(['watchdog']);

/** Tool speed cap of hold-to-run jog, in MAINTENANCE and elsewhere (DESIGN.md: at most 250 mm/s). */
export const REDUCED_SPEED_MM_S = 250;

export type MotionKind = 'runbook' | 'jog';

/** maxToolSpeedMmS null: the arm's own limits apply. */
export type MotionPermit = { ok: true; maxToolSpeedMmS: number | null } | { ok: false; reason: string };

export interface SafetyTransition {
  from: SafetyState;
  to: SafetyState;
  cause: string;
  /** ms since the epoch */
  at: number;
}

export interface SafetyStep {
  transition?: SafetyTransition;
  actions: SafetyAction[];
  /** Why a reset was refused. */
  refused?: string;
}

export interface SupervisorConfig {
  /** The zone must have been clear this long before a protective stop is lifted. */
  presenceClearMs: number;
}

export interface InitialInputs {
  estopPressed: boolean;
  presence: boolean;
  doorOpen: boolean;
}

export class SafetySupervisor {
  private estopPressed: boolean;
  private estopLatched: boolean;
  private presence: boolean;
  private clearSince: number | null = null;
  private doorOpen: boolean;
  private faults: string[] = [];
  private faultLatched = false;
  private moving = false;
  /** Motion was paused by a protective stop and resumes when it lifts. */
  private pausedMotion = false;
  private current: SafetyState;
  private lastCause: string;

  constructor(
    private readonly config: SupervisorConfig,
    initial: InitialInputs,
  ) {
    this.estopPressed = initial.estopPressed;
    // An e-stop found pressed at start-up latches like any other.
    this.estopLatched = initial.estopPressed;
    this.presence = initial.presence;
    this.doorOpen = initial.doorOpen;
    this.current = this.derive(0);
    this.lastCause = 'startup';
  }

  state(): SafetyState {
    return this.current;
  }

  cause(): string {
    return this.lastCause;
  }

  estopIsPressed(): boolean {
    return this.estopPressed;
  }

  /** "May the arm move": only in READY or MOVING. */
  mayMove(): boolean {
    return this.current === 'READY' || this.current === 'MOVING';
  }

  /**
   * Whether a motion of this kind may start now, and its tool speed cap. Runbooks run only in READY (or MOVING);
   * hold-to-run jog also runs in MAINTENANCE (door open), always at the reduced speed.
   */
  permit(kind: MotionKind): MotionPermit {
    // MOVING counts as READY here: the arm's own previous move may not have reported idle yet (the
    // agent lets one motion owner, runbook or jog, drive at a time).
    const s = this.current;
    const ready = s === 'READY' || s === 'MOVING';
    if (kind === 'jog' && (ready || s === 'MAINTENANCE'))
      return { ok: true, maxToolSpeedMmS: REDUCED_SPEED_MM_S };
    if (kind === 'runbook' && ready) return { ok: true, maxToolSpeedMmS: null };
    return { ok: false, reason: `${kind} not allowed in ${s} (${this.lastCause})` };
  }

  handle(input: SafetyInput, now: number): SafetyStep {
    const actions: SafetyAction[] = [];
    let cause: string;
    switch (input.type) {
      case 'estop':
        if (input.pressed === this.estopPressed) return { actions };
        this.estopPressed = input.pressed;
        if (input.pressed) {
          // Halt first, on every press, whatever the state: category 0.
          actions.push({ type: 'halt', category: 0 });
          this.estopLatched = true;
          this.moving = false;
          this.pausedMotion = false;
          cause = 'estop_pressed';
        } else {
          cause = 'estop_released';
        }
        break;
      case 'presence':
        if (input.present === this.presence) return { actions };
        this.presence = input.present;
        if (input.present) {
          this.clearSince = null;
          cause = 'presence_detected';
        } else {
          this.clearSince = now;
          actions.push({ type: 'wakeAt', at: now + this.config.presenceClearMs });
          cause = 'zone_clear';
        }
        break;
      case 'door':
        if (input.open === this.doorOpen) return { actions };
        this.doorOpen = input.open;
        cause = input.open ? 'door_opened' : 'door_closed';
        break;
      case 'armFaults': {
        const had = this.faults.length > 0;
        this.faults = input.faults.filter((f) => !LINK_FAULTS.has(f));
        if (this.faults.length > 0 && !had) {
          this.faultLatched = true;
          cause = `arm_fault:${this.faults.join(',')}`;
        } else if (this.faults.length === 0 && had) {
          cause = 'arm_fault_cleared';
        } else {
          return { actions };
        }
        break;
      }
      case 'motion':
        if (input.moving === this.moving) return { actions };
        this.moving = input.moving;
        if (!input.moving) this.pausedMotion = false;
        cause = input.moving ? 'motion_started' : 'motion_finished';
        break;
      case 'tick':
        cause = 'zone_clear_elapsed';
        if (this.clearSince !== null && now - this.clearSince < this.config.presenceClearMs) {
          actions.push({ type: 'wakeAt', at: this.clearSince + this.config.presenceClearMs });
        }
        break;
      case 'reset': {
        const refused = this.resetRefusal();
        if (refused !== null) return { actions, refused };
        this.estopLatched = false;
        this.faultLatched = false;
        cause = `technician_reset:${input.by}`;
        actions.push({ type: 'resume' });
        break;
      }
    }
    return this.settle(cause, now, actions);
  }

  private resetRefusal(): string | null {
    if (this.current !== 'ESTOP' && this.current !== 'FAULT') return `nothing to reset in ${this.current}`;
    if (this.estopPressed) return 'the e-stop button is still pressed; release it first';
    if (this.faults.length > 0) return `the arm still reports faults: ${this.faults.join(', ')}`;
    return null;
  }

  private settle(cause: string, now: number, actions: SafetyAction[]): SafetyStep {
    const from = this.current;
    const to = this.derive(now);
    if (to === from) return { actions };
    this.current = to;
    this.lastCause = cause;
    if (to === 'FAULT' && from !== 'ESTOP') actions.push({ type: 'halt', category: 1 });
    if ((to === 'PROTECTIVE_STOP' || to === 'MAINTENANCE') && this.moving) {
      // Category 2: a controlled stop with power kept.
      actions.push({ type: 'halt', category: 2 });
      this.moving = false;
      this.pausedMotion = to === 'PROTECTIVE_STOP';
    }
    if (from === 'PROTECTIVE_STOP' && to === 'READY' && this.pausedMotion) {
      this.pausedMotion = false;
      actions.push({ type: 'resume' });
    }
    return { transition: { from, to, cause, at: now }, actions };
  }

  private derive(now: number): SafetyState {
    if (this.estopLatched) return 'ESTOP';
    if (this.faultLatched) return 'FAULT';
    if (this.doorOpen) return 'MAINTENANCE';
    const holding =
      this.presence || (this.clearSince !== null && now - this.clearSince < this.config.presenceClearMs);
    if (holding) return 'PROTECTIVE_STOP';
    return this.moving ? 'MOVING' : 'READY';
  }
}
