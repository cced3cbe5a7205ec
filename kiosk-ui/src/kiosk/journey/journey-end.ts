// The end of a visit: wrap-up with a rating, then the wipe (also on idle timeout, on "finish", and when
// the agent's connection comes back and a session was open). The next customer sees nothing of this one.
import { t } from '../../i18n/index.ts';
import { cameraIndicator } from '../journey-progress.ts';
import { newVisit } from '../visit.ts';
import type { Step } from './journey-step.ts';
import type { VisitOutcome } from './journey-types.ts';

/** After the thank-you the page wipes itself; unrated wrap-ups wipe after this long. */
export const WRAPUP_MS = 20_000;

export function wrapUp(x: Step): void {
  const visit = x.s.visit;
  const locale = visit.locale ?? 'zh-CN';
  // The session stays open for the rating; endVisit ends it (after the rating, "finish", or the timer).
  if (visit.readingCard) x.emit({ type: 'cancelCard' });
  x.emit({ type: 'stopVoice' });
  x.emit({ type: 'stopCamera' });
  x.go('wrapup');
  x.mood('happy');
  x.s.wrapupAt = x.now + WRAPUP_MS;
  x.sayKey(locale, 'wrapup.speech');
}

/**
 * Stored on the conversation at the agent and synced to the hub; the page thanks the customer either
 * way (a lost rating is not the customer's problem) and ends the visit once the thank-you has been
 * said and the agent has answered.
 */
export function rate(x: Step, value: number): void {
  const visit = x.s.visit;
  const locale = visit.locale ?? 'zh-CN';
  if (visit.rating !== null) return;
  visit.rating = value;
  const { sessionId } = visit;
  const send = sessionId !== null && x.s.connection === 'connected';
  if (sessionId !== null && send) x.emit({ type: 'rate', visitId: visit.id, sessionId, rating: value });
  x.s.ratingWaits = send ? 2 : 1;
  x.emit({ type: 'rating', value });
  x.emit({ type: 'thanks', text: t(locale, 'wrapup.thanks') });
  x.sayKey(locale, 'wrapup.thanks', { kind: 'rated', visitId: visit.id });
}

/** The thank-you was said, or the agent answered the rating. */
export function ratingSettled(x: Step, visitId: number): void {
  if (!x.current(visitId) || x.s.ratingWaits <= 0) return;
  x.s.ratingWaits -= 1;
  if (x.s.ratingWaits === 0) endVisit(x, 'answered');
}

/** Ends the session at the agent (best effort) and wipes the page at once, whatever the agent says. */
export function endVisit(x: Step, outcome: VisitOutcome): void {
  const s = x.s;
  const old = s.visit;
  x.emit({ type: 'stopHandoff' });
  s.unsure = 0;
  // The camera stops with the visit; its cue summary goes to the agent just before the session ends.
  const connected = old.sessionId !== null && s.connection === 'connected';
  x.emit({
    type: 'endSession',
    sessionId: connected ? old.sessionId : null,
    outcome: outcome === 'answered' && !old.answered ? 'abandoned' : outcome,
    cancelCard: old.readingCard,
  });
  s.visitCounter += 1;
  s.visit = newVisit(s.visitCounter);
  s.wipes += 1;
  s.wrapupAt = null;
  s.idle = null;
  s.warningShown = false;
  s.askLines = [];
  s.ratingWaits = 0;
  x.emit({ type: 'stopVoice' });
  x.emit({ type: 'stopSpeaking' });
  x.emit({ type: 'clearPage' });
  x.emit({ type: 'camera', indicator: cameraIndicator(null) });
  x.go('attract');
  x.mood('neutral');
  x.startAttract();
  x.emit({ type: 'wipeStorage' });
}
