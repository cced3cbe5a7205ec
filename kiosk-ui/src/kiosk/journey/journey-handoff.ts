// "Talk to a person": the customer's request, the bot's second unsure answer, and a sustained negative
// cue from the camera (after consent). The handoff itself (queue, consent, video) is the shell's
// KioskHandoff; the journey knows only whether one is on.
import type { CueSummaryRecord } from '../../emotion/cue-summary.ts';
import { t } from '../../i18n/index.ts';
import type { Step } from './journey-step.ts';
import type { HandoffStart } from './journey-types.ts';

/** The real handoff when the agent offers it; otherwise the page says so plainly. */
export function requestHandoff(x: Step): void {
  const visit = x.s.visit;
  const locale = visit.locale;
  if (!locale) return;
  visit.handoffAsked = true;
  const supported = x.s.handoffSupported;
  if (supported && visit.sessionId) startHandoff(x, 'customer_request');
  const text = t(locale, supported ? 'handoff.waiting' : 'handoff.unavailable');
  x.emit({ type: 'handoffStatus', text });
  x.emit({
    type: 'queue',
    queue: {
      label: t(locale, 'handoff.queueLabel'),
      detail: supported ? t(locale, 'handoff.waiting') : t(locale, 'handoff.queueUnavailable'),
    },
  });
  x.mood(supported ? 'attentive' : 'apologetic');
  x.say(text, locale);
}

export function startHandoff(x: Step, reason: HandoffStart): void {
  const { sessionId, locale, negativeCue } = x.s.visit;
  if (!x.s.handoffSupported || !sessionId || !locale || x.s.handoffActive) return;
  x.s.unsure = 0;
  // The idle clock rests while the customer waits for or talks with a person.
  x.s.idle = null;
  x.s.handoffActive = true;
  x.emit({ type: 'startHandoff', sessionId, locale, reason, negativeCue });
}

export function handoffFinished(x: Step): void {
  x.s.handoffActive = false;
  x.emit({ type: 'handoffStatus', text: null });
  x.emit({ type: 'queue', queue: null });
  if (x.s.screen !== 'attract') x.pokeIdle();
}

/** A new stable cue: during a handoff the agent sees it on the cue timeline. */
export function cueChanged(x: Step, label: string, confidence: number): void {
  if (!x.s.handoffActive) return;
  const rounded = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
  x.emit({
    type: 'handoffCue',
    cue: { at: new Date(x.now).toISOString(), label, confidence: rounded },
    negativeCue: x.s.visit.negativeCue,
  });
}

/** A negative cue held long enough: routing learns it now (session state), and the avatar offers a person. */
export function offerPerson(x: Step, summary: CueSummaryRecord): void {
  const visit = x.s.visit;
  const { locale, sessionId } = visit;
  if (!locale || !sessionId) return;
  visit.negativeCue = true;
  if (x.s.connection === 'connected') x.emit({ type: 'sendEmotion', sessionId, summary });
  // Already waiting or in a call: the hub raises the priority and alerts a supervisor.
  if (x.s.handoffActive) x.emit({ type: 'handoffCue', cue: null, negativeCue: true });
  if (visit.handoffAsked || x.s.screen !== 'main') return;
  x.emit({ type: 'handoffStatus', text: t(locale, 'camera.offerPerson') });
  x.mood('concerned');
  x.sayKey(locale, 'camera.offerPerson.speech');
}
