// "My password": anyone signed in changes their own password with the current one; the hub ends their
// other sessions.
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { DeskApi } from './desk-api.ts';
import { HubError } from './hub-api.ts';

export function createOwnPasswordForm(desk: DeskApi, locale: Locale, expired: () => void) {
  const field = (testid: string, autocomplete: string) => {
    const i = el('input', { testid });
    i.type = 'password';
    i.autocomplete = autocomplete as AutoFill;
    i.required = true;
    i.maxLength = 256;
    return i;
  };
  const current = field('own-current', 'current-password');
  const next = field('own-new', 'new-password');
  next.minLength = 10;
  const result = el('p', { testid: 'own-result', className: 'result' });
  const submit = el('button', {
    className: 'primary',
    text: t(locale, 'account.own.submit'),
    testid: 'own-submit',
  });
  submit.type = 'submit';
  const root = el(
    'form',
    { className: 'box own-password', testid: 'own-password' },
    el('h2', { text: t(locale, 'account.own.heading') }),
    el('label', {}, el('span', { text: t(locale, 'account.own.current') }), current),
    el('label', {}, el('span', { text: t(locale, 'account.own.new') }), next),
    submit,
    result,
  );
  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    result.textContent = '';
    desk.changeOwnPassword(current.value, next.value).then(
      () => {
        root.reset();
        result.textContent = t(locale, 'account.own.done');
      },
      (err: unknown) => {
        if (err instanceof HubError && err.status === 401) return expired();
        result.textContent = t(locale, 'account.failed', { reason: (err as Error).message });
      },
    );
  });
  return { root, reset: () => ((result.textContent = ''), root.reset()) };
}
