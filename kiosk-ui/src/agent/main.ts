// Remote-agent console: sign in, watch the conversation list (refreshed every 2 s), read a transcript;
// supervisors also get the Knowledge tab (knowledge-view.ts) and the Audit tab (audit-view.ts) with the
// calls' recordings (recordings-view.ts).
import { byRole, byTestId, el } from '../dom.ts';
import { applyMessages, t, type Locale, type MessageKey } from '../i18n/index.ts';
import {
  HubApi,
  HubError,
  type ConversationRecord,
  type ConversationSummary,
  type TranscriptMessage,
} from './hub-api.ts';
import { emotionSummaryText } from './emotion-summary-view.ts';
import { createKnowledgeView } from './knowledge-view.ts';
import { createCallsView } from './calls-view.ts';
import { createAuditView } from './audit-view.ts';
import { createRecordingsView } from './recordings-view.ts';
import { consoleLocale, createLangSwitch } from '../i18n/lang-switch.ts';
import type { ConsoleTab } from './console-tab.ts';
import { createTicketsView } from './tickets-view.ts';
import { createAccountsView } from './accounts-view.ts';
import { createSupervisorView } from './supervisor-view.ts';

const REFRESH_MS = 2000;
const locale: Locale = consoleLocale();
document.documentElement.lang = locale;
applyMessages(document, locale);
// The language is chosen signed out: the page reloads in it (a reload would drop a live call).
const langSwitch = createLangSwitch(locale, (next) => {
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  location.assign(url);
});
document.querySelector('.topbar h1')?.after(langSwitch);

const api = new HubApi();
const loginForm = byRole<HTMLFormElement>('login');
const username = byTestId<HTMLInputElement>('agent-username');
const password = byTestId<HTMLInputElement>('agent-password');
const loginButton = byTestId<HTMLButtonElement>('agent-login');
const loginError = byTestId('agent-error');
const consoleView = byRole('console');
const rows = byRole<HTMLUListElement>('rows');
const empty = byRole('empty');
const detail = byTestId('conversation-detail');
const who = byRole('who');
const signOut = byRole<HTMLButtonElement>('sign-out');
const tabs = byRole('tabs');
const conversationsTab = byRole<HTMLButtonElement>('tab-conversations');
const knowledgeTab = byTestId<HTMLButtonElement>('kb-tab');
const knowledgeMain = byRole('knowledge');
/** The hub refused the session: back to the sign-in, saying why. */
const expired = () => {
  showConsole(false);
  showError(t(locale, 'agent.sessionExpired'));
};
const knowledge = createKnowledgeView(api, locale, expired);

// Calls (video handoff): its own tab; the agent is online for calls while signed in.
const callsTab = byTestId<HTMLButtonElement>('calls-tab');
const calls = createCallsView(api, locale);
document.body.insertBefore(calls.root, knowledgeMain);
const auditTab = byTestId<HTMLButtonElement>('audit-tab');
const audit = createAuditView(api, locale, expired);
document.body.insertBefore(audit.root, knowledgeMain);
const recordings = createRecordingsView(api, locale, expired, () => void audit.show());
audit.root.append(recordings.root);
// Tabs that register themselves (console-tab.ts): the ticket desk, the accounts and the supervisor's desk.
const moreTabs: ConsoleTab[] = [
  createTicketsView(api, locale, expired, openConversation),
  createAccountsView(api, locale, expired),
  createSupervisorView(api, locale, expired),
];
for (const tab of moreTabs) {
  tabs.append(tab.button);
  document.body.insertBefore(tab.root, knowledgeMain);
  tab.button.addEventListener('click', () => selectTab(tab.name));
}

let selected: string | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let lastList = '';
let lastDetail = '';

function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale);
}

function showError(text: string): void {
  loginError.textContent = text;
  loginError.hidden = false;
}

function selectTab(tab: string): void {
  for (const more of moreTabs) more.select(tab === more.name);
  auditTab.setAttribute('aria-selected', String(tab === 'audit'));
  audit.root.hidden = tab !== 'audit';
  if (tab === 'audit') void audit.show().then(() => recordings.show());
  conversationsTab.setAttribute('aria-selected', String(tab === 'conversations'));
  callsTab.setAttribute('aria-selected', String(tab === 'calls'));
  calls.root.hidden = tab !== 'calls';
  knowledgeTab.setAttribute('aria-selected', String(tab === 'knowledge'));
  consoleView.hidden = tab !== 'conversations';
  knowledgeMain.hidden = tab !== 'knowledge';
  if (tab === 'knowledge') void knowledge.show();
}

