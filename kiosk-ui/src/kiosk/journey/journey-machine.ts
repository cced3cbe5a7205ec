// The kiosk journey as a pure state machine: attract loop -> greeting -> language -> services,
// questions, card, "talk to a person" -> wrap-up with a rating -> wipe (also on idle timeout, after a
// warning). step(state, input, now) returns the next state and the effects the page shell carries out;
// no DOM, no timers, no clock (the same pattern as the agent's SafetySupervisor and the avatar's
// FaceAnimator.sample). kiosk-app.ts runs it.
import type { ServiceAvailability } from '@branch/device-agent';
import { t, type Locale } from '../../i18n/index.ts';
import type { ConnectionState } from '../../protocol/kiosk-client.ts';
import { cameraIndicator } from '../journey-progress.ts';
import { newVisit } from '../visit.ts';
import { tickIdle } from './idle-clock.ts';
import { endVisit, rate, ratingSettled, wrapUp } from './journey-end.ts';
import { cueChanged, handoffFinished, offerPerson, requestHandoff } from './journey-handoff.ts';
import { ATTRACT_INTERVAL_MS, Step } from './journey-step.ts';
import type { JourneyConfig, JourneyInput, JourneyState, JourneyStep, SpeechNext } from './journey-types.ts';
import * as visit from './journey-visit.ts';

const GREETING_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The page at load: the attract loop, nobody's visit, the camera indicator off. */
export function startJourney(config: JourneyConfig, connection: ConnectionState, now: number): JourneyStep {
  const state: JourneyState = {
    config,
    screen: 'attract',
    visit: newVisit(1),
    visitCounter: 1,
    wipes: 0,
    connection: 'disconnected',
    available: true,
    handoffSupported: false,
    handoffActive: false,
    outage: false,
    unsure: 0,
    present: false,
    attractTurn: 0,
    attractAt: null,
    wrapupAt: null,
    idle: null,
    warningShown: false,
    askLines: [],
    ratingWaits: 0,
    controls: null,
    wakeAt: null,
  };
  const x = new Step(state, now);
  x.emit({ type: 'camera', indicator: cameraIndicator(null) });
  x.go('attract');
  x.startAttract();
  connectionChanged(x, connection);
  x.finish();
  return { state: x.s, effects: x.effects };
}

export function step(state: JourneyState, input: JourneyInput, now: number): JourneyStep {
  const x = new Step(state, now);
  apply(x, input);
  x.finish();
  return { state: x.s, effects: x.effects };
}

function apply(x: Step, i: JourneyInput): void {
  switch (i.type) {
    case 'begin':
      return visit.begin(x);
    case 'chooseLanguage':
      return visit.chooseLanguage(x, i.locale);
    case 'sessionStarted':
      return visit.sessionStarted(x, i.visitId, i.locale, i.sessionId);
    case 'sessionStartFailed':
      return visit.sessionStartFailed(x, i.visitId, i.locale, i.deviceNotReady);
    case 'voiceChecked':
      return visit.voiceChecked(x, i.visitId, i.ok);
    case 'askService':
      return visit.askService(x, i.id);
    case 'ask':
      return visit.ask(x, i.text);
    case 'answered':
      return visit.answered(x, i.visitId, i.answer);
    case 'askFailed':
      return visit.askFailed(x, i.visitId);
    case 'listen':
      return visit.listen(x);
    case 'voiceText':
      return visit.voiceText(x, i.visitId, i.text);
    case 'voiceListening':
      if (x.current(i.visitId)) x.emit({ type: 'listening', on: i.on, locale: i.locale });
      return;
    case 'voiceFailed':
      return visit.voiceFailed(x, i.visitId, i.locale, i.available);
    case 'readCard':
      return visit.readCard(x);
    case 'cardRead':
      return visit.cardRead(x, i.visitId, i);
    case 'cardFailed':
      return visit.cardFailed(x, i.visitId, i.errorKey);
    case 'requestHandoff':
      return requestHandoff(x);
    case 'handoffFinished':
      return handoffFinished(x);
    case 'cue':
      return cueChanged(x, i.label, i.confidence);
    case 'offerPerson':
      return offerPerson(x, i.summary);
    case 'wrapUp':
      return wrapUp(x);
    case 'rate':
      return rate(x, i.value);
    case 'rateSent':
      return ratingSettled(x, i.visitId);
    case 'finish':
      return endVisit(x, 'answered');
    case 'activity':
      x.activity();
      // A touch anywhere interrupts the avatar at once (the mouth closes); what the touch asks for follows.
      if (i.touch) x.emit({ type: 'stopSpeaking' });
      return;
    case 'repeat':
      return visit.repeat(x);
    case 'spoken':
      return spoken(x, i.next);
    case 'tick':
      return tick(x, i.speaking);
    case 'connection':
      return connectionChanged(x, i.state);
    case 'availability':
      return setAvailability(x, i.availability);
    case 'status':
      x.s.handoffSupported = i.handoffSupported;
      setAvailability(x, i.availability);
      return presence(x, i.customerPresent);
    case 'presence':
      return presence(x, i.present);
  }
}

