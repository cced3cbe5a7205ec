// The technician console page (/tech on the agent's technician listener): sign-in, live status,
// inventory, telemetry charts, self-test, runbooks with progress and abort, hold-to-run jog, event
// history and the diagnostic bundle.
import type { LiveStatus, Runbook, TechServerMessage } from '@branch/device-agent';
import { byTestId, el } from '../dom.ts';
import { JogPad } from './jog-pad.ts';
import { TechApi, TechApiError } from './tech-api.ts';
import { TechSocket } from './tech-socket.ts';
import { applyTechLabels, runStatusText, techT, type TechKey } from './tech-strings.ts';
import { TelemetryChart } from './telemetry-chart.ts';
import { consoleLocale, createLangSwitch } from '../i18n/lang-switch.ts';

// The language switch re-labels the page at once; live values follow with the next status message.
document.documentElement.lang = consoleLocale();
applyTechLabels();
document.querySelector('.tech-head h1')?.after(
  createLangSwitch(consoleLocale(), (locale) => {
    document.documentElement.lang = locale;
    applyTechLabels();
  }),
);

const signin = byTestId<HTMLFormElement>('tech-signin');
const pin = byTestId<HTMLInputElement>('tech-pin');
const user = byTestId<HTMLInputElement>('tech-user');
const signinError = byTestId('tech-signin-error');
const consoleMain = byTestId('tech-console');
const signOutBtn = byTestId<HTMLButtonElement>('tech-signout');

let api: TechApi | null = null;
let socket: TechSocket | null = null;
let runId: string | null = null;

signin.addEventListener('submit', (e) => {
  e.preventDefault();
  void (async () => {
    signinError.textContent = '';
    try {
      api = await TechApi.signIn(pin.value, undefined, user.value.trim().toLowerCase());
      pin.value = '';
      start(api);
    } catch (err) {
      const body = err instanceof TechApiError ? err.body : {};
      signinError.textContent =
        err instanceof TechApiError && err.status === 429
          ? techT('locked', { min: Math.ceil(Number(body.retryAfterMs ?? 300_000) / 60_000) })
          : err instanceof TechApiError && err.status === 401
            ? techT('wrongPin', { left: String(body.attemptsLeft ?? '?') })
            : (err as Error).message;
    }
  })();
});

signOutBtn.addEventListener('click', () => {
  void api?.signOut().catch(() => undefined);
  socket?.close();
  location.reload();
});

function start(a: TechApi): void {
  signin.hidden = true;
  consoleMain.hidden = false;
  signOutBtn.hidden = false;
  socket = new TechSocket(a.bearer);
  const positions = new TelemetryChart(byTestId<HTMLCanvasElement>('tech-chart-positions'));
  const temperatures = new TelemetryChart(byTestId<HTMLCanvasElement>('tech-chart-temperatures'));
  const tool = byTestId('tech-tool');
  const jogState = byTestId('tech-jog-state');
  new JogPad(byTestId('tech-jog-pad'), socket, (text) => (jogState.textContent = text));
  socket.on((m) => onMessage(m, { positions, temperatures, tool }));
  wireButtons(a);
  void refreshInventory(a);
  void refreshRunbooks(a);
  void refreshHistory(a);
  void a.status().then(renderStatus);
}

function onMessage(
  m: TechServerMessage,
  ui: { positions: TelemetryChart; temperatures: TelemetryChart; tool: HTMLElement },
): void {
  switch (m.type) {
    case 'status':
      renderStatus(m.status);
      break;
    case 'telemetry':
      ui.positions.push(m.positions);
      ui.temperatures.push(m.temperatures);
      ui.tool.textContent = `tool x ${m.tool.x.toFixed(0)}  y ${m.tool.y.toFixed(0)}  z ${m.tool.z.toFixed(0)} mm`;
      ui.tool.dataset.samples = String(ui.positions.samples());
      break;
    case 'runbook.progress':
      renderProgress(m);
      break;
    case 'safety':
      renderSafety(m.to, m.cause);
      if (api) void refreshHistory(api);
      break;
    case 'bundle':
      renderBundle(m);
      break;
    default:
      break;
  }
}

function renderSafety(state: string, cause: string): void {
  const badge = byTestId('tech-safety');
  badge.textContent = state;
  badge.dataset.state = state;
  badge.title = cause;
}

function renderStatus(s: LiveStatus): void {
  renderSafety(s.safety.state, s.safety.cause);
  const { inputs } = s.safety;
  const rows: [string, TechKey, string][] = [
    ['safety', 'row.safety', `${s.safety.state} (${s.safety.cause})`],
    ['estop', 'row.estop', techT(inputs.estopPressed ? 'val.pressed' : 'val.released')],
    ['zone', 'row.zone', techT(inputs.presence ? 'val.occupied' : 'val.clear')],
    ['door', 'row.door', techT(inputs.doorOpen ? 'val.open' : 'val.closed')],
    [
      'arm',
      'row.arm',
      techT('val.arm', {
        state: s.arm.state,
        link: s.arm.link,
        homed: techT(s.arm.homed ? 'val.homed' : 'val.notHomed'),
      }),
    ],
    ['faults', 'row.faults', s.arm.faults.join(', ') || techT('val.none')],
    [
      'cardreader',
      'row.cardReader',
      techT('val.reader', {
        kind: s.cardReader.kind,
        attached: techT(s.cardReader.attached ? 'val.attached' : 'val.detached'),
      }),
    ],
    ['sync', 'row.sync', techT('val.sync', { state: s.sync.state, pending: s.sync.pending })],
  ];
  byTestId('tech-status').replaceChildren(
    ...rows.flatMap(([id, k, v]) => [
      el('dt', { text: techT(k) }),
      el('dd', { text: v, testid: `tech-status-${id}` }),
    ]),
  );
}

