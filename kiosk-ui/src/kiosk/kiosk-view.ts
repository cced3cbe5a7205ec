// The kiosk page's elements and the small rendering jobs on them (screens, texts, notices, disabling).
import { byRole, byTestId, el } from '../dom.ts';
import { applyMessages, messages, t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { ConnectionState } from '../protocol/kiosk-client.ts';
import { riskResultText } from './answer-view.ts';
import type { RiskCheck } from './risk-check.ts';
import { SERVICES, serviceLabelKey, type ServiceId } from './services.ts';

export type Screen = 'attract' | 'language' | 'main' | 'wrapup';

export interface AnswerView {
  text: string;
  title?: string;
  effective?: string;
  version?: string;
  /** Topics to choose between when the kiosk was unsure which one was meant: one button each. */
  choices?: string[];
}

export class KioskView {
  readonly avatar = byTestId('avatar');
  readonly overlayHost = byRole('overlay');
  readonly caption = byTestId('caption');
  readonly attractScreen = byTestId('attract-screen');
  readonly start = byTestId<HTMLButtonElement>('start');
  readonly langZh = byTestId<HTMLButtonElement>('lang-zh');
  readonly langEn = byTestId<HTMLButtonElement>('lang-en');
  readonly serviceButtons = new Map<ServiceId, HTMLButtonElement>();
  readonly cardRead = byTestId<HTMLButtonElement>('card-read');
  readonly cardStatus = byTestId('card-status');
  readonly maskedRow = byRole('masked-row');
  readonly maskedPan = byTestId('masked-pan');
  readonly askForm = byRole<HTMLFormElement>('ask-form');
  readonly question = byTestId<HTMLInputElement>('question-input');
  readonly voice = byTestId<HTMLButtonElement>('voice-input');
  readonly ask = byTestId<HTMLButtonElement>('ask');
  readonly answer = byTestId('answer');
  readonly answerTitle = byTestId('answer-title');
  readonly answerText = byRole('answer-text');
  readonly answerChoices = byRole('answer-choices');
  readonly answerEffective = byTestId('answer-effective');
  readonly answerVersion = byTestId('answer-version');
  readonly risk = byTestId('risk-note');
  readonly riskLevel = byRole('risk-level');
  readonly riskResult = byTestId('risk-result');
  readonly handoff = byTestId<HTMLButtonElement>('handoff');
  readonly handoffStatus = byTestId('handoff-status');
  readonly end = byTestId<HTMLButtonElement>('end-session');
  readonly ratingButtons: HTMLButtonElement[] = [];
  readonly wrapupThanks = byTestId('wrapup-thanks');
  readonly wrapupDone = byTestId<HTMLButtonElement>('wrapup-done');
  readonly idleWarning = byTestId('idle-warning');
  readonly idleTitle = byRole('idle-title');
  readonly idleCountdown = byTestId('idle-countdown');
  readonly idleContinue = byTestId<HTMLButtonElement>('idle-continue');
  readonly connection = byTestId('connection-status');
  private unavailable: HTMLElement | null = null;

  constructor(private readonly doc: Document = document) {
    const grid = byRole('service-grid', doc);
    for (const id of SERVICES) {
      const b = el('button', { className: 'service', testid: `service-${id}` });
      b.type = 'button';
      b.dataset.i18n = serviceLabelKey(id);
      this.serviceButtons.set(id, b);
      grid.append(b);
    }
    const rating = byRole('rating', doc);
    for (let n = 1; n <= 5; n++) {
      const b = el('button', { text: `${n} ★`, testid: `rating-${n}` });
      b.type = 'button';
      b.dataset.value = String(n);
      b.setAttribute('aria-pressed', 'false');
      this.ratingButtons.push(b);
      rating.append(b);
    }
    this.fillBilingual();
  }

  /** Before a language is chosen, texts show in both: Chinese first, English below. */
  private fillBilingual(): void {
    for (const node of this.doc.querySelectorAll<HTMLElement>('[data-i18n-both]')) {
      const key = node.dataset.i18nBoth as MessageKey;
      node.replaceChildren(
        el('span', { text: messages['zh-CN'][key] }),
        el('span', { className: 'alt', text: messages.en[key] }),
      );
    }
  }

  applyLocale(locale: Locale): void {
    this.doc.documentElement.lang = locale;
    applyMessages(this.doc, locale);
    this.ratingButtons.forEach((b, i) =>
      b.setAttribute('aria-label', t(locale, 'wrapup.rating', { n: i + 1 })),
    );
    this.idleTitle.textContent = t(locale, 'idle.title');
    this.idleContinue.textContent = t(locale, 'idle.continue');
  }

  show(screen: Screen): void {
    for (const node of this.doc.querySelectorAll<HTMLElement>('[data-screen]')) {
      node.hidden = node.dataset.screen !== screen;
    }
  }

  setCaption(text: string): void {
    this.caption.textContent = text;
  }

  setCardStatus(text: string, error = false): void {
    this.cardStatus.textContent = text;
    this.cardStatus.classList.toggle('error', error);
  }

  showCard(maskedPan: string | null): void {
    this.maskedPan.textContent = maskedPan ?? '';
    this.maskedRow.hidden = maskedPan === null;
  }

  showAnswer(a: AnswerView | null): void {
    this.answer.hidden = a === null;
    this.answerText.textContent = a?.text ?? '';
    this.answerTitle.textContent = a?.title ?? '';
    this.answerTitle.hidden = !a?.title;
    this.answerEffective.textContent = a?.effective ?? '';
    this.answerEffective.hidden = !a?.effective;
    this.answerVersion.textContent = a?.version ?? '';
    this.answerVersion.hidden = !a?.version;
    this.showChoices(a?.choices ?? []);
    if (a === null) this.showRisk(null, 'zh-CN');
  }

  /** A choice is asked like a typed question (the agent matches its title to the choices it offered). */
  private showChoices(titles: string[]): void {
    this.answerChoices.hidden = titles.length === 0;
    this.answerChoices.replaceChildren(
      ...titles.map((title) => {
        const b = el('button', { className: 'secondary', testid: 'answer-choice', text: title });
        b.type = 'button';
        b.addEventListener('click', () => {
          this.question.value = title;
          this.askForm.requestSubmit();
        });
        return b;
      }),
    );
  }

  showRisk(check: RiskCheck | null, locale: Locale): void {
    this.risk.hidden = check === null;
    this.riskLevel.textContent = check ? t(locale, 'risk.product', { level: check.level }) : '';
    this.riskResult.dataset.kind = check?.kind ?? '';
    this.riskResult.textContent = riskResultText(check, locale);
  }

  setHandoffStatus(text: string | null): void {
    this.handoffStatus.hidden = text === null;
    this.handoffStatus.textContent = text ?? '';
  }

  setVoiceAvailable(available: boolean): void {
    this.voice.hidden = !available;
  }

  setListening(listening: boolean, locale: Locale): void {
    this.voice.dataset.listening = String(listening);
    this.voice.textContent = t(locale, listening ? 'ask.listening' : 'ask.voice');
  }

  setRating(value: number | null): void {
    for (const b of this.ratingButtons)
      b.setAttribute('aria-pressed', String(Number(b.dataset.value) === value));
  }

  showIdleWarning(text: string | null): void {
    this.idleWarning.hidden = text === null;
    this.idleCountdown.textContent = text ?? '';
  }

  setConnection(state: ConnectionState, locale: Locale | null): void {
    this.connection.dataset.state = state;
    this.connection.textContent =
      state === 'connected'
        ? t(locale ?? 'zh-CN', 'connection.connected')
        : `${messages['zh-CN']['connection.waiting']} ${messages.en['connection.waiting']}`;
  }

  /** The full-width notice exists in the page only while the service is unavailable. */
  setUnavailable(unavailable: boolean): void {
    if (unavailable && !this.unavailable) {
      const notice = el('div', { className: 'unavailable', testid: 'service-unavailable' });
      notice.setAttribute('role', 'alert');
      for (const locale of ['zh-CN', 'en'] as const) {
        notice.append(
          el('strong', { text: t(locale, 'service.unavailable.title') }),
          el('p', { text: t(locale, 'service.unavailable.body') }),
        );
      }
      this.doc.body.prepend(notice);
      this.unavailable = notice;
    } else if (!unavailable && this.unavailable) {
      this.unavailable.remove();
      this.unavailable = null;
    }
  }

  setControlsEnabled(enabled: { journey: boolean; card: boolean; ask: boolean }): void {
    for (const b of [this.start, this.langZh, this.langEn]) b.disabled = !enabled.journey;
    this.cardRead.disabled = !enabled.card;
    this.question.disabled = !enabled.ask;
    this.ask.disabled = !enabled.ask;
    this.voice.disabled = !enabled.ask;
    for (const b of this.serviceButtons.values()) b.disabled = !enabled.ask;
  }

  /** Wipes everything the last customer left on the page; the texts go back to their first-load state. */
  clear(): void {
    this.setCaption('');
    this.setCardStatus('');
    this.showCard(null);
    this.showAnswer(null);
    this.setHandoffStatus(null);
    this.setRating(null);
    this.wrapupThanks.textContent = '';
    this.showIdleWarning(null);
    this.askForm.reset();
    this.question.value = '';
    this.doc.documentElement.lang = 'zh-CN';
    // Language-specific labels are refilled when the next customer picks a language.
    for (const node of this.doc.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = '';
  }
}
