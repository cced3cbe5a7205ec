// The console's Audit tab (supervisors): the hub's audit log as a table, newest first, loaded when the
// tab opens. Text only (textContent), since the entries come from the network.
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { HubError, type AuditEntry, type HubApi } from './hub-api.ts';

export function createAuditView(api: HubApi, locale: Locale, onExpired: () => void) {
  const root = el('main', { className: 'console audit', testid: 'audit-view' });
  root.hidden = true;
  const status = el('p', { className: 'empty' });
  const body = el('tbody');
  const head = el(
    'tr',
    {},
    ...(
      ['audit.when', 'audit.who', 'audit.what', 'audit.subject', 'audit.kiosk', 'audit.detail'] as const
    ).map((k) => el('th', { text: t(locale, k) })),
  );
  root.append(
    el(
      'section',
      { className: 'box' },
      el('h2', { text: t(locale, 'audit.heading') }),
      status,
      el('table', { className: 'audit-table' }, el('thead', {}, head), body),
    ),
  );

  const row = (e: AuditEntry): HTMLElement => {
    const when = new Date(e.at);
    const tr = el(
      'tr',
      { testid: 'audit-row' },
      el('td', { text: Number.isNaN(when.getTime()) ? e.at : when.toLocaleString(locale) }),
      el('td', { text: e.actor }),
      el('td', { text: e.action }),
      el('td', { text: e.subject }),
      el('td', { text: e.kioskId ?? '' }),
      el('td', { text: e.detail }),
    );
    tr.dataset.action = e.action;
    return tr;
  };

  return {
    root,
    async show(): Promise<void> {
      try {
        const entries = await api.audit();
        body.replaceChildren(...entries.map(row));
        status.textContent = entries.length === 0 ? t(locale, 'audit.empty') : '';
      } catch (err) {
        if (err instanceof HubError && err.status === 401) return onExpired();
        status.textContent = t(locale, 'audit.loadError', { error: (err as Error).message });
      }
    },
    reset(): void {
      body.replaceChildren();
      status.textContent = '';
      root.hidden = true;
    },
  };
}
