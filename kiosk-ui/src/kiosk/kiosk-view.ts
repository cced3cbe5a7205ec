// The kiosk page's elements and the small rendering jobs on them (screens, texts, notices, disabling).
import { byRole, byTestId, el } from '../dom.ts';
import { applyMessages, messages, t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { ConnectionState } from '../protocol/kiosk-client.ts';

export type Screen = 'attract' | 'language' | 'main';

export class KioskView {
  readonly avatar = byTestId('avatar');
  readonly caption = byTestId('caption');
  readonly start = byTestId<HTMLButtonElement>('start');
  readonly langZh = byTestId<HTMLButtonElement>('lang-zh');
  readonly langEn = byTestId<HTMLButtonElement>('lang-en');
  readonly cardRead = byTestId<HTMLButtonElement>('card-read');
  readonly cardStatus = byTestId('card-status');
  readonly maskedRow = byRole('masked-row');
  readonly maskedPan = byTestId('masked-pan');
  readonly askForm = byRole<HTMLFormElement>('ask-form');
  readonly question = byTestId<HTMLInputElement>('question-input');
  readonly ask = byTestId<HTMLButtonElement>('ask');
  readonly answer = byTestId('answer');
  readonly answerTitle = byTestId('answer-title');
  readonly answerText = byRole('answer-text');
  readonly answerEffective = byTestId('answer-effective');
  readonly end = byTestId<HTMLButtonElement>('end-session');
  readonly connection = byTestId('connection-status');
  private unavailable: HTMLElement | null = null;

  constructor(private readonly doc: Document = document) {
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

  showAnswer(a: { text: string; title?: string; effective?: string } | null): void {
    this.answer.hidden = a === null;
    this.answerText.textContent = a?.text ?? '';
    this.answerTitle.textContent = a?.title ?? '';
    this.answerTitle.hidden = !a?.title;
    this.answerEffective.textContent = a?.effective ?? '';
    this.answerEffective.hidden = !a?.effective;
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
  }

  /** Wipes everything the last customer left on the page. */
  clear(): void {
    this.setCaption('');
    this.setCardStatus('');
    this.showCard(null);
    this.showAnswer(null);
    this.askForm.reset();
    this.question.value = '';
    this.doc.documentElement.lang = 'zh-CN';
  }
}
