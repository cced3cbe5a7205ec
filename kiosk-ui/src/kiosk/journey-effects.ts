// Carries out the journey machine's effects on the real page: the view, the avatar and its overlay, the
// agent's WebSocket, voice input, the camera and the handoff. Replies and callbacks come back as inputs,
// each naming the visit it belongs to.
import type { Avatar, KioskOverlay } from '@branch/avatar';
import { CommandFailed, type KioskClient } from '../protocol/kiosk-client.ts';
import type { KioskEmotion } from '../emotion/kiosk-emotion.ts';
import type { HandoffHints, KioskHandoff } from '../handoff/kiosk-handoff.ts';
import { wipeBrowserStorage } from './browser-wipe.ts';
import { cardErrorKey } from './card-errors.ts';
import type { KioskView } from './kiosk-view.ts';
import { optionalString } from './risk-check.ts';
import type { VoiceInput } from './voice-input.ts';
import type { JourneyEffect, JourneyInput } from './journey/journey-types.ts';

/** The class on the attract screen while someone stands in front of the kiosk (kiosk.css). */
export const CUSTOMER_PRESENT_CLASS = 'customer-present';
/** The page waits this much longer than the reader for a card read's reply. */
const CARD_REPLY_MARGIN_MS = 5000;

export interface JourneyShell {
  view: KioskView;
  client: KioskClient;
  avatar: Avatar;
  overlay: KioskOverlay;
  voiceInput: VoiceInput;
  emotion: KioskEmotion | null;
  handoff: KioskHandoff;
  feed(input: JourneyInput): void;
  /** Asks for a 'tick' at this time (null: none). */
  wakeAt(at: number | null): void;
}

export function runEffect(e: JourneyEffect, sh: JourneyShell): void {
  if (runPageEffect(e, sh)) return;
  runAgentEffect(e, sh);
}

function runPageEffect(e: JourneyEffect, sh: JourneyShell): boolean {
  const { view, overlay, avatar } = sh;
  switch (e.type) {
    case 'show':
      view.show(e.screen);
      overlay.setProgress(e.progress);
      return true;
    case 'controls':
      view.setControlsEnabled(e.controls);
      return true;
    case 'caption':
      view.setCaption(e.text);
      overlay.setCaption(e.text);
      return true;
    case 'speak': {
      // Every spoken line is captioned (overlay on screen, live region for screen readers).
      view.setCaption(e.text);
      overlay.setCaption(e.text);
      const next = e.next;
      // The band's caption follows the voice; whatever ends the line (its end, a touch) shows it whole.
      const whole = (): void => overlay.setCaptionSaid(null);
      const done = next ? () => (whole(), sh.feed({ type: 'spoken', next })) : whole;
      void avatar.speak(e.text, e.locale, (n) => overlay.setCaptionSaid(n)).then(done, done);
      return true;
    }
    case 'stopSpeaking':
      avatar.stopSpeaking();
      return true;
    case 'mood':
      avatar.setMood(e.mood);
      return true;
    case 'applyLocale':
      view.applyLocale(e.locale);
      return true;
    case 'camera':
      overlay.setCamera(e.indicator);
      return true;
    case 'offerCamera':
      sh.emotion?.offer(e.locale);
      return true;
    case 'stopCamera':
      sh.emotion?.stopCamera();
      return true;
    case 'repeatButton':
      overlay.setButtons([{ id: 'repeat', label: e.label, onTap: () => sh.feed({ type: 'repeat' }) }]);
      return true;
    case 'voiceAvailable':
      view.setVoiceAvailable(e.available);
      return true;
    case 'checkVoice':
      void sh.voiceInput
        .availableFor(e.locale)
        .then((ok) => sh.feed({ type: 'voiceChecked', visitId: e.visitId, ok }));
      return true;
    case 'listen': {
      const { visitId, locale } = e;
      sh.voiceInput.listen(locale, {
        onText: (text) => sh.feed({ type: 'voiceText', visitId, text }),
        onListening: (on) => sh.feed({ type: 'voiceListening', visitId, locale, on }),
        onFailed: () => sh.feed({ type: 'voiceFailed', visitId, locale, available: sh.voiceInput.available }),
      });
      return true;
    }
    case 'listening':
      view.setListening(e.on, e.locale);
      return true;
    case 'stopVoice':
      sh.voiceInput.stop();
      return true;
    case 'question':
      view.question.value = e.value;
      return true;
    case 'showAnswer':
      view.showAnswer(e.answer);
      return true;
    case 'showRisk':
      view.showRisk(e.risk, e.locale);
      return true;
    case 'showCard':
      view.showCard(e.maskedPan);
      return true;
    case 'cardStatus':
      view.setCardStatus(e.text, e.error);
      return true;
    case 'handoffStatus':
      view.setHandoffStatus(e.text);
      return true;
    case 'queue':
      overlay.setQueue(e.queue);
      return true;
    case 'rating':
      view.setRating(e.value);
      return true;
    case 'thanks':
      view.wrapupThanks.textContent = e.text;
      return true;
    case 'idleWarning':
      view.showIdleWarning(e.text);
      return true;
    case 'connectionStatus':
      view.setConnection(e.state, e.locale);
      return true;
    case 'unavailable':
      view.setUnavailable(e.unavailable);
      return true;
    case 'customerPresent':
      view.attractScreen.classList.toggle(CUSTOMER_PRESENT_CLASS, e.present);
      return true;
    case 'clearPage':
      view.clear();
      overlay.clear();
      return true;
    case 'wipeStorage':
      void wipeBrowserStorage();
      return true;
    case 'wakeAt':
      sh.wakeAt(e.at);
      return true;
    default:
      return false;
  }
}

