// The kiosk journey: attract loop -> greeting -> language -> services, questions, card, "talk to a person"
// -> wrap-up with a rating -> wipe (also on idle timeout, after a 20 s warning). One visit at a time; every
// async result checks the visit it belongs to, so nothing from a finished visit reappears.
import type { Avatar, KioskOverlay, Mood } from '@branch/avatar';
import type { ServiceAvailability } from '@branch/device-agent';
import { t, type Locale } from '../i18n/index.ts';
import { CommandFailed, type KioskClient } from '../protocol/kiosk-client.ts';
import { wipeBrowserStorage } from './browser-wipe.ts';
import { cardErrorKey } from './card-errors.ts';
import { DEFAULT_IDLE_MS, IDLE_WARNING_MS, IdleTimer } from './idle-timer.ts';
import type { KioskView, Screen } from './kiosk-view.ts';
import { checkRisk, optionalString } from './risk-check.ts';
import { showAnswer } from './answer-view.ts';
import { cameraIndicator, progressFor } from './journey-progress.ts';
import { SERVICES, serviceQuestionKey, type ServiceId } from './services.ts';
import { newVisit, snapshotVisit, type Visit } from './visit.ts';
import { VoiceInput } from './voice-input.ts';
import { CustomerGreeter } from './customer-greeter.ts';
import { KioskHandoff, type HandoffHints, type HandoffOutcome } from '../handoff/kiosk-handoff.ts';
import type { CueSummaryRecord } from '../emotion/cue-summary.ts';
import type { StableCue } from '../emotion/cue-tracker.ts';
import type { KioskEmotion } from '../emotion/kiosk-emotion.ts';

const CARD_TIMEOUT_MS = 30_000;
/** The attract loop invites passers-by in one language, then the other. */
const ATTRACT_INTERVAL_MS = 15_000;
/** After the thank-you the page wipes itself; unrated wrap-ups wipe after this long. */
const WRAPUP_MS = 20_000;

export interface KioskAppOptions {
  idleMs?: number;
  voiceInput?: VoiceInput;
  /** Emotion cues from the camera (after consent); without it the camera indicator just says "off". */
  emotion?: KioskEmotion;
}

export class KioskApp {
  private visitCounter = 0;
  private visit: Visit = newVisit(++this.visitCounter);
  private available = true;
  private screen: Screen = 'attract';
  private handoffSupported = false;
  private readonly idle: IdleTimer;
  private readonly voiceInput: VoiceInput;
  private readonly emotion: KioskEmotion | null;
  private attractTimer: ReturnType<typeof setInterval> | null = null;
  private attractTurn = 0;
  private wrapupTimer: ReturnType<typeof setTimeout> | null = null;
  private wipes = 0;
  /** Set while the agent is away, so "one moment" is said once per outage, not at every retry. */
  private outage = false;
  /** Video handoff to a person (kiosk-handoff.ts); the idle timer rests while a call is on. */
  private readonly handoff: KioskHandoff;
  /** Unsure answers in a row this visit: the second one asks the hub for a person. */
  private unsure = 0;
  /** Greets a customer the front sensor sees walk up (attract loop only). */
  private readonly greeter: CustomerGreeter;

