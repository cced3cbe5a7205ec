// The console's Tickets tab: the desk's list with filters and search (the hub filters; overdue tickets
// first), a form to open a ticket, and the ticket worked in ticket-detail.ts. Supervisors see every
// ticket, an escalation banner and a count on the tab of the tickets past their due time; plain agents
// see the tickets assigned to them. Reloaded every 3 s while shown.
import { el } from '../dom.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { tabButton, type ConsoleTab } from './console-tab.ts';
import { DeskApi, type TicketQuery, type TicketView } from './desk-api.ts';
import { HubError, type HubApi } from './hub-api.ts';
import { createTicketDetail } from './ticket-detail.ts';
import { createTicketForm } from './ticket-form.ts';

const REFRESH_MS = 3000;
/** The escalation count on the tab is refreshed this often while signed in as a supervisor. */
const BADGE_MS = 15_000;

function select(testid: string, anyText: string, options: [string, string][]): HTMLSelectElement {
  const s = el('select', { testid });
  s.append(new Option(anyText, ''), ...options.map(([value, text]) => new Option(text, value)));
  return s;
}

export function createTicketsView(
  api: HubApi,
  locale: Locale,
  onExpired: () => void,
  openConversation: (id: string) => void,
): ConsoleTab {
  const desk = new DeskApi(api);
  const tx = (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
  const button = tabButton(tx('agent.tab.tickets'), 'tickets-tab');
  const root = el('main', { className: 'console desk', testid: 'desk-view' });
  root.hidden = true;
  let assignees: string[] = [];
  const expired = () => onExpired();
  const detail = createTicketDetail(api, desk, locale, {
    changed: () => void reload(),
    openConversation,
    expired,
    assignees: () => assignees,
  });

  const status = select('desk-filter-status', tx('desk.anyStatus'), [
    ...(['open', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const).map(
      (s): [string, string] => [s, tx(`desk.status.${s}`)],
    ),
  ]);
  const priority = select('desk-filter-priority', tx('desk.anyPriority'), [
    ...(['urgent', 'high', 'normal', 'low'] as const).map((p): [string, string] => [
      p,
      tx(`desk.priority.${p}`),
    ]),
  ]);
  const kind = select('desk-filter-kind', tx('desk.anyKind'), [
    ['customer', tx('desk.kind.customer')],
    ['device_fault', tx('desk.kind.device_fault')],
  ]);
  const assignee = select('desk-filter-assignee', tx('desk.anyone'), [['none', tx('desk.unassigned')]]);
  const overdue = el('input', { testid: 'desk-filter-overdue' });
  overdue.type = 'checkbox';
  const search = el('input', { testid: 'desk-search' });
  search.type = 'search';
  search.maxLength = 200;
  search.placeholder = tx('desk.search');
  const banner = el('p', { className: 'banner escalated', testid: 'desk-escalated' });
  banner.hidden = true;
  const note = el('p', { className: 'empty', testid: 'desk-status' });
  const rows = el('ul', { className: 'rows', testid: 'desk-rows' });
  const form = createTicketForm(desk, locale, {
    opened: (v) => {
      note.textContent = tx('desk.opened', { id: v.id });
      void reload().then(() => detail.show(v.id));
    },
    expired,
  });
  const newButton = el('button', { text: tx('desk.new'), testid: 'desk-new' });
  newButton.type = 'button';
  newButton.addEventListener('click', () => form.open(api.agent?.role === 'supervisor'));

  root.append(
    el(
      'section',
      { className: 'box list' },
      el('h2', { text: tx('desk.heading') }),
      banner,
      el(
        'div',
        { className: 'filters' },
        status,
        priority,
        kind,
        assignee,
        el('label', {}, overdue, el('span', { text: tx('desk.overdueOnly') })),
        search,
        newButton,
      ),
      form.root,
      note,
      rows,
    ),
    detail.root,
  );

  const query = (): TicketQuery => ({
    ...(status.value ? { status: status.value as TicketQuery['status'] } : {}),
    ...(priority.value ? { priority: priority.value as TicketQuery['priority'] } : {}),
    ...(kind.value ? { kind: kind.value as TicketQuery['kind'] } : {}),
    ...(assignee.value ? { assignee: assignee.value } : {}),
    ...(overdue.checked ? { overdue: '1' as const } : {}),
    ...(search.value.trim() ? { q: search.value.trim() } : {}),
  });

  const row = (v: TicketView): HTMLElement => {
    const b = el(
      'button',
      { className: 'row', testid: 'desk-row' },
      el(
        'span',
        { className: 'meta' },
        el('span', { className: `status ${v.status}`, text: tx(`desk.status.${v.status}`) }),
        el('span', { text: tx(`desk.priority.${v.priority}`) }),
        el('span', { text: tx(`desk.kind.${v.kind}`) }),
        el('span', { text: v.assignee ?? tx('desk.unassigned') }),
        el('span', { text: tx('desk.due', { time: new Date(v.dueAt).toLocaleString(locale) }) }),
        ...(v.overdue ? [el('span', { className: 'flag overdue', text: tx('desk.flag.overdue') })] : []),
        ...(v.escalatedAt
          ? [el('span', { className: 'flag escalated', text: tx('desk.flag.escalated') })]
          : []),
      ),
      el('span', { className: 'last', text: v.title }),
    );
    b.type = 'button';
    b.dataset.ticketId = v.id;
    b.dataset.status = v.status;
    b.setAttribute('aria-current', String(v.id === detail.current));
    b.addEventListener('click', () => void detail.show(v.id).then(() => reload()));
    return el('li', {}, b);
  };

  const setBadge = (n: number) => {
    button.textContent = n > 0 ? `${tx('agent.tab.tickets')} (${n})` : tx('agent.tab.tickets');
    button.dataset.escalated = String(n);
    banner.textContent = tx('desk.escalated', { count: n });
    banner.hidden = n === 0;
  };

  let lastKey = '';
  async function reload(): Promise<void> {
    try {
      const list = await desk.tickets(query());
      const key = JSON.stringify([list, detail.current]);
      if (key === lastKey) return;
      lastKey = key;
      rows.replaceChildren(...list.map(row));
      const shown = list.find((v) => v.id === detail.current);
      if (shown) await detail.changedElsewhere(shown);
      note.textContent = list.length === 0 ? tx('desk.empty') : '';
      if (api.agent?.role === 'supervisor') await badge();
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return expired();
      note.textContent = tx('desk.loadFailed', { reason: (err as Error).message });
    }
  }
  async function badge(): Promise<void> {
    const late = await desk.tickets({ overdue: '1', limit: 500 });
    setBadge(late.filter((v) => v.escalatedAt !== null).length);
  }

  for (const input of [status, priority, kind, assignee, overdue])
    input.addEventListener('change', () => void reload());
  search.addEventListener('input', () => void reload());

  let timer: ReturnType<typeof setInterval> | null = null;
  let badgeTimer: ReturnType<typeof setInterval> | null = null;
  const stop = (t: ReturnType<typeof setInterval> | null) => t !== null && clearInterval(t);

  return {
    name: 'tickets',
    button,
    root,
    select(on) {
      button.setAttribute('aria-selected', String(on));
      root.hidden = !on;
      stop(timer);
      timer = on ? setInterval(() => void reload(), REFRESH_MS) : null;
      if (on) void reload();
    },
    session(on) {
      button.hidden = !on;
      stop(badgeTimer);
      badgeTimer = null;
      lastKey = '';
      if (!on) {
        root.hidden = true;
        rows.replaceChildren();
        detail.clear();
        form.close();
        setBadge(0);
        return;
      }
      const supervisor = api.agent?.role === 'supervisor';
      assignee.hidden = !supervisor;
      if (!supervisor) return;
      void desk.accounts().then(
        (list) => {
          assignees = list.filter((a) => !a.disabled).map((a) => a.username);
          assignee.replaceChildren(
            new Option(tx('desk.anyone'), ''),
            new Option(tx('desk.unassigned'), 'none'),
            ...assignees.map((u) => new Option(u, u)),
          );
        },
        () => undefined,
      );
      void badge().catch(() => undefined);
      badgeTimer = setInterval(() => void badge().catch(() => undefined), BADGE_MS);
    },
  };
}
