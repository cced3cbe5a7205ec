// The Knowledge tab's "Missed questions" list (supervisors): what customers asked that the kiosks did
// not answer outright, per guessed topic and locale, and one click to add a question to an article as
// an example. That publishes a new article version through the ordinary publish route, so the version
// is numbered by the hub, audited and synced to the kiosks like any edit.
import { byRole, byTestId, el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { articleChoices, draftWithExample } from './missed-questions.ts';
import { statusLine, hubFailure } from './status-line.ts';
import { HubError, type HubApi, type KnowledgeArticle, type MissedTopic } from './hub-api.ts';

export interface MissesView {
  /** Loads the list (again) from the hub. */
  show(): Promise<void>;
  reset(): void;
}

export interface MissesDeps {
  /** The articles as last loaded by the Knowledge tab. */
  articles(): readonly KnowledgeArticle[];
  /** After an article was published from here: the tab reloads its list. */
  onPublished(): Promise<void>;
  onSessionExpired(): void;
}

export function createMissesView(api: HubApi, locale: Locale, deps: MissesDeps): MissesView {
  const list = byRole<HTMLUListElement>('kb-miss-topics');
  const loadError = byRole('kb-misses-error');
  const setStatus = statusLine(byTestId('kb-miss-status'));

  async function add(topic: MissedTopic, text: string, articleId: string, row: HTMLElement): Promise<void> {
    const article = deps.articles().find((a) => a.id === articleId && a.locale === topic.locale);
    if (!article)
      return setStatus('error', t(locale, 'kb.exampleFailed', { reason: t(locale, 'kb.exampleNoArticle') }));
    const result = draftWithExample(article, text);
    if (!result.ok)
      return setStatus(
        'error',
        t(locale, 'kb.exampleFailed', { reason: t(locale, result.message, result.values) }),
      );
    setStatus('busy', t(locale, 'kb.publishing'));
    try {
      const published = await api.publishArticle(result.baseVersion, result.draft);
      row.dataset.state = 'added';
      for (const c of row.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select'))
        c.disabled = true;
      setStatus(
        'added',
        t(locale, 'kb.exampleAdded', {
          id: published.id,
          locale: published.locale,
          version: published.version,
        }),
      );
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return deps.onSessionExpired();
      setStatus('error', t(locale, 'kb.exampleFailed', { reason: hubFailure(locale, err) }));
    }
    // Either way the tab shows the versions as they now stand (a stale one is fixed by a second click).
    await deps.onPublished();
  }

  function exampleRow(topic: MissedTopic, example: MissedTopic['examples'][number]): HTMLElement {
    const select = el('select', { testid: 'kb-miss-article' });
    for (const c of articleChoices(deps.articles(), topic.locale, topic.topic)) {
      const option = el('option', { text: `${c.title} (${c.id})` });
      option.value = c.id;
      select.append(option);
    }
    select.setAttribute('aria-label', t(locale, 'kb.addTo'));
    const button = el('button', {
      className: 'secondary',
      testid: 'kb-miss-add',
      text: t(locale, 'kb.addExample'),
    });
    button.type = 'button';
    const row = el(
      'li',
      { className: 'kb-miss', testid: 'kb-miss' },
      el('span', { className: 'kb-miss-text', text: example.text }),
      el('span', { className: 'kb-miss-outcome', text: t(locale, `kb.outcome.${example.outcome}`) }),
      select,
      button,
    );
    button.addEventListener('click', () => {
      if (button.disabled) return;
      button.disabled = true;
      void add(topic, example.text, select.value, row).finally(() => {
        if (row.dataset.state !== 'added') button.disabled = false;
      });
    });
    return row;
  }

  function render(topics: MissedTopic[]): void {
    list.replaceChildren(
      ...(topics.length === 0 ? [el('li', { className: 'empty', text: t(locale, 'kb.missesNone') })] : []),
      ...topics.map((topic) => {
        const item = el(
          'li',
          { className: 'kb-miss-topic', testid: 'kb-miss-topic' },
          el(
            'p',
            { className: 'meta' },
            el('span', { className: 'kb-id', text: topic.topic ?? t(locale, 'kb.noGuess') }),
            el('span', { text: topic.locale }),
            el('span', {
              text: t(locale, 'kb.missCounts', { missed: topic.missed, clarified: topic.clarified }),
            }),
          ),
          el('ul', { className: 'kb-miss-examples' }, ...topic.examples.map((e) => exampleRow(topic, e))),
        );
        item.dataset.topic = topic.topic ?? '';
        item.dataset.locale = topic.locale;
        return item;
      }),
    );
  }

  return {
    async show() {
      try {
        render(await api.misses());
        loadError.hidden = true;
      } catch (err) {
        if (err instanceof HubError && err.status === 401) return deps.onSessionExpired();
        loadError.textContent = t(locale, 'kb.missesFailed', { reason: hubFailure(locale, err) });
        loadError.hidden = false;
      }
    },
    reset() {
      list.replaceChildren();
      loadError.hidden = true;
      setStatus('idle', '');
    },
  };
}
