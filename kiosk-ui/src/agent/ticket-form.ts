// Opening a customer ticket on the desk: title, description, priority, and the conversation it is about
// (a plain agent's must be one of their calls; the hub checks) or, for a supervisor, a kiosk.
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { DeskApi, TicketView } from './desk-api.ts';
import { HubError } from './hub-api.ts';

export function createTicketForm(
  desk: DeskApi,
  locale: Locale,
  hooks: { opened(v: TicketView): void; expired(): void },
) {
  const input = (testid: string, max: number) => {
    const i = el('input', { testid });
    i.maxLength = max;
    return i;
  };
  const title = input('desk-new-title', 200);
  title.required = true;
  const description = el('textarea', { testid: 'desk-new-description' });
  description.maxLength = 8000;
  const priority = el('select', { testid: 'desk-new-priority' });
  for (const p of ['low', 'normal', 'high', 'urgent'] as const)
    priority.append(new Option(t(locale, `desk.priority.${p}`), p, false, p === 'normal'));
  const conversation = input('desk-new-conversation', 64);
  const kiosk = input('desk-new-kiosk', 64);
  const kioskLabel = el('label', {}, el('span', { text: t(locale, 'desk.form.kiosk') }), kiosk);
  const error = el('p', { className: 'error', testid: 'desk-new-error' });
  const submit = el('button', {
    className: 'primary',
    text: t(locale, 'desk.form.submit'),
    testid: 'desk-new-submit',
  });
  submit.type = 'submit';
  const cancel = el('button', { text: t(locale, 'desk.form.cancel') });
  cancel.type = 'button';
  const labelled = (key: Parameters<typeof t>[1], control: HTMLElement) =>
    el('label', {}, el('span', { text: t(locale, key) }), control);
  const root = el(
    'form',
    { className: 'ticket-form', testid: 'desk-new-form' },
    labelled('desk.form.title', title),
    labelled('desk.form.description', description),
    labelled('desk.form.priority', priority),
    labelled('desk.form.conversation', conversation),
    kioskLabel,
    el('p', {}, submit, cancel),
    error,
  );
  root.hidden = true;

  const close = () => {
    root.hidden = true;
    root.reset();
    error.textContent = '';
  };
  cancel.addEventListener('click', close);
  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    const conv = conversation.value.trim();
    const k = kiosk.value.trim();
    desk
      .open({
        title: title.value.trim(),
        description: description.value.trim(),
        priority: priority.value as TicketView['priority'],
        ...(conv ? { conversationId: conv } : {}),
        ...(k && !conv ? { kioskId: k } : {}),
      })
      .then(
        (v) => {
          close();
          hooks.opened(v);
        },
        (err: unknown) => {
          if (err instanceof HubError && err.status === 401) return hooks.expired();
          error.textContent = t(locale, 'desk.failed', { reason: (err as Error).message });
        },
      )
      .finally(() => (submit.disabled = false));
  });

  return {
    root,
    close,
    /** Shows the form; only a supervisor may open a ticket on a kiosk without a conversation. */
    open(supervisor: boolean): void {
      kioskLabel.hidden = !supervisor;
      root.hidden = false;
      title.focus();
    },
  };
}