function runAgentEffect(e: JourneyEffect, sh: JourneyShell): void {
  const { client, feed } = sh;
  const quiet = (p: Promise<unknown>): void => void p.catch(() => undefined);
  switch (e.type) {
    case 'startSession': {
      const { visitId, locale } = e;
      client.send('Session.Start', { locale }).then(
        ({ sessionId }) => feed({ type: 'sessionStarted', visitId, locale, sessionId }),
        (err: unknown) =>
          feed({
            type: 'sessionStartFailed',
            visitId,
            locale,
            deviceNotReady: err instanceof CommandFailed && err.completionCode === 'deviceNotReady',
          }),
      );
      return;
    }
    case 'ask':
      client.send('Session.Ask', { sessionId: e.sessionId, text: e.text }).then(
        ({ answer }) => feed({ type: 'answered', visitId: e.visitId, answer }),
        () => feed({ type: 'askFailed', visitId: e.visitId }),
      );
      return;
    case 'readCard':
      client
        .send(
          'CardReader.ReadCard',
          { sessionId: e.sessionId, timeoutMs: e.timeoutMs },
          { timeoutMs: e.timeoutMs + CARD_REPLY_MARGIN_MS },
        )
        .then(
          ({ card, customer }) =>
            feed({
              type: 'cardRead',
              visitId: e.visitId,
              maskedPan: card.maskedPan,
              luhnValid: card.luhnValid,
              // An agent without a profile source sends no customer: the risk check says the rating is unknown.
              riskRating: optionalString(customer, 'riskRating') ?? null,
            }),
          (err: unknown) => feed({ type: 'cardFailed', visitId: e.visitId, errorKey: cardErrorKey(err) }),
        );
      return;
    case 'cancelCard':
      quiet(client.send('CardReader.Cancel', {}));
      return;
    case 'rate': {
      const settled = (): void => feed({ type: 'rateSent', visitId: e.visitId });
      client.send('Session.Rate', { sessionId: e.sessionId, rating: e.rating }).then(settled, settled);
      return;
    }
    case 'sendEmotion':
      quiet(client.send('Session.Emotion', { sessionId: e.sessionId, summary: e.summary }));
      return;
    case 'endSession': {
      const summary = sh.emotion?.finish() ?? null;
      if (e.cancelCard) quiet(client.send('CardReader.Cancel', {}));
      if (e.sessionId === null) return;
      if (summary) quiet(client.send('Session.Emotion', { sessionId: e.sessionId, summary }));
      quiet(client.send('Session.End', { sessionId: e.sessionId, outcome: e.outcome }));
      return;
    }
    case 'getStatus':
      client.send('Common.Status', {}).then(
        (s) => {
          const caps = (s as { capabilities?: unknown }).capabilities;
          feed({
            type: 'status',
            handoffSupported: Array.isArray(caps) && caps.includes('Handoff'),
            availability: s.availability,
            customerPresent: s.customerPresent === true,
          });
        },
        () => undefined,
      );
      return;
    case 'startHandoff':
      void sh.handoff.start(e.sessionId, e.locale, e.reason, handoffHints(sh.emotion, e.negativeCue));
      return;
    case 'stopHandoff':
      sh.handoff.stop();
      return;
    case 'handoffCue':
      sh.handoff.cue(e.cue, e.negativeCue);
      return;
  }
}

/** What the camera adds to a handoff request (only after consent): the routing hub boosts and routes on it. */
function handoffHints(emotion: KioskEmotion | null, negativeCue: boolean): HandoffHints {
  const snap = emotion?.snapshot();
  const cue = snap?.cue?.facePresent ? snap.cue.cue : (snap?.summary?.dominant ?? null);
  return { ...(negativeCue ? { negativeCue: true } : {}), ...(cue ? { emotion: cue } : {}) };
}
