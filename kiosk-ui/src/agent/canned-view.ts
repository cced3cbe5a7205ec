// The supervisor's list of canned replies (in the Supervisor tab): each with a title for the agents'
// picker and its text in English and Chinese; add and remove (the hub audits both and masks card
// numbers). Agents pick them in a call (call-tools.ts).
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { HubError } from './hub-api.ts';
import type { CallDeskApi, CannedReply } from './call-desk-api.ts';

export function createCannedView(api: CallDeskApi, locale: Locale, onExpired: () => void) {
  const rows = el('ul', { className: 'rows', testid: 'canned-rows' });
  const status = el('p', { className: 'empty', testid: 'canned-status' });
  const input = (
    testid: string,
    key: 'agent.canned.title' | 'agent.canned.en' | 'agent.canned.zh',
    max: number,
  ) => {
    const field = el(testid === 'canned-title' ? 'input' : 'textarea', { testid });
    field.maxLength = max;
    field.placeholder = t(locale, key);
    field.required = true;
    return field;
  };
  const title = input('canned-title', 'agent.canned.title', 80);
  const en = input('canned-en', 'agent.canned.en', 500);
  const zh = input('canned-zh', 'agent.canned.zh', 500);
  const add = el('button', {
    className: 'secondary',
    testid: 'canned-add',
    text: t(locale, 'agent.canned.add'),
  });
  add.type = 'submit';
  const form = el('form', { className: 'canned-form' }, title, en, zh, add);
  const root = el(
    'section',
    { className: 'box canned', testid: 'canned' },
    el('h2', { text: t(locale, 'agent.canned.heading') }),
    rows,
    form,
    status,
  );

  const failed = (err: unknown): void => {
    if (err instanceof HubError && err.status === 401) return onExpired();
    status.textContent = t(locale, 'agent.canned.failed', { reason: (err as Error).message });
  };

  const row = (r: CannedReply): HTMLElement => {
    const remove = el('button', {
      className: 'secondary',
      testid: 'canned-remove',
      text: t(locale, 'agent.canned.remove'),
    });
    remove.type = 'button';
    remove.addEventListener('click', () => {
      remove.disabled = true;
      api.removeCanned(r.id).then(show, (err: unknown) => {
        remove.disabled = false;
        failed(err);
      });
    });
    return el(
      'li',
      { className: 'row', testid: 'canned-row' },
      el('strong', { text: r.title }),
      el('span', { text: ` · ${r.en} · ${r['zh-CN']} ` }),
      remove,
    );
  };

  async function show(): Promise<void> {
    try {
      const replies = await api.cannedReplies();
      rows.replaceChildren(
        ...(replies.length
          ? replies.map(row)
          : [el('li', { className: 'empty', text: t(locale, 'agent.canned.empty') })]),
      );
    } catch (err) {
      failed(err);
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    add.disabled = true;
    api
      .addCanned({ title: title.value.trim(), en: en.value.trim(), 'zh-CN': zh.value.trim() })
      .then(() => {
        form.reset();
        status.textContent = '';
        return show();
      }, failed)
      .finally(() => (add.disabled = false));
  });

  return { root, show };
}
