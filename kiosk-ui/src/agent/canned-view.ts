// The supervisor's list of canned replies (in the Supervisor tab): each with a title for the agents'
// picker and its text in English and Chinese; add, edit and remove (the hub audits each and masks card
// numbers). Editing fills the form with the reply; saving replaces it. Agents pick them in a call
// (call-tools.ts).
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
  const cancel = el('button', {
    className: 'secondary',
    testid: 'canned-cancel',
    text: t(locale, 'agent.canned.cancel'),
  });
  cancel.type = 'button';
  cancel.hidden = true;
  const form = el('form', { className: 'canned-form' }, title, en, zh, add, cancel);
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

  /** The reply being edited; null: the form adds a new one. */
  let editing: CannedReply | null = null;
  const setEditing = (r: CannedReply | null): void => {
    editing = r;
    add.textContent = t(locale, r ? 'agent.canned.save' : 'agent.canned.add');
    cancel.hidden = r === null;
    status.textContent = r ? t(locale, 'agent.canned.editing', { title: r.title }) : '';
    if (!r) return form.reset();
    title.value = r.title;
    en.value = r.en;
    zh.value = r['zh-CN'];
    title.focus();
  };
  cancel.addEventListener('click', () => setEditing(null));

  const row = (r: CannedReply): HTMLElement => {
    const edit = el('button', {
      className: 'secondary',
      testid: 'canned-edit',
      text: t(locale, 'agent.canned.edit'),
    });
    edit.type = 'button';
    edit.addEventListener('click', () => setEditing(r));
    const remove = el('button', {
      className: 'secondary',
      testid: 'canned-remove',
      text: t(locale, 'agent.canned.remove'),
    });
    remove.type = 'button';
    remove.addEventListener('click', () => {
      remove.disabled = true;
      api.removeCanned(r.id).then(
        () => {
          if (editing?.id === r.id) setEditing(null);
          return show();
        },
        (err: unknown) => {
          remove.disabled = false;
          failed(err);
        },
      );
    });
    return el(
      'li',
      { className: 'row', testid: 'canned-row' },
      el('strong', { text: r.title }),
      el('span', { text: ` · ${r.en} · ${r['zh-CN']} ` }),
      edit,
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
    const reply = { title: title.value.trim(), en: en.value.trim(), 'zh-CN': zh.value.trim() };
    (editing ? api.editCanned(editing.id, reply) : api.addCanned(reply))
      .then(() => {
        setEditing(null);
        return show();
      }, failed)
      .finally(() => (add.disabled = false));
  });

  return { root, show };
}
