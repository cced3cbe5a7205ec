// The adapter around the pure supervisor: GPIO edges (debounced fail-safe), arm status and technician
// resets go in; halts, resumes, tower lights, the transition log and availability changes come out.
// The e-stop path is synchronous from the GPIO callback to arm.halt(0): nothing is awaited first.
import { isStorageFullError } from '@branch/cloud-sync';
import type { ArmController, ArmEvent, LinkState } from '@branch/firmware-bridge';
import type { Logger } from 'pino';
import { FailSafeDebouncer } from '../gpio/fail-safe-debouncer.ts';
import type { Gpio, InputName, LineValue } from '../gpio/gpio.ts';
import type { ServiceAvailability } from '../protocol/messages.ts';
import type { SafetyEventStore } from '../store/safety-event-store.ts';
import { availabilityOf, sameAvailability } from './availability.ts';
import { setTowerLights } from './tower-lights.ts';
import {
  SafetySupervisor,
  type MotionKind,
  type MotionPermit,
  type SafetyAction,
  type SafetyInput,
  type SafetyState,
  type SafetyTransition,
} from './safety-supervisor.ts';

export interface SafetyControllerOptions {
  gpio: Gpio;
  arm: ArmController;
  events: SafetyEventStore;
  presenceClearMs: number;
  estopDebounceMs: number;
  logger: Logger;
  /** Called after a transition was committed (with its outbox entry), to push it to the hub. */
  afterRecord?: () => void;
}

/** Transitions kept in memory while storage is full; beyond this the oldest go (counted). */
const MAX_UNRECORDED = 10_000;
/** How often a full storage is tried again. */
const RECORD_RETRY_MS = 2000;

export type ResetResult = { ok: true; state: SafetyState } | { ok: false; reason: string };

