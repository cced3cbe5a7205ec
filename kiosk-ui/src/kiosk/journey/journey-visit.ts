// The visit's own moves: greeting, language and session start, questions (typed, service buttons, voice),
// the card, and the replies to each. Each reply names its visit; one from a finished visit changes nothing.
import type { Answer } from '@branch/device-agent';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { cameraIndicator } from '../journey-progress.ts';
import { answerContent } from '../answer-view.ts';
import { checkRisk } from '../risk-check.ts';
import { serviceQuestionKey, type ServiceId } from '../services.ts';
import type { Step } from './journey-step.ts';
import { startHandoff } from './journey-handoff.ts';

/** How long the reader waits for a swipe. */
export const CARD_TIMEOUT_MS = 30_000;
/** Longest question sent to the agent. */
export const MAX_QUESTION_CHARS = 500;

export function begin(x: Step): void {
  x.s.attractAt = null;
  x.go('language');
  x.pokeIdle();
  x.mood('happy');
  x.sayKey('zh-CN', 'greeting.speech', { kind: 'greetingEn', visitId: x.s.visit.id });
}

/**
 * The Chinese greeting has ended: the English one follows, unless a language was already picked (its
 * session may still be starting, or its failure is being said: the greeting must not talk over that).
 */
export function greetingEnded(x: Step, visitId: number): void {
  if (x.current(visitId) && x.s.screen === 'language' && !x.s.visit.languagePicked) {
    x.sayKey('en', 'greeting.speech');
  }
}

/** One session start at a time: a second tap while the first is on its way starts nothing. */
export function chooseLanguage(x: Step, locale: Locale): void {
  const visit = x.s.visit;
  if (visit.sessionId !== null || visit.starting) return;
  visit.languagePicked = true;
  visit.starting = true;
  x.emit({ type: 'startSession', visitId: visit.id, locale });
}

export function sessionStarted(x: Step, visitId: number, locale: Locale, sessionId: string): void {
  if (!x.current(visitId)) return;
  x.s.visit.starting = false;
  x.s.visit.locale = locale;
  x.s.visit.sessionId = sessionId;
  x.emit({ type: 'applyLocale', locale });
  x.emit({ type: 'voiceAvailable', available: false });
  x.emit({ type: 'checkVoice', visitId, locale });
  x.emit(
    x.s.config.camera
      ? { type: 'offerCamera', locale }
      : { type: 'camera', indicator: cameraIndicator(locale) },
  );
  x.emit({ type: 'repeatButton', label: t(locale, 'overlay.repeat') });
  x.go('main');
  x.mood('attentive');
  x.sayKey(locale, 'main.speech');
}

export function sessionStartFailed(x: Step, visitId: number, locale: Locale, deviceNotReady: boolean): void {
  if (!x.current(visitId)) return;
  x.s.visit.starting = false;
  x.mood('apologetic');
  x.sayKey(locale, deviceNotReady ? 'service.unavailable.title' : 'ask.error');
}

export function voiceChecked(x: Step, visitId: number, ok: boolean): void {
  if (x.current(visitId)) x.emit({ type: 'voiceAvailable', available: ok });
}

export function repeat(x: Step): void {
  const line = x.s.visit.lastLine;
  x.activity();
  if (line) x.say(line.text, line.locale);
}

export function askService(x: Step, id: ServiceId): void {
  const locale = x.s.visit.locale;
  if (locale) ask(x, t(locale, serviceQuestionKey(id)));
}

export function ask(x: Step, raw: string): void {
  const visit = x.s.visit;
  const { locale, sessionId } = visit;
  const text = raw.trim().slice(0, MAX_QUESTION_CHARS);
  if (!locale || !sessionId || !text || visit.asking) return;
  visit.asking = true;
  visit.questions = [...visit.questions, text];
  x.mood('attentive');
  x.emit({ type: 'caption', text: t(locale, 'ask.thinking') });
  x.emit({ type: 'ask', visitId: visit.id, sessionId, text });
}

