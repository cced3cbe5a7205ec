// Quality scoring: the score sheet of a recorded call (greeting, identity check, suitability disclosure
// when a product was discussed, resolution; each not done, partly or fully) with notes, saved at the hub
// (which audits it), and the report per agent over the last 30 days. The recordings are played in the
// Audit tab.
import { el } from '../dom.ts';
import type { Locale } from '../i18n/index.ts';
import { HubError, type HubApi, type RecordingInfo } from './hub-api.ts';
import { QUALITY_STRINGS, say } from './supervisor-strings.ts';
import type { QualityReportResponse, SupervisorApi } from './supervisor-api.ts';

type Key = keyof (typeof QUALITY_STRINGS)['en'];
const CRITERIA = [
  ['greeting', 'supervisor.quality.greeting'],
  ['identityCheck', 'supervisor.quality.identityCheck'],
  ['suitability', 'supervisor.quality.suitability'],
  ['resolution', 'supervisor.quality.resolution'],
] as const;

export function createQualityView(hub: HubApi, api: SupervisorApi, locale: Locale, onExpired: () => void) {
  const s = (key: Key, vars: Record<string, string | number> = {}) => say(QUALITY_STRINGS, locale, key, vars);
  const recording = el('select', { testid: 'quality-recording' });
  const marks = new Map<string, HTMLSelectElement>();
  const fields = CRITERIA.map(([name, label]) => {
    const select = el('select', { testid: `quality-${name}` });
    const options: [string, Key][] = [
      ['2', 'supervisor.quality.mark.2'],
      ['1', 'supervisor.quality.mark.1'],
      ['0', 'supervisor.quality.mark.0'],
      ...(name === 'suitability' ? ([['na', 'supervisor.quality.mark.na']] as [string, Key][]) : []),
    ];
    for (const [value, key] of options) {
      const option = el('option', { text: s(key) });
      option.value = value;
      select.append(option);
    }
    marks.set(name, select);
    return el('label', { text: s(label) }, select);
  });
  const notes = el('textarea', { testid: 'quality-notes' });
  const save = el('button', { testid: 'quality-save', text: s('supervisor.quality.save') });
  save.type = 'submit';
  const status = el('p', { className: 'empty', testid: 'quality-status' });
  const form = el(
    'form',
    { className: 'quality-form' },
    el('label', { text: s('supervisor.quality.recording') }, recording),
    ...fields,
    el('label', { text: s('supervisor.quality.notes') }, notes),
    save,
  );
  const report = el('table', { className: 'wallboard-table', testid: 'quality-report' });
  const root = el(
    'section',
    { className: 'box quality', testid: 'quality' },
    el('h2', { text: s('supervisor.quality.heading') }),
    form,
    status,
    el('h3', { text: s('supervisor.quality.report') }),
    report,
  );

  const failed = (err: unknown): void => {
    if (err instanceof HubError && err.status === 401) return onExpired();
    status.textContent = s('supervisor.quality.error', { error: (err as Error).message });
  };

  const renderReport = (r: QualityReportResponse): void => {
    const head: Key[] = [
      'supervisor.quality.agent',
      'supervisor.quality.scored',
      'supervisor.quality.average',
      ...CRITERIA.map(([, label]) => label),
    ];
    const mark = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    report.replaceChildren(
      el('tr', {}, ...head.map((k) => el('th', { text: s(k) }))),
      ...r.agents.map((a) => {
        const cells = [a.agent, String(a.scored), `${a.avgPercent.toFixed(1)} %`];
        cells.push(mark(a.greeting), mark(a.identityCheck), mark(a.suitability), mark(a.resolution));
        const row = el('tr', { testid: 'quality-report-row' }, ...cells.map((t) => el('td', { text: t })));
        row.dataset.agent = a.agent;
        return row;
      }),
    );
  };

  const fillRecordings = (list: RecordingInfo[]): void => {
    const keep = recording.value;
    recording.replaceChildren(
      ...list.map((r) => {
        const when = new Date(r.startedAt).toLocaleString(locale);
        const option = el('option', {
          text: s('supervisor.quality.recordingOption', { when, agent: r.agent, kiosk: r.kioskId }),
        });
        option.value = r.id;
        return option;
      }),
    );
    if (list.some((r) => r.id === keep)) recording.value = keep;
    save.disabled = list.length === 0;
    if (list.length === 0) status.textContent = s('supervisor.quality.noRecordings');
  };

  // A hub that records no calls has no recordings API (404): nothing to score, but earlier scores still
  // show in the report.
  const recordingsOrNull = (): Promise<RecordingInfo[] | null> =>
    hub.recordings().catch((err: unknown) => {
      if (err instanceof HubError && err.status === 404) return null;
      throw err;
    });

  const show = async (): Promise<void> => {
    try {
      const [list, r] = await Promise.all([recordingsOrNull(), api.qualityReport(30)]);
      fillRecordings(list ?? []);
      if (list === null) status.textContent = s('supervisor.quality.notRecording');
      renderReport(r);
    } catch (err) {
      failed(err);
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const mark = (name: string): number => Number(marks.get(name)?.value ?? 0);
    const suitability = marks.get('suitability')?.value;
    save.disabled = true;
    api
      .addScore({
        recordingId: recording.value,
        greeting: mark('greeting'),
        identityCheck: mark('identityCheck'),
        suitability: suitability === 'na' ? null : Number(suitability),
        resolution: mark('resolution'),
        notes: notes.value,
      })
      .then(async (score) => {
        status.textContent = s('supervisor.quality.saved', { agent: score.agent, percent: score.percent });
        notes.value = '';
        renderReport(await api.qualityReport(30));
      }, failed)
      .finally(() => (save.disabled = false));
  });

  return { root, show };
}
