// The kiosk journey: attract -> greeting -> language -> card and questions -> end (wipe). One session at a
// time; every async result checks the visit it belongs to, so nothing from a finished visit reappears.
import type { Avatar, Mood } from '@branch/avatar';
import type { ServiceAvailability } from '@branch/device-agent';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { CommandFailed, type KioskClient } from '../protocol/kiosk-client.ts';
import type { KioskView } from './kiosk-view.ts';
import { effectiveDate, shortSpeech } from './speech-text.ts';

const CARD_TIMEOUT_MS = 30_000;

interface Visit {
  id: number;
  locale: Locale | null;
  sessionId: string | null;
  answered: boolean;
  readingCard: boolean;
  asking: boolean;
}

export class KioskApp {
  private visitCounter = 0;
  private visit: Visit = this.newVisit();
  private available = true;
  private screen: 'attract' | 'language' | 'main' = 'attract';

  constructor(
    private readonly view: KioskView,
    private readonly client: KioskClient,
    private readonly avatar: Avatar,
  ) {
    view.start.addEventListener('click', () => void this.begin());
    view.langZh.addEventListener('click', () => void this.chooseLanguage('zh-CN'));
    view.langEn.addEventListener('click', () => void this.chooseLanguage('en'));
    view.cardRead.addEventListener('click', () => void this.readCard());
    view.askForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.askQuestion();
    });
    view.end.addEventListener('click', () => void this.endVisit('answered'));
    client.on('Common.StatusChanged', (a) => this.setAvailability(a));
    client.onState((s) => this.onConnection(s));
    this.view.show('attract');
    this.onConnection(client.state);
  }

  private newVisit(): Visit {
    return {
      id: ++this.visitCounter,
      locale: null,
      sessionId: null,
      answered: false,
      readingCard: false,
      asking: false,
    };
  }

  private current(visit: Visit): boolean {
    return visit === this.visit;
  }

  private async say(text: string, locale: Locale, visit = this.visit): Promise<void> {
    if (!this.current(visit)) return;
    this.view.setCaption(text);
    await this.avatar.speak(text, locale);
  }

  private mood(m: Mood): void {
    this.avatar.setMood(this.available ? m : 'apologetic');
  }

  private async begin(): Promise<void> {
    const visit = this.visit;
    this.go('language');
    this.mood('happy');
    await this.say(t('zh-CN', 'greeting.speech'), 'zh-CN', visit);
    await this.say(t('en', 'greeting.speech'), 'en', visit);
  }

  private async chooseLanguage(locale: Locale): Promise<void> {
    const visit = this.visit;
    try {
      const { sessionId } = await this.client.send('Session.Start', { locale });
      if (!this.current(visit)) return;
      visit.locale = locale;
      visit.sessionId = sessionId;
      this.view.applyLocale(locale);
      this.go('main');
      this.mood('attentive');
      await this.say(t(locale, 'main.speech'), locale, visit);
    } catch (err) {
      if (!this.current(visit)) return;
      this.mood('apologetic');
      this.view.setCaption(
        t(
          locale,
          err instanceof CommandFailed && err.completionCode === 'deviceNotReady'
            ? 'service.unavailable.title'
            : 'ask.error',
        ),
      );
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
      const { card } = await this.client.send(
        'CardReader.ReadCard',
        { sessionId, timeoutMs: CARD_TIMEOUT_MS },
        { timeoutMs: CARD_TIMEOUT_MS + 5000 },
      );
      if (!this.current(visit)) return;
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

  private async askQuestion(): Promise<void> {
    const visit = this.visit;
    const { locale, sessionId } = visit;
    const text = this.view.question.value.trim().slice(0, 500);
    if (!locale || !sessionId || !text || visit.asking) return;
    visit.asking = true;
    this.refreshControls();
    this.mood('attentive');
    this.view.setCaption(t(locale, 'ask.thinking'));
    try {
      const { answer } = await this.client.send('Session.Ask', { sessionId, text });
      if (!this.current(visit)) return;
      visit.answered = true;
      const date = effectiveDate(answer.effectiveFrom);
      this.view.showAnswer({
        text: answer.text,
        ...(answer.title ? { title: answer.title } : {}),
        ...(date ? { effective: t(locale, 'answer.effective', { date }) } : {}),
      });
      this.view.question.value = '';
      this.mood(answer.confidence >= 0.5 ? 'happy' : 'concerned');
      void this.say(shortSpeech(answer.text, locale), locale, visit);
    } catch {
      if (!this.current(visit)) return;
      this.mood('apologetic');
      void this.say(t(locale, 'ask.error'), locale, visit);
    } finally {
      visit.asking = false;
      if (this.current(visit)) this.refreshControls();
    }
  }

  /** Ends the session at the agent (best effort) and wipes the page at once, whatever the agent says. */
  private async endVisit(outcome: 'answered' | 'abandoned'): Promise<void> {
    const old = this.visit;
    this.visit = this.newVisit();
    this.view.clear();
    this.go('attract');
    this.mood('neutral');
    if (this.client.state !== 'connected') return;
    if (old.readingCard) void this.client.send('CardReader.Cancel', {}).catch(() => undefined);
    if (old.sessionId) {
      const result = outcome === 'answered' && !old.answered ? 'abandoned' : outcome;
      await this.client
        .send('Session.End', { sessionId: old.sessionId, outcome: result })
        .catch(() => undefined);
    }
  }

  private go(screen: 'attract' | 'language' | 'main'): void {
    this.screen = screen;
    this.view.show(screen);
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
      void this.client.send('Common.Status', {}).then(
        (s) => this.setAvailability(s.availability),
        () => undefined,
      );
      // The agent ends a page's sessions when its connection drops: a visit in progress starts over.
      if (this.visit.sessionId) void this.endVisit('abandoned');
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

function cardErrorKey(err: unknown): MessageKey {
  if (!(err instanceof CommandFailed)) return 'card.error.generic';
  if (err.errorCode === 'badSwipe') return 'card.error.badSwipe';
  switch (err.completionCode) {
    case 'timeOut':
    case 'clientTimeout':
      return 'card.error.timeOut';
    case 'cancelled':
      return 'card.error.cancelled';
    case 'deviceNotReady':
      return 'card.error.deviceNotReady';
    default:
      return 'card.error.generic';
  }
}