export function answered(x: Step, visitId: number, answer: Answer): void {
  const visit = x.s.visit;
  if (!x.current(visitId) || !visit.locale) return;
  const locale = visit.locale;
  visit.answered = true;
  if (answer.title) visit.answerTitles = [...visit.answerTitles, answer.title];
  const { view, risk, lines } = answerContent(answer, locale, visit.riskRating);
  x.emit({ type: 'showAnswer', answer: view });
  x.emit({ type: 'showRisk', risk, locale });
  visit.productRiskLevel = risk?.level ?? null;
  x.emit({ type: 'question', value: '' });
  const good = answer.confidence >= 0.5 && risk?.kind !== 'unsuitable';
  x.s.unsure = answer.confidence >= 0.5 ? 0 : x.s.unsure + 1;
  if (x.s.unsure >= 2) startHandoff(x, 'low_confidence');
  x.mood(good ? 'happy' : 'concerned');
  // The question stays "in progress" (its controls off) until the last line has been said.
  const [first, ...rest] = lines;
  x.s.askLines = rest;
  x.say(first ?? '', locale, { kind: 'askLine', visitId });
}

export function askLineSaid(x: Step, visitId: number): void {
  const visit = x.s.visit;
  if (!x.current(visitId) || !visit.locale) return;
  const [next, ...rest] = x.s.askLines;
  if (next === undefined) {
    visit.asking = false;
    return;
  }
  x.s.askLines = rest;
  x.say(next, visit.locale, { kind: 'askLine', visitId });
}

export function askFailed(x: Step, visitId: number): void {
  const visit = x.s.visit;
  if (!x.current(visitId) || !visit.locale) return;
  x.mood('apologetic');
  x.sayKey(visit.locale, 'ask.error');
  visit.asking = false;
}

export function listen(x: Step): void {
  const locale = x.s.visit.locale;
  if (locale) x.emit({ type: 'listen', visitId: x.s.visit.id, locale });
}

export function voiceText(x: Step, visitId: number, text: string): void {
  if (!x.current(visitId)) return;
  x.emit({ type: 'question', value: text });
  ask(x, text);
}

export function voiceFailed(x: Step, visitId: number, locale: Locale, available: boolean): void {
  if (!x.current(visitId)) return;
  x.emit({ type: 'voiceAvailable', available });
  x.sayKey(locale, 'ask.voiceFailed');
}

export function readCard(x: Step): void {
  const visit = x.s.visit;
  const { locale, sessionId } = visit;
  if (!locale || !sessionId || visit.readingCard) return;
  visit.readingCard = true;
  x.emit({ type: 'showCard', maskedPan: null });
  x.emit({ type: 'cardStatus', text: t(locale, 'card.swipePrompt'), error: false });
  x.sayKey(locale, 'card.speech.swipe');
  x.emit({ type: 'readCard', visitId: visit.id, sessionId, timeoutMs: CARD_TIMEOUT_MS });
}

export function cardRead(
  x: Step,
  visitId: number,
  card: { maskedPan: string; luhnValid: boolean; riskRating: string | null },
): void {
  const visit = x.s.visit;
  if (!x.current(visitId) || !visit.locale) return;
  const locale = visit.locale;
  visit.maskedPan = card.maskedPan;
  // Only the rating is kept (tier and rating are all the agent sends; never a token).
  visit.riskRating = card.riskRating;
  // A wealth answer already on screen is checked again against the card holder's rating.
  if (visit.productRiskLevel !== null)
    x.emit({ type: 'showRisk', risk: checkRisk(visit.productRiskLevel, visit.riskRating), locale });
  x.emit({ type: 'showCard', maskedPan: card.maskedPan });
  x.emit({
    type: 'cardStatus',
    text: t(locale, card.luhnValid ? 'card.identified' : 'card.luhnInvalid'),
    error: !card.luhnValid,
  });
  x.mood(card.luhnValid ? 'happy' : 'concerned');
  x.sayKey(locale, card.luhnValid ? 'card.speech.ok' : 'card.speech.error');
  visit.readingCard = false;
}

export function cardFailed(x: Step, visitId: number, errorKey: MessageKey): void {
  const visit = x.s.visit;
  if (!x.current(visitId) || !visit.locale) return;
  x.emit({ type: 'cardStatus', text: t(visit.locale, errorKey), error: true });
  x.mood('apologetic');
  x.sayKey(visit.locale, 'card.speech.error');
  visit.readingCard = false;
}
