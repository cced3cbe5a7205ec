// The supervisor's live wallboard: waiting now per queue, longest wait, service level within the chosen
// threshold, abandonment, agents by state, average handling time, satisfaction from the customers'
// ratings, the share of visits with sustained negative cues, and the chart over the last hour, day or
// week. Refreshed from the hub every WALLBOARD_REFRESH_MS while the tab is shown.
import { el } from '../dom.ts';
import type { Locale } from '../i18n/index.ts';
import { HubError } from './hub-api.ts';
import { say, WALLBOARD_STRINGS } from './supervisor-strings.ts';
import type { SupervisorApi, WallboardResponse, WallboardWindow } from './supervisor-api.ts';
import { WallboardChart } from './wallboard-chart.ts';
import { percent, seconds } from './wallboard-format.ts';

export const WALLBOARD_REFRESH_MS = 5000;
const WINDOWS: readonly WallboardWindow[] = ['hour', 'day', 'week'];

export function createWallboardView(api: SupervisorApi, locale: Locale, onExpired: () => void) {
  const s = (key: keyof (typeof WALLBOARD_STRINGS)['en'], vars: Record<string, string | number> = {}) =>
    say(WALLBOARD_STRINGS, locale, key, vars);
  const windowSelect = el('select', { testid: 'wallboard-window' });
  for (const w of WINDOWS) {
    const option = el('option', { text: s(`supervisor.wallboard.window.${w}`) });
    option.value = w;
    windowSelect.append(option);
  }
  const threshold = el('input', { testid: 'wallboard-threshold' });
  threshold.type = 'number';
  threshold.min = '1';
  threshold.max = '3600';
  const updated = el('p', { className: 'empty', testid: 'wallboard-updated' });
  const tiles = el('div', { className: 'wallboard-tiles' });
  const queues = el('table', { className: 'wallboard-table', testid: 'wallboard-queues' });
  const agents = el('ul', { className: 'wallboard-agents', testid: 'wallboard-agents' });
  const chartTitle = el('h3', {});
  const chartBox = el('div', { className: 'wallboard-chart', testid: 'wallboard-chart' });
  const chart = new WallboardChart(chartBox, {
    offered: s('supervisor.wallboard.offered'),
    answered: s('supervisor.wallboard.answered'),
    answeredInTarget: s('supervisor.wallboard.inTarget'),
    abandoned: s('supervisor.wallboard.abandonedCount'),
  });
  const root = el(
    'section',
    { className: 'box wallboard', testid: 'wallboard' },
    el('h2', { text: s('supervisor.wallboard.heading') }),
    el(
      'div',
      { className: 'wallboard-controls' },
      el('label', { text: s('supervisor.wallboard.window') }, windowSelect),
      el('label', { text: s('supervisor.wallboard.threshold') }, threshold),
    ),
    updated,
    tiles,
    queues,
    agents,
    chartTitle,
    chartBox,
  );
  let timer: ReturnType<typeof setInterval> | null = null;
  let chosenThreshold: number | null = null;

  const tile = (id: string, label: string, value: string, raw: number | null): HTMLElement => {
    const box = el(
      'div',
      { className: 'wallboard-tile', testid: `wallboard-${id}` },
      el('span', { className: 'label', text: label }),
      el('strong', { className: 'value', text: value }),
    );
    box.dataset.value = raw === null ? '' : String(raw);
    return box;
  };

  const queueName = (queue: string): string =>
    queue === 'agent' || queue === 'expert' || queue === 'risk'
      ? s(`supervisor.wallboard.queue.${queue}`)
      : queue;

  const render = (w: WallboardResponse): void => {
    const none = s('supervisor.wallboard.none');
    const waiting = w.waiting.reduce((n, q) => n + q.waiting, 0);
    const longest = Math.max(0, ...w.waiting.map((q) => q.longestWaitS));
    const byState = (st: string) => w.agents.filter((a) => a.status === st).length;
    const v = w.visits;
    if (document.activeElement !== threshold) threshold.value = String(w.serviceLevelS);
    updated.textContent = s('supervisor.wallboard.updated', { at: new Date(w.at).toLocaleString(locale) });
    tiles.replaceChildren(
      tile('waiting', s('supervisor.wallboard.waiting'), String(waiting), waiting),
      tile('longest', s('supervisor.wallboard.longestWait'), seconds(longest), longest),
      tile(
        'service-level',
        s('supervisor.wallboard.serviceLevel', { s: w.serviceLevelS }),
        percent(w.totals.serviceLevel, none),
        w.totals.serviceLevel,
      ),
      tile(
        'abandoned',
        s('supervisor.wallboard.abandoned'),
        percent(w.totals.abandonRate, none),
        w.totals.abandonRate,
      ),
      tile(
        'handle-time',
        s('supervisor.wallboard.handleTime'),
        w.totals.avgHandleS === null ? none : seconds(w.totals.avgHandleS),
        w.totals.avgHandleS,
      ),
      tile(
        'satisfaction',
        s('supervisor.wallboard.satisfaction'),
        v.avgRating === null
          ? none
          : s('supervisor.wallboard.satisfactionValue', { avg: v.avgRating.toFixed(2), n: v.rated }),
        v.avgRating,
      ),
      tile('negative', s('supervisor.wallboard.negative'), percent(v.negativeShare, none), v.negativeShare),
      tile(
        'agents',
        s('supervisor.wallboard.agents'),
        s('supervisor.wallboard.agentsValue', {
          online: byState('online'),
          busy: byState('busy'),
          away: byState('away'),
        }),
        w.agents.length,
      ),
    );
    const head = [
      'supervisor.wallboard.queue',
      'supervisor.wallboard.waiting',
      'supervisor.wallboard.longestWait',
      'supervisor.wallboard.offered',
      'supervisor.wallboard.answered',
      'supervisor.wallboard.abandonedCount',
      'supervisor.wallboard.transferred',
      'supervisor.wallboard.deskHandle',
    ] as const;
    queues.replaceChildren(
      el('tr', {}, ...head.map((k) => el('th', { text: s(k) }))),
      ...w.waiting.map((q) => {
        const f = w.perQueue.find((p) => p.queue === q.queue);
        const handle = f?.avgHandleS ?? null;
        const row = el(
          'tr',
          { testid: 'wallboard-queue-row' },
          ...[queueName(q.queue), String(q.waiting), seconds(q.longestWaitS), String(f?.offered ?? 0)].map(
            (t) => el('td', { text: t }),
          ),
          el('td', { text: String(f?.answered ?? 0) }),
          el('td', { text: String(f?.abandoned ?? 0) }),
          // Each desk's own legs: a transferred call counts its time at every desk it was at.
          el('td', { text: String(f?.transferred ?? 0) }),
          el('td', { text: handle === null ? none : seconds(handle) }),
        );
        row.dataset.queue = q.queue;
        return row;
      }),
    );
    agents.replaceChildren(
      ...w.agents.map((a) => {
        const item = el('li', { testid: 'wallboard-agent', text: `${a.username} (${a.role}): ` });
        item.append(el('strong', { text: s(`supervisor.wallboard.status.${a.status}`) }));
        item.dataset.status = a.status;
        return item;
      }),
    );
    chartTitle.textContent = s('supervisor.wallboard.chart', { bucket: w.series.bucketMs / 60_000 });
    chart.show(w.series);
    chartBox.dataset.drawn = JSON.stringify(chart.drawn());
    root.dataset.window = w.window;
  };

  const refresh = async (): Promise<void> => {
    try {
      render(await api.wallboard(windowSelect.value as WallboardWindow, chosenThreshold));
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return onExpired();
      updated.textContent = s('supervisor.wallboard.loadError', { error: (err as Error).message });
    }
  };

  windowSelect.addEventListener('change', () => void refresh());
  threshold.addEventListener('change', () => {
    const n = Number(threshold.value);
    chosenThreshold = Number.isInteger(n) && n >= 1 && n <= 3600 ? n : null;
    void refresh();
  });

  return {
    root,
    refresh,
    start(): void {
      if (timer) return;
      void refresh();
      timer = setInterval(() => void refresh(), WALLBOARD_REFRESH_MS);
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