function renderProgress(p: {
  runId: string;
  status: string;
  step: number;
  total: number;
  label: string;
  message?: string;
}): void {
  const bar = byTestId<HTMLProgressElement>('tech-run-progress');
  const label = byTestId('tech-run-label');
  const abort = byTestId<HTMLButtonElement>('tech-run-abort');
  runId = p.status === 'running' ? p.runId : null;
  abort.disabled = p.status !== 'running';
  bar.max = p.total;
  bar.value = p.status === 'succeeded' ? p.total : Math.max(0, p.step - (p.status === 'running' ? 1 : 0));
  bar.dataset.status = p.status;
  label.dataset.status = p.status;
  label.textContent =
    p.status === 'running'
      ? techT('step', { i: p.step, n: p.total, label: p.label })
      : `${runStatusText(p.status)}${p.message ? `: ${p.message}` : ''}`;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-role="run"]'))
    b.disabled = p.status === 'running';
  if (p.status !== 'running' && api) void refreshHistory(api);
}

/** How far the shown bundle has got: its id and a rank (stages done; total + 1 once ready or failed). */
let shownBundle: { id: string; rank: number } | null = null;

function renderBundle(b: {
  id: string;
  state: string;
  done: number;
  total: number;
  stage: string;
  bytes?: number;
  error?: string;
}): void {
  // The POST's answer ("building") and the socket's progress race: a fast build's "ready" can arrive
  // first, so an update never moves the shown bundle backwards, and it downloads once.
  const rank = b.state === 'building' ? b.done : b.total + 1;
  if (shownBundle?.id === b.id && rank <= shownBundle.rank) return;
  shownBundle = { id: b.id, rank };
  const bar = byTestId<HTMLProgressElement>('tech-bundle-progress');
  const text = byTestId('tech-bundle-state');
  bar.max = b.total;
  bar.value = b.done;
  text.dataset.state = b.state;
  text.textContent =
    b.state === 'ready'
      ? techT('bundleReady', { kb: ((b.bytes ?? 0) / 1024).toFixed(1) })
      : b.state === 'failed'
        ? `failed: ${b.error ?? ''}`
        : `${b.stage} (${b.done}/${b.total})`;
  if (b.state === 'ready' && api) void download(api, b.id);
}

async function download(a: TechApi, id: string): Promise<void> {
  const blob = await a.bundleBlob(id);
  const link = byTestId<HTMLAnchorElement>('tech-bundle-link');
  link.href = URL.createObjectURL(blob);
  link.download = `diagnostic-${id}.json`;
  link.textContent = link.download;
  link.hidden = false;
  link.click();
}

function wireButtons(a: TechApi): void {
  byTestId('tech-reset').addEventListener('click', () => {
    void a.reset().then(
      () => a.status().then(renderStatus),
      (err: Error) => (byTestId('tech-run-label').textContent = err.message),
    );
  });
  byTestId('tech-selftest').addEventListener('click', () => {
    const list = byTestId('tech-selftest-result');
    list.replaceChildren(el('li', { text: '…' }));
    void a.selfTest().then((r) => {
      list.dataset.ok = String(r.ok);
      list.replaceChildren(
        ...[...r.arm.checks, ...r.checks].map((c) =>
          el('li', { className: c.ok ? 'ok' : 'bad', text: `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}` }),
        ),
      );
    });
  });
  byTestId('tech-run-abort').addEventListener(
    'click',
    () => void a.abort(runId ?? undefined).catch(() => undefined),
  );
  byTestId('tech-history-refresh').addEventListener('click', () => void refreshHistory(a));
  byTestId('tech-bundle').addEventListener('click', () => {
    byTestId<HTMLAnchorElement>('tech-bundle-link').hidden = true;
    void a.bundle().then(renderBundle);
  });
}

async function refreshInventory(a: TechApi): Promise<void> {
  const inv = await a.inventory();
  byTestId('tech-inventory').replaceChildren(
    ...inv.devices.map((d) => {
      const row = el(
        'tr',
        {},
        el('td', { text: d.name }),
        el('td', { text: d.firmware ?? '—' }),
        el('td', { text: d.state }),
      );
      row.dataset.device = d.name;
      return row;
    }),
  );
}

async function refreshRunbooks(a: TechApi): Promise<void> {
  const list: Runbook[] = await a.runbooks();
  byTestId('tech-runbooks').replaceChildren(
    ...list.map((rb) => {
      const btn = el('button', { text: techT('run'), testid: `tech-run-${rb.id}` });
      btn.type = 'button';
      btn.dataset.role = 'run';
      btn.dataset.t = 'run';
      btn.addEventListener('click', () => {
        void a.run(rb.id).catch((err: Error) => (byTestId('tech-run-label').textContent = err.message));
      });
      return el('li', {}, el('span', { text: rb.title, className: 'title' }), btn);
    }),
  );
}

async function refreshHistory(a: TechApi): Promise<void> {
  const events = await a.history();
  byTestId('tech-history').replaceChildren(
    ...events.map((e) => el('li', { className: e.kind, text: `${e.at.slice(11, 19)}  ${e.summary}` })),
  );
}