export class SafetyController {
  private readonly supervisor: SafetySupervisor;
  private readonly debouncers = new Map<InputName, FailSafeDebouncer>();
  private readonly unsubscribers: (() => void)[] = [];
  private link: LinkState;
  private wakeTimer: NodeJS.Timeout | null = null;
  private lastAvailability: ServiceAvailability;
  private transitionListeners = new Set<(t: SafetyTransition) => void>();
  private availabilityListeners = new Set<(a: ServiceAvailability) => void>();
  private closed = false;
  private unrecorded: SafetyTransition[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private storageFull = false;
  private droppedRecords = 0;

  constructor(private readonly o: SafetyControllerOptions) {
    const { gpio } = o;
    this.supervisor = new SafetySupervisor(
      { presenceClearMs: o.presenceClearMs },
      {
        estopPressed: gpio.read('estop') === 0,
        presence: gpio.read('presence') === 0,
        doorOpen: gpio.read('door') === 0,
      },
    );
    this.link = o.arm.status().link;
    this.lastAvailability = this.availability();
    for (const input of ['estop', 'presence', 'door'] as const) {
      const d = new FailSafeDebouncer(gpio.read(input), o.estopDebounceMs, (v) => this.onInput(input, v));
      this.debouncers.set(input, d);
      this.unsubscribers.push(gpio.watch(input, (v) => d.input(v)));
    }
    this.unsubscribers.push(o.arm.on((e) => this.onArmEvent(e)));
    setTowerLights(gpio, this.supervisor.state());
    if (this.supervisor.state() === 'ESTOP') o.logger.warn('e-stop found pressed at start-up: ESTOP latched');
  }

  private onInput(input: InputName, value: LineValue): void {
    switch (input) {
      case 'estop':
        this.feed({ type: 'estop', pressed: value === 0 });
        break;
      case 'presence':
        this.feed({ type: 'presence', present: value === 0 });
        break;
      case 'door':
        this.feed({ type: 'door', open: value === 0 });
        break;
    }
  }

  private onArmEvent(e: ArmEvent): void {
    if (e.type === 'link') {
      this.link = e.state;
      this.publishAvailability();
    } else if (e.type === 'status') {
      this.link = e.status.link;
      this.feed({ type: 'armFaults', faults: e.status.faults });
      this.feed({ type: 'motion', moving: e.status.state === 'moving' });
      this.publishAvailability();
    }
  }

  private feed(input: SafetyInput): string | undefined {
    if (this.closed) return 'closed';
    const step = this.supervisor.handle(input, Date.now());
    // Actions first: a halt must not wait for logging, storage or listeners.
    for (const a of step.actions) this.act(a);
    if (step.transition) this.onTransition(step.transition);
    return step.refused;
  }

  private act(a: SafetyAction): void {
    switch (a.type) {
      case 'halt':
        this.o.arm
          .halt(a.category)
          .catch((err: Error) =>
            this.o.logger.error({ err: { message: err.message }, category: a.category }, 'halt failed'),
          );
        break;
      case 'resume':
        this.o.arm
          .resume()
          .catch((err: Error) => this.o.logger.warn({ err: { message: err.message } }, 'resume failed'));
        break;
      case 'wakeAt': {
        if (this.wakeTimer) clearTimeout(this.wakeTimer);
        this.wakeTimer = setTimeout(
          () => {
            this.wakeTimer = null;
            this.feed({ type: 'tick' });
          },
          Math.max(0, a.at - Date.now()),
        );
        break;
      }
    }
  }

  private onTransition(t: SafetyTransition): void {
    setTowerLights(this.o.gpio, t.to);
    // The kiosk hears of the stop (Common.StatusChanged) before the slower work: the log line, the
    // technician consoles' fan-out, runbook and jog listeners.
    this.publishAvailability();
    this.o.logger.info({ from: t.from, to: t.to, cause: t.cause }, 'safety transition');
    // Stored off the e-stop path: the synchronous fsync of synchronous=FULL must not delay a halt.
    this.unrecorded.push(t);
    if (this.unrecorded.length === 1) setImmediate(() => this.flushRecords());
    for (const l of [...this.transitionListeners]) l(t);
  }

  private flushRecords(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const batch = this.unrecorded.splice(0);
    if (batch.length === 0) return;
    for (let i = 0; i < batch.length; i++) {
      const t = batch[i] as SafetyTransition;
      try {
        this.o.events.record(t);
        if (this.storageFull) this.o.logger.info('storage has room again: safety events recorded');
        this.storageFull = false;
      } catch (err) {
        if (isStorageFullError(err)) {
          // A full disk loses nothing: the rest wait in memory (bounded) and are retried.
          this.keepForRetry(batch.slice(i));
          if (!this.storageFull)
            this.o.logger.error(
              { err: { message: (err as Error).message }, waiting: this.unrecorded.length },
              'storage is full: safety events kept in memory until there is room',
            );
          this.storageFull = true;
          break;
        }
        this.o.logger.error(
          { err: { message: (err as Error).message }, to: t.to, cause: t.cause },
          'safety event not recorded',
        );
      }
    }
    this.o.afterRecord?.();
  }

  private keepForRetry(waiting: SafetyTransition[]): void {
    this.unrecorded.unshift(...waiting);
    const over = this.unrecorded.length - MAX_UNRECORDED;
    if (over > 0) {
      // The newest are kept (the latest state matters most); the count of dropped ones is logged.
      this.unrecorded.splice(0, over);
      this.droppedRecords += over;
      this.o.logger.error({ dropped: this.droppedRecords }, 'safety events dropped: storage full too long');
    }
    if (!this.closed && this.retryTimer === null) {
      this.retryTimer = setTimeout(() => this.flushRecords(), RECORD_RETRY_MS);
      this.retryTimer.unref();
    }
  }

  /** Transitions waiting in memory for room in storage, whether storage is full, and how many were dropped. */
  recordBacklog(): { waiting: number; storageFull: boolean; dropped: number } {
    return { waiting: this.unrecorded.length, storageFull: this.storageFull, dropped: this.droppedRecords };
  }

  private publishAvailability(): void {
    const a = this.availability();
    if (sameAvailability(a, this.lastAvailability)) return;
    this.lastAvailability = a;
    for (const l of [...this.availabilityListeners]) l(a);
  }

  /** Explicit reset by a signed-in technician (the caller checks the sign-in). */
  reset(by: string): ResetResult {
    const refused = this.feed({ type: 'reset', by });
    return refused === undefined
      ? { ok: true, state: this.supervisor.state() }
      : { ok: false, reason: refused };
  }

  state(): SafetyState {
    return this.supervisor.state();
  }

  cause(): string {
    return this.supervisor.cause();
  }

  /** The supervisor's answer for a motion about to start (runbook step or jog). */
  permit(kind: MotionKind): MotionPermit {
    if (this.closed) return { ok: false, reason: 'the agent is stopping' };
    return this.supervisor.permit(kind);
  }

  mayMove(): boolean {
    return this.supervisor.mayMove();
  }

  linkState(): LinkState {
    return this.link;
  }

  /** Debounced inputs as the supervisor sees them. */
  inputs(): { estopPressed: boolean; presence: boolean; doorOpen: boolean } {
    const v = (i: InputName) => this.debouncers.get(i)?.value() ?? 0;
    return { estopPressed: v('estop') === 0, presence: v('presence') === 0, doorOpen: v('door') === 0 };
  }

  availability(): ServiceAvailability {
    return availabilityOf(this.supervisor.state(), this.link === 'up' || this.link === 'degraded');
  }

  onTransitionEvent(listener: (t: SafetyTransition) => void): () => void {
    this.transitionListeners.add(listener);
    return () => this.transitionListeners.delete(listener);
  }

  onAvailability(listener: (a: ServiceAvailability) => void): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    // Transitions not yet stored are written now, before the database closes.
    this.flushRecords();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const d of this.debouncers.values()) d.cancel();
    for (const u of this.unsubscribers) u();
  }
}
