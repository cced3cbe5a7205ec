// The article an agent sends into the call, shown on the kiosk beside the video: plain text only
// (textContent, paragraphs at blank lines), in the customer's language, closed by the customer.
import type { CallArticle } from '@branch/cloud-sync';
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';

export class CallArticlePanel {
  readonly root = el('aside', { className: 'handoff-article', testid: 'handoff-article' });
  private readonly title = el('h3', { testid: 'handoff-article-title' });
  private readonly body = el('div', { testid: 'handoff-article-body' });
  private readonly close = el('button', { className: 'secondary', testid: 'handoff-article-close' });

  constructor(locale: Locale) {
    this.close.type = 'button';
    this.close.textContent = t(locale, 'handoff.article.close');
    this.close.addEventListener('click', () => this.hide());
    this.root.setAttribute('aria-live', 'polite');
    this.root.append(
      el('p', { className: 'handoff-article-from', text: t(locale, 'handoff.article.from') }),
      this.title,
      this.body,
      this.close,
    );
    this.root.hidden = true;
  }

  show(a: CallArticle): void {
    this.title.textContent = a.title;
    this.body.replaceChildren(
      ...a.body
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p) => el('p', { text: p })),
    );
    this.root.dataset.articleId = a.id;
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
  }
}
