// The kiosk journey's state, the inputs that move it and the effects the page shell carries out. Plain
// data only: the machine (journey-machine.ts) is pure, and every input comes with the time it happened.
import type { Mood, OverlayState } from '@branch/avatar';
import type { Answer, ServiceAvailability } from '@branch/device-agent';
import type { Locale, MessageKey } from '../../i18n/index.ts';
import type { ConnectionState } from '../../protocol/kiosk-client.ts';
import type { CueSummaryRecord } from '../../emotion/cue-summary.ts';
import type { AnswerView, Screen } from '../kiosk-view.ts';
import type { RiskCheck } from '../risk-check.ts';
import type { ServiceId } from '../services.ts';
import type { Visit } from '../visit.ts';
import type { IdleClock } from './idle-clock.ts';

export type VisitOutcome = 'answered' | 'abandoned' | 'timed_out';
export type HandoffStart = 'customer_request' | 'low_confidence';

export interface JourneyConfig {
  idleMs: number;
  /** The idle warning shows this long before the wipe. */
  warnMs: number;
  /** A camera with emotion cues is fitted (it asks for consent itself); otherwise the indicator says off. */
  camera: boolean;
}

/** What a finished line of speech leads to; stale ones (another visit) are ignored. */
export type SpeechNext =
  | { kind: 'greetingEn'; visitId: number }
  | { kind: 'askLine'; visitId: number }
  | { kind: 'rated'; visitId: number }
  | { kind: 'greet'; index: number };

export interface JourneyState {
  config: JourneyConfig;
  screen: Screen;
  visit: Visit;
  visitCounter: number;
  wipes: number;
  connection: ConnectionState;
  available: boolean;
  handoffSupported: boolean;
  /** A handoff (waiting or in a call) is on: the idle clock rests. */
  handoffActive: boolean;
  /** Set while the agent is away, so "one moment" is said once per outage, not at every retry. */
  outage: boolean;
  /** Unsure answers in a row this visit: the second one asks the hub for a person. */
  unsure: number;
  /** Someone stands at the kiosk front (customer sensor): the attract loop greets them. */
  present: boolean;
  attractTurn: number;
  /** Next attract invitation, or null outside the attract loop. */
  attractAt: number | null;
  /** Unrated wrap-ups wipe at this time. */
  wrapupAt: number | null;
  idle: IdleClock | null;
  /** The idle warning is on screen (it stays while a handoff rests the clock). */
  warningShown: boolean;
  /** The answer's lines still to say; the ask ends when the last one has been said. */
  askLines: string[];
  /** What must settle before a rated visit ends: the thank-you line, and the rating's reply if sent. */
  ratingWaits: number;
  /** The controls' enabled state as last shown. */
  controls: Controls | null;
  /** The wake-up time as last asked of the shell. */
  wakeAt: number | null;
}

export interface Controls {
  journey: boolean;
  card: boolean;
  ask: boolean;
}

export type JourneyInput =
  | { type: 'begin' }
  | { type: 'chooseLanguage'; locale: Locale }
  | { type: 'sessionStarted'; visitId: number; locale: Locale; sessionId: string }
  | { type: 'sessionStartFailed'; visitId: number; locale: Locale; deviceNotReady: boolean }
  | { type: 'voiceChecked'; visitId: number; ok: boolean }
  | { type: 'askService'; id: ServiceId }
  | { type: 'ask'; text: string }
  | { type: 'answered'; visitId: number; answer: Answer }
  | { type: 'askFailed'; visitId: number }
  | { type: 'listen' }
  | { type: 'voiceText'; visitId: number; text: string }
  | { type: 'voiceListening'; visitId: number; locale: Locale; on: boolean }
  | { type: 'voiceFailed'; visitId: number; locale: Locale; available: boolean }
  | { type: 'readCard' }
  | { type: 'cardRead'; visitId: number; maskedPan: string; luhnValid: boolean; riskRating: string | null }
  | { type: 'cardFailed'; visitId: number; errorKey: MessageKey }
  | { type: 'requestHandoff' }
  | { type: 'handoffFinished' }
  | { type: 'cue'; label: string; confidence: number }
  | { type: 'offerPerson'; summary: CueSummaryRecord }
  | { type: 'wrapUp' }
  | { type: 'rate'; value: number }
  | { type: 'rateSent'; visitId: number }
  | { type: 'finish' }
  /** A touch, key or input anywhere (touch: a pointer, which also interrupts the avatar). */
  | { type: 'activity'; touch: boolean }
  | { type: 'repeat' }
  | { type: 'spoken'; next: SpeechNext }
  /** The wake-up the machine asked for; speaking: whether the avatar is talking now. */
  | { type: 'tick'; speaking: boolean }
  | { type: 'connection'; state: ConnectionState }
  | { type: 'availability'; availability: ServiceAvailability }
  | {
      type: 'status';
      handoffSupported: boolean;
      availability: ServiceAvailability;
      customerPresent: boolean;
    }
  | { type: 'presence'; present: boolean };

