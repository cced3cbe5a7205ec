// A device-fault ticket's context on the desk: the failed runbook's steps as the kiosk sent them, the
// kiosk's health at the time, and the device's events in the hour before. Text only (textContent).
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { TicketDetailResponse } from './desk-api.ts';

export function faultSection(d: TicketDetailResponse, locale: Locale): Node[] {
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const stepStatus = (s: string) =>
    s === 'succeeded' || s === 'failed' || s === 'aborted' ? t(locale, `desk.step.${s}`) : s;
  const f = d.deviceFault;
  if (!f) return [];
  const rb = f.runbook;
  const section = el(
    'section',
    { className: 'fault', testid: 'desk-fault' },
    el('h3', { text: t(locale, 'desk.fault.heading') }),
  );
  if (!rb) section.append(el('p', { text: t(locale, 'desk.fault.noRunbook') }));
  else {
    const vars = { id: rb.runbookId, run: rb.runId, step: rb.failedStep ?? '?', message: rb.message };
    section.append(el('p', { text: t(locale, 'desk.fault.runbook', vars) }));
    section.append(
      rb.steps.length === 0
        ? el('p', { text: t(locale, 'desk.fault.noSteps') })
        : el(
            'ol',
            { className: 'steps' },
            ...rb.steps.map((s) => {
              const text = `${s.label}: ${t(locale, 'desk.fault.step', { status: stepStatus(s.status), attempts: s.attempts ?? '?' })}`;
              const li = el('li', {
                text: s.message ? `${text} (${s.message})` : text,
                testid: 'desk-fault-step',
              });
              li.dataset.status = s.status;
              return li;
            }),
          ),
    );
  }
  const h = f.health;
  section.append(
    h
      ? el(
          'div',
          { testid: 'desk-fault-health' },
          el('h4', { text: t(locale, 'desk.fault.health', { time: when(h.at) }) }),
          ...(h.safetyState
            ? [el('p', { text: t(locale, 'desk.fault.safety', { state: h.safetyState }) })]
            : []),
          el(
            'ul',
            {},
            ...Object.entries(h.devices).map(([name, dev]) =>
              el('li', { text: `${name}: ${dev.status}${dev.detail ? ` (${dev.detail})` : ''}` }),
            ),
          ),
        )
      : el('p', { text: t(locale, 'desk.fault.noHealth') }),
    el('h4', { text: t(locale, 'desk.fault.events') }),
    f.events.length === 0
      ? el('p', { text: t(locale, 'desk.fault.noEvents') })
      : el(
          'ul',
          {},
          ...f.events.map((e) => el('li', { text: `${when(e.at)} ${e.severity} ${e.type}: ${e.message}` })),
        ),
  );
  return [section];
}