function spoken(x: Step, next: SpeechNext): void {
  switch (next.kind) {
    case 'greetingEn':
      return visit.greetingEnded(x, next.visitId);
    case 'askLine':
      return visit.askLineSaid(x, next.visitId);
    case 'rated':
      return ratingSettled(x, next.visitId);
    case 'greet':
      return greet(x, next.index);
  }
}

/** The wake-up the step asked for: the attract invitation, the wrap-up's end, the idle clock. */
function tick(x: Step, speaking: boolean): void {
  const s = x.s;
  // The shell's wake-up has been used: ask for the next one even if no deadline moved (an early wake).
  s.wakeAt = null;
  if (s.attractAt !== null && x.now >= s.attractAt) {
    s.attractAt = x.now + ATTRACT_INTERVAL_MS;
    if (s.screen === 'attract' && !speaking && s.available) {
      const locale: Locale = s.attractTurn % 2 === 0 ? 'zh-CN' : 'en';
      s.attractTurn += 1;
      x.mood('happy');
      x.sayKey(locale, 'attract.invite');
    }
  }
  if (s.wrapupAt !== null && x.now >= s.wrapupAt) {
    s.wrapupAt = null;
    endVisit(x, 'answered');
  }
  if (s.idle === null) return;
  const { clock, event } = tickIdle(s.idle, x.now);
  s.idle = clock;
  if (event.kind === 'timeout') endVisit(x, 'timed_out');
  else if (event.kind === 'warn') idleWarning(x, event.secondsLeft);
}

function idleWarning(x: Step, seconds: number): void {
  const locale = x.s.visit.locale ?? 'zh-CN';
  const first = !x.s.warningShown;
  x.emit({ type: 'applyLocale', locale });
  x.emit({ type: 'idleWarning', text: t(locale, 'idle.body', { seconds }) });
  x.s.warningShown = true;
  if (first) {
    x.mood('attentive');
    x.sayKey(locale, 'idle.speech');
  }
}

function setAvailability(x: Step, a: ServiceAvailability): void {
  x.s.available = a.available;
  x.emit({ type: 'unavailable', unavailable: !a.available });
  x.emit({ type: 'mood', mood: a.available ? 'neutral' : 'apologetic' });
}

function connectionChanged(x: Step, state: ConnectionState): void {
  const s = x.s;
  s.connection = state;
  x.emit({ type: 'connectionStatus', state, locale: s.visit.locale });
  if (state === 'connected') {
    s.outage = false;
    x.emit({ type: 'getStatus' });
    // The agent ends a page's sessions when its connection drops: a visit in progress starts over.
    if (s.visit.sessionId) endVisit(x, 'abandoned');
  } else if (state === 'disconnected' && !s.outage && s.screen !== 'attract') {
    // Say "one moment" rather than fail: the client reconnects by itself.
    s.outage = true;
    const locale = s.visit.locale ?? 'zh-CN';
    x.mood('apologetic');
    x.sayKey(locale, 'connection.lost.speech');
  }
}

/** The customer sensor: greet who walks up (attract loop only), calm down when they leave. */
function presence(x: Step, present: boolean): void {
  if (present === x.s.present) return;
  x.s.present = present;
  x.emit({ type: 'customerPresent', present });
  if (present) greet(x, 0);
}

/** Greets in both languages; stops when the customer touches the screen or walks away meanwhile. */
function greet(x: Step, index: number): void {
  const locale = GREETING_LOCALES[index];
  if (!locale || !x.s.present || x.s.screen !== 'attract' || !x.s.available) return;
  x.mood('happy');
  x.sayKey(locale, 'attract.greet', { kind: 'greet', index: index + 1 });
}