function showConsole(on: boolean): void {
  loginForm.hidden = on;
  for (const more of moreTabs) more.session(on);
  langSwitch.querySelector('select')!.disabled = on;
  langSwitch.title = on ? t(locale, 'lang.signOutFirst') : '';
  tabs.hidden = !on;
  // Publishing knowledge is the supervisor's (the hub enforces it too).
  knowledgeTab.hidden = !(on && api.agent?.role === 'supervisor');
  auditTab.hidden = !(on && api.agent?.role === 'supervisor');
  callsTab.hidden = !on;
  if (on) {
    selectTab('conversations');
    calls.connect();
  } else {
    calls.disconnect();
    calls.root.hidden = true;
    consoleView.hidden = true;
    knowledgeMain.hidden = true;
    knowledge.reset();
    audit.reset();
    recordings.reset();
  }
  signOut.hidden = !on;
  who.textContent = on && api.agent ? `${api.agent.displayName} (${api.agent.role})` : '';
  if (timer) clearInterval(timer);
  timer = on ? setInterval(() => void refresh(), REFRESH_MS) : null;
  if (!on) {
    selected = null;
    lastList = '';
    lastDetail = '';
    rows.replaceChildren();
    detail.replaceChildren(el('p', { className: 'empty', text: t(locale, 'agent.selectConversation') }));
  }
}

function row(c: ConversationSummary): HTMLElement {
  const button = el(
    'button',
    { className: 'row', testid: 'conversation-row' },
    el(
      'span',
      { className: 'meta' },
      el('span', { text: `${t(locale, 'agent.kiosk')}: ${c.kioskId}` }),
      el('span', { text: c.locale }),
      ...(c.maskedPan ? [el('span', { className: 'pan', text: c.maskedPan })] : []),
      el('span', { text: when(c.startedAt) }),
      el('span', {
        text: c.endedAt ? (c.outcome ?? t(locale, 'agent.ended')) : t(locale, 'agent.inProgress'),
      }),
      el('span', { text: t(locale, 'agent.messages', { count: c.messageCount }) }),
    ),
    ...(c.lastMessage ? [el('span', { className: 'last', text: c.lastMessage.text })] : []),
  );
  button.type = 'button';
  button.dataset.conversationId = c.id;
  button.setAttribute('aria-current', String(c.id === selected));
  button.addEventListener('click', () => {
    selected = c.id;
    lastList = '';
    lastDetail = '';
    void refresh();
  });
  return el('li', {}, button);
}

function renderDetail(c: ConversationRecord, messages: TranscriptMessage[]): void {
  const field = (key: MessageKey, value: string): Node[] => [
    el('dt', { text: t(locale, key) }),
    el('dd', { text: value }),
  ];
  const roleKey = (role: string): MessageKey =>
    role === 'customer' || role === 'bot' || role === 'agent' || role === 'system'
      ? `agent.role.${role}`
      : 'agent.role.system';
  detail.replaceChildren(
    el('h2', { text: c.id }),
    el(
      'dl',
      {},
      ...field('agent.kiosk', c.kioskId),
      ...field('agent.locale', c.locale),
      ...(c.maskedPan ? field('agent.card', c.maskedPan) : []),
      ...field('agent.started', when(c.startedAt)),
      ...field('agent.ended', c.endedAt ? when(c.endedAt) : t(locale, 'agent.inProgress')),
      ...(c.outcome ? field('agent.outcome', c.outcome) : []),
      ...(c.emotion ? field('agent.emotion', emotionSummaryText(c.emotion, locale)) : []),
    ),
    el(
      'ol',
      { className: 'transcript' },
      ...messages.map((m) =>
        el(
          'li',
          { className: `msg ${m.role}` },
          el('span', { className: 'who', text: `${t(locale, roleKey(m.role))} · ${when(m.at)}` }),
          el('span', { text: m.text }),
          ...(m.articleId
            ? [el('span', { className: 'who', text: t(locale, 'agent.article', { id: m.articleId }) })]
            : []),
        ),
      ),
    ),
  );
}

/** From a ticket: the conversation it is about, in the Conversations tab. */
function openConversation(id: string): void {
  selectTab('conversations');
  selected = id;
  lastList = '';
  lastDetail = '';
  void refresh();
}

async function refresh(): Promise<void> {
  if (!api.signedIn) return;
  try {
    const list = await api.conversations();
    const listKey = JSON.stringify([list, selected]);
    if (listKey !== lastList) {
      lastList = listKey;
      empty.hidden = list.length > 0;
      rows.replaceChildren(...list.map(row));
    }
    if (selected) {
      const d = await api.conversation(selected);
      const detailKey = JSON.stringify(d);
      if (detailKey !== lastDetail) {
        lastDetail = detailKey;
        renderDetail(d.conversation, d.messages);
      }
    }
  } catch (err) {
    if (err instanceof HubError && err.status === 401) {
      showConsole(false);
      showError(t(locale, 'agent.sessionExpired'));
    }
  }
}

loginForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  loginError.hidden = true;
  loginButton.disabled = true;
  api
    .login(username.value.trim(), password.value)
    .then(
      () => {
        password.value = '';
        showConsole(true);
        void refresh();
      },
      (err: unknown) => {
        password.value = '';
        const reason =
          err instanceof HubError
            ? err.status === 0
              ? t(locale, 'agent.unreachable')
              : err.message
            : String(err);
        showError(t(locale, 'agent.loginFailed', { reason }));
      },
    )
    .finally(() => (loginButton.disabled = false));
});

conversationsTab.addEventListener('click', () => selectTab('conversations'));
knowledgeTab.addEventListener('click', () => selectTab('knowledge'));
callsTab.addEventListener('click', () => selectTab('calls'));
auditTab.addEventListener('click', () => selectTab('audit'));

signOut.addEventListener('click', () => {
  void api.signOut();
  showConsole(false);
});