  constructor(
    private readonly view: KioskView,
    private readonly client: KioskClient,
    private readonly avatar: Avatar,
    private readonly overlay: KioskOverlay,
    options: KioskAppOptions = {},
  ) {
    const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.idle = new IdleTimer({
      timeoutMs: idleMs,
      warnMs: Math.min(IDLE_WARNING_MS, idleMs - 1000),
      onWarn: (s) => this.onIdleWarning(s),
      onResume: () => this.view.showIdleWarning(null),
      onTimeout: () => void this.endVisit('timed_out'),
    });
    this.voiceInput = options.voiceInput ?? new VoiceInput();
    this.handoff = new KioskHandoff(client, (o) => this.onHandoffFinished(o));
    this.emotion = options.emotion ?? null;
    view.start.addEventListener('click', () => void this.begin());
    view.langZh.addEventListener('click', () => void this.chooseLanguage('zh-CN'));
    view.langEn.addEventListener('click', () => void this.chooseLanguage('en'));
    for (const id of SERVICES) {
      view.serviceButtons.get(id)!.addEventListener('click', () => void this.askService(id));
    }
    view.cardRead.addEventListener('click', () => void this.readCard());
    view.askForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.ask(this.view.question.value);
    });
    view.voice.addEventListener('click', () => this.listen());
    view.handoff.addEventListener('click', () => void this.requestHandoff());
    view.end.addEventListener('click', () => void this.wrapUp());
    view.ratingButtons.forEach((b, i) => b.addEventListener('click', () => void this.rate(i + 1)));
    view.wrapupDone.addEventListener('click', () => void this.endVisit('answered'));
    view.idleContinue.addEventListener('click', () => this.activity());
    for (const type of ['pointerdown', 'keydown', 'input']) {
      view.avatar.ownerDocument.addEventListener(type, () => this.activity(), { capture: true });
    }
    // A touch anywhere interrupts the avatar at once (the mouth closes); what the touch asks for follows.
    view.avatar.ownerDocument.addEventListener('pointerdown', () => this.avatar.stopSpeaking(), {
      capture: true,
    });
    client.on('Common.StatusChanged', (a) => this.setAvailability(a));
    this.greeter = new CustomerGreeter({
      client,
      attractScreen: view.attractScreen,
      canGreet: () => this.screen === 'attract' && this.available,
      say: (text, locale) => this.say(text, locale),
      mood: (m) => this.mood(m),
    });
    client.onState((s) => this.onConnection(s));
    this.overlay.setCamera(cameraIndicator(null));
    this.go('attract');
    this.startAttract();
    this.onConnection(client.state);
  }

  /** The current visit and page state, for the test hook (the wipe test looks for leftovers here). */
  snapshot(): { screen: Screen; wipes: number; visit: Visit } {
    return { screen: this.screen, wipes: this.wipes, visit: snapshotVisit(this.visit) };
  }

  private current(visit: Visit): boolean {
    return visit === this.visit;
  }

  /** Captions every spoken line (overlay on screen, live region for screen readers), then speaks it. */
  private async say(text: string, locale: Locale, visit = this.visit): Promise<void> {
    if (!this.current(visit)) return;
    visit.lastLine = { text, locale };
    this.view.setCaption(text);
    this.overlay.setCaption(text);
    await this.avatar.speak(text, locale);
  }

  private mood(m: Mood): void {
    this.avatar.setMood(this.available ? m : 'apologetic');
  }

  private activity(): void {
    if (this.screen !== 'attract' && !this.handoff.active) this.idle.poke();
  }

  private startAttract(): void {
    this.stopAttract();
    this.attractTimer = setInterval(() => {
      if (this.screen !== 'attract' || this.avatar.speaking || !this.available) return;
      const locale: Locale = this.attractTurn++ % 2 === 0 ? 'zh-CN' : 'en';
      this.mood('happy');
      void this.say(t(locale, 'attract.invite'), locale);
    }, ATTRACT_INTERVAL_MS);
  }

  private stopAttract(): void {
    if (this.attractTimer !== null) clearInterval(this.attractTimer);
    this.attractTimer = null;
  }

  private async begin(): Promise<void> {
    const visit = this.visit;
    this.stopAttract();
    this.go('language');
    this.idle.poke();
    this.mood('happy');
    await this.say(t('zh-CN', 'greeting.speech'), 'zh-CN', visit);
    // The customer may pick a language while the first greeting still plays: then the second one is moot.
    if (this.screen === 'language') await this.say(t('en', 'greeting.speech'), 'en', visit);
  }

  private async chooseLanguage(locale: Locale): Promise<void> {
    const visit = this.visit;
    try {
      const { sessionId } = await this.client.send('Session.Start', { locale });
      if (!this.current(visit)) return;
      visit.locale = locale;
      visit.sessionId = sessionId;
      this.view.applyLocale(locale);
      this.view.setVoiceAvailable(false);
      void this.voiceInput.availableFor(locale).then((ok) => {
        if (this.current(visit)) this.view.setVoiceAvailable(ok);
      });
      if (this.emotion) this.emotion.offer(locale);
      else this.overlay.setCamera(cameraIndicator(locale));
      this.overlay.setButtons([
        { id: 'repeat', label: t(locale, 'overlay.repeat'), onTap: () => this.repeat() },
      ]);
      this.go('main');
      this.mood('attentive');
      await this.say(t(locale, 'main.speech'), locale, visit);
    } catch (err) {
      if (!this.current(visit)) return;
      this.mood('apologetic');
      const key =
        err instanceof CommandFailed && err.completionCode === 'deviceNotReady'
          ? 'service.unavailable.title'
          : 'ask.error';
      await this.say(t(locale, key), locale, visit);
    }
  }

  private repeat(): void {
    const line = this.visit.lastLine;
    this.activity();
    if (line) void this.say(line.text, line.locale);
  }

  private askService(id: ServiceId): Promise<void> {
    const locale = this.visit.locale;
    return locale ? this.ask(t(locale, serviceQuestionKey(id))) : Promise.resolve();
  }

  private listen(): void {
    const locale = this.visit.locale;
    if (!locale) return;
    const visit = this.visit;
    this.voiceInput.listen(locale, {
      onText: (text) => {
        if (!this.current(visit)) return;
        this.view.question.value = text;
        void this.ask(text);
      },
      onListening: (on) => this.current(visit) && this.view.setListening(on, locale),
      onFailed: () => {
        if (!this.current(visit)) return;
        this.view.setVoiceAvailable(this.voiceInput.available);
        void this.say(t(locale, 'ask.voiceFailed'), locale, visit);
      },
    });
  }

  private async ask(raw: string): Promise<void> {
    const visit = this.visit;
    const { locale, sessionId } = visit;
    const text = raw.trim().slice(0, 500);
    if (!locale || !sessionId || !text || visit.asking) return;
    visit.asking = true;
    visit.questions.push(text);
    this.refreshControls();
    this.mood('attentive');
    this.view.setCaption(t(locale, 'ask.thinking'));
    this.overlay.setCaption(t(locale, 'ask.thinking'));
    try {
      const { answer } = await this.client.send('Session.Ask', { sessionId, text });
      if (!this.current(visit)) return;
      visit.answered = true;
      if (answer.title) visit.answerTitles.push(answer.title);
      const { risk, lines } = showAnswer(this.view, answer, locale, visit.riskRating);
      visit.productRiskLevel = risk?.level ?? null;
      this.view.question.value = '';
      const good = answer.confidence >= 0.5 && risk?.kind !== 'unsuitable';
      this.unsure = answer.confidence >= 0.5 ? 0 : this.unsure + 1;
      if (this.unsure >= 2) void this.startHandoff('low_confidence');
      this.mood(good ? 'happy' : 'concerned');
      for (const line of lines) await this.say(line, locale, visit);
    } catch {
      if (!this.current(visit)) return;
      this.mood('apologetic');
      void this.say(t(locale, 'ask.error'), locale, visit);
    } finally {
      visit.asking = false;
      if (this.current(visit)) this.refreshControls();
    }
  }

  private async readCard(): Promise<void> {
    const visit = this.visit;
    const { locale, sessionId } = visit;
    if (!locale || !sessionId || visit.readingCard) return;
    visit.readingCard = true;
    this.refreshControls();
    this.view.showCard(null);
    this.view.setCardStatus(t(locale, 'card.swipePrompt'));
    void this.say(t(locale, 'card.speech.swipe'), locale, visit);
    try {
      const { card, customer } = await this.client.send(
        'CardReader.ReadCard',
        { sessionId, timeoutMs: CARD_TIMEOUT_MS },
        { timeoutMs: CARD_TIMEOUT_MS + 5000 },
      );
      if (!this.current(visit)) return;
      visit.maskedPan = card.maskedPan;
      // Only the rating is kept (tier and rating are all the agent sends; never a token). An agent without a
      // profile source sends no customer: the risk check then says the rating is unknown, as before.
      visit.riskRating = optionalString(customer, 'riskRating') ?? null;
      // A wealth answer already on screen is checked again against the card holder's rating.
      if (visit.productRiskLevel !== null)
        this.view.showRisk(checkRisk(visit.productRiskLevel, visit.riskRating), locale);
      this.view.showCard(card.maskedPan);
      this.view.setCardStatus(
        t(locale, card.luhnValid ? 'card.identified' : 'card.luhnInvalid'),
        !card.luhnValid,
      );
      this.mood(card.luhnValid ? 'happy' : 'concerned');
      void this.say(t(locale, card.luhnValid ? 'card.speech.ok' : 'card.speech.error'), locale, visit);
    } catch (err) {
      if (!this.current(visit)) return;
      this.view.setCardStatus(t(locale, cardErrorKey(err)), true);
      this.mood('apologetic');
      void this.say(t(locale, 'card.speech.error'), locale, visit);
    } finally {
      visit.readingCard = false;
      if (this.current(visit)) this.refreshControls();
    }
  }

  /** "Talk to a person": the real handoff when the agent offers it; otherwise the page says so plainly. */
  private async requestHandoff(): Promise<void> {
    const visit = this.visit;
    const locale = visit.locale;
    if (!locale) return;
    visit.handoffAsked = true;
    if (this.handoffSupported && visit.sessionId) void this.startHandoff('customer_request');
    const text = t(locale, this.handoffSupported ? 'handoff.waiting' : 'handoff.unavailable');
    this.view.setHandoffStatus(text);
    this.overlay.setQueue({
      label: t(locale, 'handoff.queueLabel'),
      detail: this.handoffSupported ? t(locale, 'handoff.waiting') : t(locale, 'handoff.queueUnavailable'),
    });
    this.mood(this.handoffSupported ? 'attentive' : 'apologetic');
    await this.say(text, locale, visit);
  }

  private async startHandoff(reason: 'customer_request' | 'low_confidence'): Promise<void> {
    const { sessionId, locale } = this.visit;
    if (!this.handoffSupported || !sessionId || !locale || this.handoff.active) return;
    this.unsure = 0;
    this.idle.stop();
    await this.handoff.start(sessionId, locale, reason, this.handoffHints());
  }

  /** What the camera adds to a handoff request (only after consent): the routing hub boosts and routes on it. */
  private handoffHints(): HandoffHints {
    const snap = this.emotion?.snapshot();
    const cue = snap?.cue?.facePresent ? snap.cue.cue : (snap?.summary?.dominant ?? null);
    return {
      ...(this.visit.negativeCue ? { negativeCue: true } : {}),
      ...(cue ? { emotion: cue } : {}),
    };
  }

  /** A new stable cue: during a call the agent sees it on the cue timeline. */
  cueChanged(cue: StableCue): void {
    if (!this.handoff.active) return;
    const confidence = Math.round(Math.min(1, Math.max(0, cue.confidence)) * 100) / 100;
    this.handoff.cue({ at: new Date().toISOString(), label: cue.cue, confidence }, this.visit.negativeCue);
  }

  private onHandoffFinished(_outcome: HandoffOutcome): void {
    this.view.setHandoffStatus(null);
    this.overlay.setQueue(null);
    if (this.screen !== 'attract') this.idle.poke();
  }

  private async wrapUp(): Promise<void> {
    const visit = this.visit;
    const locale = visit.locale ?? 'zh-CN';
    // The session stays open for the rating; endVisit ends it (after the rating, "finish", or the timer).
    if (visit.readingCard) void this.client.send('CardReader.Cancel', {}).catch(() => undefined);
    this.voiceInput.stop();
    this.emotion?.stopCamera();
    this.go('wrapup');
    this.mood('happy');
    this.wrapupTimer = setTimeout(() => void this.endVisit('answered'), WRAPUP_MS);
    await this.say(t(locale, 'wrapup.speech'), locale, visit);
  }

  private async rate(value: number): Promise<void> {
    const visit = this.visit;
    const locale = visit.locale ?? 'zh-CN';
    if (visit.rating !== null) return;
    visit.rating = value;
    // Stored on the conversation at the agent and synced to the hub; the page thanks the customer either
    // way (a lost rating is not the customer's problem) and ends the session once the agent has answered.
    const { sessionId } = visit;
    const sent =
      sessionId && this.client.state === 'connected'
        ? this.client.send('Session.Rate', { sessionId, rating: value }).catch(() => undefined)
        : Promise.resolve();
    this.view.setRating(value);
    this.view.wrapupThanks.textContent = t(locale, 'wrapup.thanks');
    await this.say(t(locale, 'wrapup.thanks'), locale, visit);
    await sent;
    if (this.current(visit)) await this.endVisit('answered');
  }

  private endSession(visit: Visit, outcome: 'answered' | 'abandoned' | 'timed_out'): void {
    const sessionId = visit.sessionId;
    visit.sessionId = null;
    // The camera stops with the visit; its cue summary goes to the agent just before the session ends.
    const emotion = this.emotion?.finish() ?? null;
    if (visit.readingCard) void this.client.send('CardReader.Cancel', {}).catch(() => undefined);
    if (sessionId && this.client.state === 'connected') {
      if (emotion) void this.sendEmotion(sessionId, emotion);
      const result = outcome === 'answered' && !visit.answered ? 'abandoned' : outcome;
      void this.client.send('Session.End', { sessionId, outcome: result }).catch(() => undefined);
    }
  }

  /** The customer's camera or recording answer in this visit, for the hub's audit log (via the agent). */
  recordConsent(kind: 'camera' | 'recording', given: boolean): void {
    const { sessionId } = this.visit;
    if (sessionId && this.client.state === 'connected')
      void this.client.send('Session.Consent', { sessionId, kind, given }).catch(() => undefined);
  }

  private sendEmotion(sessionId: string, summary: CueSummaryRecord): Promise<unknown> {
    return this.client.send('Session.Emotion', { sessionId, summary }).catch(() => undefined);
  }

  /** A negative cue held long enough: routing learns it now (session state), and the avatar offers a person. */
  offerPerson(summary: CueSummaryRecord): void {
    const visit = this.visit;
    const { locale, sessionId } = visit;
    if (!locale || !sessionId) return;
    visit.negativeCue = true;
    if (this.client.state === 'connected') void this.sendEmotion(sessionId, summary);
    // Already waiting or in a call: the hub raises the priority and alerts a supervisor.
    if (this.handoff.active) this.handoff.cue(null, true);
    if (visit.handoffAsked || this.screen !== 'main') return;
    this.view.setHandoffStatus(t(locale, 'camera.offerPerson'));
    this.mood('concerned');
    void this.say(t(locale, 'camera.offerPerson.speech'), locale, visit);
  }

  /** Ends the session at the agent (best effort) and wipes the page at once, whatever the agent says. */
  private async endVisit(outcome: 'answered' | 'abandoned' | 'timed_out'): Promise<void> {
    const old = this.visit;
    this.handoff.stop();
    this.unsure = 0;
    this.endSession(old, outcome);
    this.visit = newVisit(++this.visitCounter);
    this.wipes += 1;
    if (this.wrapupTimer !== null) clearTimeout(this.wrapupTimer);
    this.wrapupTimer = null;
    this.idle.stop();
    this.voiceInput.stop();
    this.avatar.stopSpeaking();
    this.view.clear();
    this.overlay.clear();
    this.overlay.setCamera(cameraIndicator(null));
    this.go('attract');
    this.mood('neutral');
    this.startAttract();
    await wipeBrowserStorage();
  }

  private onIdleWarning(seconds: number): void {
    const locale = this.visit.locale ?? 'zh-CN';
    const first = this.view.idleWarning.hidden;
    this.view.applyLocale(locale);
    this.view.showIdleWarning(t(locale, 'idle.body', { seconds }));
    if (first) {
      this.mood('attentive');
      void this.say(t(locale, 'idle.speech'), locale);
    }
  }

  private go(screen: Screen): void {
    this.screen = screen;
    this.view.show(screen);
    this.overlay.setProgress(progressFor(screen, this.visit.locale));
    this.refreshControls();
  }

  private setAvailability(a: ServiceAvailability): void {
    this.available = a.available;
    this.view.setUnavailable(!a.available);
    this.avatar.setMood(a.available ? 'neutral' : 'apologetic');
    this.refreshControls();
  }

  private onConnection(state: 'connecting' | 'connected' | 'disconnected'): void {
    this.view.setConnection(state, this.visit.locale);
    if (state === 'connected') {
      this.outage = false;
      void this.client.send('Common.Status', {}).then(
        (s) => {
          const caps = (s as { capabilities?: unknown }).capabilities;
          this.handoffSupported = Array.isArray(caps) && caps.includes('Handoff');
          this.setAvailability(s.availability);
          this.greeter.setPresent(s.customerPresent === true);
        },
        () => undefined,
      );
      // The agent ends a page's sessions when its connection drops: a visit in progress starts over.
      if (this.visit.sessionId) void this.endVisit('abandoned');
    } else if (state === 'disconnected' && !this.outage && this.screen !== 'attract') {
      // Say "one moment" rather than fail: the client reconnects by itself.
      this.outage = true;
      const locale = this.visit.locale ?? 'zh-CN';
      this.mood('apologetic');
      void this.say(t(locale, 'connection.lost.speech'), locale);
    }
    this.refreshControls();
  }

  private refreshControls(): void {
    const ready = this.client.state === 'connected' && this.available;
    const inMain = this.screen === 'main' && this.visit.sessionId !== null;
    this.view.setControlsEnabled({
      journey: ready,
      card: ready && inMain && !this.visit.readingCard,
      ask: ready && inMain && !this.visit.asking,
    });
  }
}
