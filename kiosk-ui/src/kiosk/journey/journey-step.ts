// One step of the journey in progress: a private copy of the state that the handlers change, the effects
// they ask for, and the small moves every handler shares (say a line, set the mood, change screen).
import type { Mood } from '@branch/avatar';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { Screen } from '../kiosk-view.ts';
import { progressFor } from '../journey-progress.ts';
import { pokeIdle } from './idle-clock.ts';
import type { Controls, JourneyEffect, JourneyState, SpeechNext } from './journey-types.ts';

/** The attract loop invites passers-by in one language, then the other. */
export const ATTRACT_INTERVAL_MS = 15_000;

export class Step {
  readonly effects: JourneyEffect[] = [];
  readonly s: JourneyState;

  constructor(
    state: JourneyState,
    readonly now: number,
  ) {
    // The handlers change this copy; the caller's state stays as it was.
    this.s = { ...state, visit: { ...state.visit }, askLines: [...state.askLines] };
  }

  emit(effect: JourneyEffect): void {
    this.effects.push(effect);
  }

  /** True when a reply or callback still belongs to the visit on screen. */
  current(visitId: number): boolean {
    return visitId === this.s.visit.id;
  }

  /** Captions every spoken line (the shell shows it, then speaks it); the repeat button says it again. */
  say(text: string, locale: Locale, next?: SpeechNext): void {
    this.s.visit.lastLine = { text, locale };
    this.emit(next ? { type: 'speak', text, locale, next } : { type: 'speak', text, locale });
  }

  sayKey(locale: Locale, key: MessageKey, next?: SpeechNext): void {
    this.say(t(locale, key), locale, next);
  }

  /** While the service is unavailable the avatar stays apologetic, whatever the moment calls for. */
  mood(m: Mood): void {
    this.emit({ type: 'mood', mood: this.s.available ? m : 'apologetic' });
  }

  go(screen: Screen): void {
    this.s.screen = screen;
    this.emit({ type: 'show', screen, progress: progressFor(screen, this.s.visit.locale) });
  }

  pokeIdle(): void {
    const { clock, resumed } = pokeIdle(
      this.s.idle,
      { timeoutMs: this.s.config.idleMs, warnMs: this.s.config.warnMs },
      this.now,
    );
    this.s.idle = clock;
    if (resumed) {
      this.s.warningShown = false;
      this.emit({ type: 'idleWarning', text: null });
    }
  }

  /** Customer activity restarts the idle clock, except in the attract loop and during a handoff. */
  activity(): void {
    if (this.s.screen !== 'attract' && !this.s.handoffActive) this.pokeIdle();
  }

  startAttract(): void {
    this.s.attractAt = this.now + ATTRACT_INTERVAL_MS;
  }

  /** Closes the step: the controls and the wake-up time, each only when it changed. */
  finish(): void {
    const s = this.s;
    const ready = s.connection === 'connected' && s.available;
    const inMain = s.screen === 'main' && s.visit.sessionId !== null;
    const controls: Controls = {
      journey: ready,
      card: ready && inMain && !s.visit.readingCard,
      ask: ready && inMain && !s.visit.asking,
    };
    const last = s.controls;
    if (
      !last ||
      last.journey !== controls.journey ||
      last.card !== controls.card ||
      last.ask !== controls.ask
    ) {
      s.controls = controls;
      this.emit({ type: 'controls', controls });
    }
    const wakes = [s.attractAt, s.wrapupAt, s.idle?.wakeAt ?? null].filter((w): w is number => w !== null);
    const wakeAt = wakes.length > 0 ? Math.min(...wakes) : null;
    if (wakeAt !== s.wakeAt) {
      s.wakeAt = wakeAt;
      this.emit({ type: 'wakeAt', at: wakeAt });
    }
  }
}
