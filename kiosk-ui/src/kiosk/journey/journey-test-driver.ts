// A driver for the journey machine in unit tests: feeds inputs at chosen times, keeps the effects of
// the last step, and checks that a step never changes the state it was given.
import { expect } from 'vitest';
import type { Answer } from '@branch/device-agent';
import { startJourney, step } from './journey-machine.ts';
import type { JourneyEffect, JourneyInput, JourneyState } from './journey-types.ts';

export const READY = { available: true, safetyState: 'READY' } as const;
export const ESTOP = { available: false, reason: 'estop', safetyState: 'ESTOP' } as const;

export function answer(a: Partial<Answer> = {}): Answer {
  return { text: 'We open at nine. We close at five. Sundays closed.', confidence: 0.9, ...a };
}

/** Freezes a state deeply, so a step that changed its input would throw. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

export class Journey {
  state: JourneyState;
  effects: JourneyEffect[];
  now = 1_000_000;

  constructor(o: { idleMs?: number; camera?: boolean } = {}) {
    const idleMs = o.idleMs ?? 90_000;
    const first = startJourney(
      { idleMs, warnMs: Math.min(20_000, idleMs - 1000), camera: o.camera ?? false },
      'disconnected',
      this.now,
    );
    this.state = first.state;
    this.effects = first.effects;
  }

  feed(input: JourneyInput, atMs = this.now): JourneyEffect[] {
    this.now = atMs;
    const before = freeze(this.state);
    const result = step(before, input, this.now);
    this.state = result.state;
    this.effects = result.effects;
    return this.effects;
  }

  /** Moves time to `ms` after now, feeding each wake-up the machine asked for on the way. */
  advance(ms: number, speaking = false): JourneyEffect[] {
    const until = this.now + ms;
    const all: JourneyEffect[] = [];
    while (this.state.wakeAt !== null && this.state.wakeAt <= until) {
      all.push(...this.feed({ type: 'tick', speaking }, this.state.wakeAt));
    }
    this.now = until;
    return all;
  }

  of<T extends JourneyEffect['type']>(
    type: T,
    effects = this.effects,
  ): Extract<JourneyEffect, { type: T }>[] {
    return effects.filter((e): e is Extract<JourneyEffect, { type: T }> => e.type === type);
  }

  spoken(effects = this.effects): string[] {
    return this.of('speak', effects).map((e) => e.text);
  }

  /** Ends the last line said (its `next`, if any, is fed back as the shell would). */
  lineEnds(effects = this.effects): JourneyEffect[] {
    const next = this.of('speak', effects).at(-1)?.next;
    expect(next).toBeDefined();
    return this.feed({ type: 'spoken', next: next! });
  }

  /** Connected, available, handoff offered or not; then a visit in `locale` with a session. */
  connect(handoffSupported = false): void {
    this.feed({ type: 'connection', state: 'connected' });
    this.feed({ type: 'status', handoffSupported, availability: READY, customerPresent: false });
  }

  startVisit(locale: 'zh-CN' | 'en' = 'en', handoffSupported = false): void {
    this.connect(handoffSupported);
    this.feed({ type: 'begin' });
    this.feed({ type: 'chooseLanguage', locale });
    this.feed({ type: 'sessionStarted', visitId: this.state.visit.id, locale, sessionId: 's-1' });
  }
}
