// CSV export of calls, tickets and quality scores for a date range (whole days, both included): the hub
// makes the file (quoted, formula-safe, BOM for Excel, card numbers masked) and audits the export; the
// console saves it with the session's bearer token (a plain link could not send it).
import { el } from '../dom.ts';
import type { Locale } from '../i18n/index.ts';
import { HubError } from './hub-api.ts';
import { EXPORT_STRINGS, say } from './supervisor-strings.ts';
import type { ExportKind, SupervisorApi } from './supervisor-api.ts';

const KINDS: readonly ExportKind[] = ['calls', 'tickets', 'scores'];
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function createExportView(api: SupervisorApi, locale: Locale, onExpired: () => void) {
  const s = (key: keyof (typeof EXPORT_STRINGS)['en'], vars: Record<string, string | number> = {}) =>
    say(EXPORT_STRINGS, locale, key, vars);
  const from = el('input', { testid: 'export-from' });
  const to = el('input', { testid: 'export-to' });
  from.type = 'date';
  to.type = 'date';
  const status = el('p', { className: 'empty', testid: 'export-status' });
  const buttons = KINDS.map((kind) => {
    const b = el('button', { testid: `export-${kind}`, text: s(`supervisor.export.${kind}`) });
    b.type = 'button';
    b.addEventListener('click', () => void download(kind));
    return b;
  });
  const root = el(
    'section',
    { className: 'box export', testid: 'export' },
    el('h2', { text: s('supervisor.export.heading') }),
    el(
      'div',
      { className: 'wallboard-controls' },
      el('label', { text: s('supervisor.export.from') }, from),
      el('label', { text: s('supervisor.export.to') }, to),
      ...buttons,
    ),
    status,
  );

  async function download(kind: ExportKind): Promise<void> {
    try {
      const blob = await api.exportCsv(kind, from.value, to.value);
      const file = `${kind}-${from.value}-${to.value}.csv`;
      const url = URL.createObjectURL(blob);
      const link = el('a', {});
      link.href = url;
      link.download = file;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.textContent = s('supervisor.export.done', { file });
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return onExpired();
      status.textContent = s('supervisor.export.error', { error: (err as Error).message });
    }
  }

  return {
    root,
    /** The last 7 days unless the supervisor chose a range. */
    show(now = Date.now()): void {
      if (!to.value) to.value = day(now);
      if (!from.value) from.value = day(now - 6 * 86_400_000);
    },
  };
}
