// The console's Knowledge tab (supervisors): every article in both locales, an editor for one, and
// publishing the edit as a new version. The hub numbers versions and refuses an edit of an outdated
// one; the editor then keeps the person's text and offers to reload.
import { byRole, byTestId, el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { RISK_LEVELS, draftFromForm, formValues, type ArticleFormValues } from './article-form.ts';
import { statusLine, hubFailure } from './status-line.ts';
import { HubError, type HubApi, type KnowledgeArticle } from './hub-api.ts';
import { createMissesView } from './misses-view.ts';

export interface KnowledgeView {
  /** Loads the list (again) from the hub; called when the tab opens. */
  show(): Promise<void>;
  /** Forgets everything shown (sign-out). */
  reset(): void;
}

const key = (a: { id: string; locale: string }): string => `${a.id}\u0000${a.locale}`;

export function createKnowledgeView(
  api: HubApi,
  locale: Locale,
  onSessionExpired: () => void,
): KnowledgeView {
  const rows = byRole<HTMLUListElement>('kb-rows');
  const loadError = byRole('kb-load-error');
  const emptyNote = byRole('kb-empty');
  const form = byRole<HTMLFormElement>('kb-form');
  const heading = byRole('kb-heading');
  const title = byTestId<HTMLInputElement>('kb-title');
  const body = byTestId<HTMLTextAreaElement>('kb-body');
  const tags = byRole<HTMLInputElement>('kb-tags');
  const from = byRole<HTMLInputElement>('kb-from');
  const to = byRole<HTMLInputElement>('kb-to');
  const risk = byRole<HTMLSelectElement>('kb-risk');
  const examples = byRole<HTMLTextAreaElement>('kb-examples');
  const synonyms = byRole<HTMLInputElement>('kb-synonyms');
  const publish = byTestId<HTMLButtonElement>('kb-publish');
  const reload = byRole<HTMLButtonElement>('kb-reload');
  const setStatus = statusLine(byTestId('kb-status'));
  const inputs: Record<keyof ArticleFormValues, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> =
    { title, body, tags, effectiveFrom: from, effectiveTo: to, risk, examples, synonyms };

  risk.replaceChildren(
    el('option', { text: t(locale, 'kb.riskNone') }),
    ...RISK_LEVELS.map((r) => el('option', { text: r })),
  );
  (risk.options[0] as HTMLOptionElement).value = '';

  let articles: KnowledgeArticle[] = [];
  /** The stored version the editor started from: the base of the next publish. */
  let editing: KnowledgeArticle | null = null;
  // An open edit keeps its base: publishing it over a version added from here is refused as stale.
  const misses = createMissesView(api, locale, {
    articles: () => articles,
    onPublished: async () => void (await load()),
    onSessionExpired,
  });

  function renderRows(): void {
    const empty = articles.length === 0;
    rows.replaceChildren(
      ...(empty ? [el('li', { className: 'empty', text: t(locale, 'kb.noArticles') })] : []),
      ...articles.map((a) => {
        const button = el(
          'button',
          { className: 'row', testid: 'kb-row' },
          el(
            'span',
            { className: 'meta' },
            el('span', { className: 'kb-id', text: a.id }),
            el('span', { text: a.locale }),
            el('span', { text: t(locale, 'kb.version', { version: a.version }) }),
            ...(a.productRiskLevel ? [el('span', { text: a.productRiskLevel })] : []),
          ),
          el('span', { className: 'last', text: a.title }),
        );
        button.type = 'button';
        button.dataset.articleId = a.id;
        button.dataset.locale = a.locale;
        button.setAttribute('aria-current', String(editing !== null && key(editing) === key(a)));
        button.addEventListener('click', () => open(a));
        return el('li', {}, button);
      }),
    );
  }

  function open(a: KnowledgeArticle): void {
    editing = a;
    const v = formValues(a);
    for (const [field, input] of Object.entries(inputs) as [keyof ArticleFormValues, HTMLInputElement][]) {
      input.value = v[field];
      input.removeAttribute('aria-invalid');
    }
    heading.textContent = t(locale, 'kb.editing', { id: a.id, locale: a.locale, version: a.version });
    emptyNote.hidden = true;
    form.hidden = false;
    reload.hidden = true;
    setStatus('idle', '');
    renderRows();
  }

  async function load(): Promise<boolean> {
    try {
      articles = await api.articles();
      loadError.hidden = true;
      renderRows();
      return true;
    } catch (err) {
      if (err instanceof HubError && err.status === 401) onSessionExpired();
      else {
        loadError.textContent = t(locale, 'kb.loadFailed', { reason: hubFailure(locale, err) });
        loadError.hidden = false;
      }
      return false;
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!editing || publish.disabled) return;
    const base = editing;
    const values = Object.fromEntries(
      Object.entries(inputs).map(([field, input]) => [field, input.value]),
    ) as unknown as ArticleFormValues;
    for (const input of Object.values(inputs)) input.removeAttribute('aria-invalid');
    const result = draftFromForm(base, values);
    if (!result.ok) {
      const vars = {
        ...Object.fromEntries(Object.entries(result.vars ?? {}).map(([k, v]) => [k, t(locale, v)])),
        ...result.values,
      };
      inputs[result.field].setAttribute('aria-invalid', 'true');
      inputs[result.field].focus();
      setStatus('error', t(locale, 'kb.failed', { reason: t(locale, result.message, vars) }));
      return;
    }
    publish.disabled = true;
    setStatus('busy', t(locale, 'kb.publishing'));
    api
      .publishArticle(base.version, result.draft)
      .then(async (published) => {
        await load();
        open(articles.find((a) => key(a) === key(published)) ?? published);
        setStatus('published', t(locale, 'kb.published', { version: published.version }));
      })
      .catch((err: unknown) => {
        if (err instanceof HubError && err.status === 401) return onSessionExpired();
        if (err instanceof HubError && err.code === 'stale_version') {
          // The person's edits stay in the form; Reload discards them for the newest version.
          const current = (err.details as { currentVersion?: unknown } | undefined)?.currentVersion;
          setStatus('error', t(locale, 'kb.stale', { version: String(current ?? '?') }));
          reload.hidden = false;
          return;
        }
        setStatus('error', t(locale, 'kb.failed', { reason: hubFailure(locale, err) }));
      })
      .finally(() => (publish.disabled = false));
  });

  reload.addEventListener('click', () => {
    const was = editing;
    void load().then((ok) => {
      const fresh = ok && was ? articles.find((a) => key(a) === key(was)) : undefined;
      if (fresh) open(fresh);
    });
  });

  return {
    async show() {
      await load();
      await misses.show();
    },
    reset() {
      misses.reset();
      articles = [];
      editing = null;
      rows.replaceChildren();
      form.hidden = true;
      emptyNote.hidden = false;
      loadError.hidden = true;
      setStatus('idle', '');
    },
  };
}