export type JourneyEffect =
  // Page and avatar
  | { type: 'show'; screen: Screen; progress: OverlayState['progress'] }
  | { type: 'controls'; controls: Controls }
  | { type: 'caption'; text: string }
  | { type: 'speak'; text: string; locale: Locale; next?: SpeechNext }
  | { type: 'stopSpeaking' }
  | { type: 'mood'; mood: Mood }
  | { type: 'applyLocale'; locale: Locale }
  | { type: 'camera'; indicator: OverlayState['camera'] }
  | { type: 'offerCamera'; locale: Locale }
  | { type: 'stopCamera' }
  | { type: 'repeatButton'; label: string }
  | { type: 'voiceAvailable'; available: boolean }
  | { type: 'checkVoice'; visitId: number; locale: Locale }
  | { type: 'listen'; visitId: number; locale: Locale }
  | { type: 'listening'; on: boolean; locale: Locale }
  | { type: 'stopVoice' }
  | { type: 'question'; value: string }
  | { type: 'showAnswer'; answer: AnswerView }
  | { type: 'showRisk'; risk: RiskCheck | null; locale: Locale }
  | { type: 'showCard'; maskedPan: string | null }
  | { type: 'cardStatus'; text: string; error: boolean }
  | { type: 'handoffStatus'; text: string | null }
  | { type: 'queue'; queue: OverlayState['queue'] }
  | { type: 'rating'; value: number }
  | { type: 'thanks'; text: string }
  | { type: 'idleWarning'; text: string | null }
  | { type: 'connectionStatus'; state: ConnectionState; locale: Locale | null }
  | { type: 'unavailable'; unavailable: boolean }
  | { type: 'customerPresent'; present: boolean }
  /** Wipe the page and the overlay of everything the last customer left. */
  | { type: 'clearPage' }
  | { type: 'wipeStorage' }
  // The agent
  | { type: 'startSession'; visitId: number; locale: Locale }
  | { type: 'ask'; visitId: number; sessionId: string; text: string }
  | { type: 'readCard'; visitId: number; sessionId: string; timeoutMs: number }
  | { type: 'cancelCard' }
  | { type: 'rate'; visitId: number; sessionId: string; rating: number }
  | { type: 'sendEmotion'; sessionId: string; summary: CueSummaryRecord }
  /** Finish the camera; with a session id (connected), send its summary and end the session. */
  | { type: 'endSession'; sessionId: string | null; outcome: VisitOutcome | 'abandoned'; cancelCard: boolean }
  | { type: 'getStatus' }
  // The handoff to a person
  | { type: 'startHandoff'; sessionId: string; locale: Locale; reason: HandoffStart; negativeCue: boolean }
  | { type: 'stopHandoff' }
  | {
      type: 'handoffCue';
      cue: { at: string; label: string; confidence: number } | null;
      negativeCue: boolean;
    }
  // Time
  /** Feed a 'tick' at this time (null: no wake-up needed). */
  | { type: 'wakeAt'; at: number | null };

export interface JourneyStep {
  state: JourneyState;
  effects: JourneyEffect[];
}
