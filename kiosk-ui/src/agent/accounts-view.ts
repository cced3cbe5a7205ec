// The console's Account tab: everyone changes their own password (own-password.ts); supervisors also
// manage the agent accounts: create one with a role, skills and its own password, change role and
// skills, disable or enable it (a disabled account's sessions end), and reset its password. The hub
// writes every change to the audit log.
import { el } from '../dom.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { tabButton, type ConsoleTab } from './console-tab.ts';
import { DeskApi, type Account } from './desk-api.ts';
import { HubError, type HubApi } from './hub-api.ts';
import { createOwnPasswordForm } from './own-password.ts';

const ROLES = ['agent', 'expert', 'risk', 'supervisor'] as const;
const SKILLS = ['agent', 'expert', 'risk', 'zh-CN', 'en'] as const;
type Skill = (typeof SKILLS)[number];

export function createAccountsView(api: HubApi, locale: Locale, onExpired: () => void): ConsoleTab {
  const desk = new DeskApi(api);
  const tx = (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
  const button = tabButton(tx('agent.tab.accounts'), 'accounts-tab');
  const root = el('main', { className: 'accounts', testid: 'accounts-view' });
  root.hidden = true;
  const own = createOwnPasswordForm(desk, locale, onExpired);
  const result = el('p', { className: 'result', testid: 'accounts-result' });
  const body = el('tbody');
  const roleSelect = (value: string, testid: string) => {
    const s = el('select', { testid });
    for (const r of ROLES) s.append(new Option(tx(`account.role.${r}`), r, false, r === value));
    return s;
  };
  const skillBoxes = (have: readonly string[], testid: string) => {
    const boxes = SKILLS.map((k) => {
      const c = el('input', { testid: `${testid}-${k}` });
      c.type = 'checkbox';
      c.value = k;
      c.checked = c.defaultChecked = have.includes(k);
      return c;
    });
    const wrap = el(
      'span',
      { className: 'skills' },
      ...boxes.map((b) => el('label', {}, b, el('span', { text: tx(`account.skill.${b.value as Skill}`) }))),
    );
    return { wrap, value: () => boxes.filter((b) => b.checked).map((b) => b.value as Skill) };
  };
  const act = async (done: string, call: () => Promise<unknown>) => {
    result.textContent = '';
    try {
      await call();
      result.textContent = done;
      await load();
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return onExpired();
      result.textContent = tx('account.failed', { reason: (err as Error).message });
    }
  };
  const btn = (text: string, testid: string, onClick: () => void) => {
    const b = el('button', { text, testid });
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  };

  const row = (a: Account): HTMLElement => {
    const role = roleSelect(a.role, 'account-role');
    const skills = skillBoxes(a.skills, 'account-skill');
    const reset = el('input', { testid: 'account-reset-password' });
    reset.type = 'password';
    reset.placeholder = tx('account.resetPlaceholder');
    reset.autocomplete = 'new-password';
    const me = a.username === api.agent?.username;
    const tr = el(
      'tr',
      { testid: 'account-row' },
      el('td', { text: a.username }),
      el('td', { text: a.displayName }),
      el('td', {}, role),
      el('td', {}, skills.wrap),
      el('td', { text: tx(a.disabled ? 'account.disabled' : 'account.active'), testid: 'account-state' }),
      el(
        'td',
        { className: 'actions' },
        btn(tx('account.save'), 'account-save', () => {
          const change = { role: role.value as Account['role'], skills: skills.value() };
          void act(tx('account.saved', { user: a.username }), () => desk.updateAccount(a.username, change));
        }),
        ...(me
          ? []
          : [
              btn(tx(a.disabled ? 'account.enable' : 'account.disable'), 'account-toggle', () => {
                const done = tx('account.saved', { user: a.username });
                void act(done, () => desk.updateAccount(a.username, { disabled: !a.disabled }));
              }),
            ]),
        reset,
        btn(tx('account.reset'), 'account-reset', () => {
          const done = tx('account.resetDone', { user: a.username });
          void act(done, () => desk.resetPassword(a.username, reset.value));
        }),
      ),
    );
    tr.dataset.username = a.username;
    tr.dataset.disabled = String(a.disabled);
    return tr;
  };

  // The new-account form.
  const field = (testid: string, type = 'text') => {
    const i = el('input', { testid });
    i.type = type;
    i.required = true;
    return i;
  };
  const username = field('new-account-username');
  const displayName = field('new-account-name');
  const password = field('new-account-password', 'password');
  password.autocomplete = 'new-password';
  const newRole = roleSelect('agent', 'new-account-role');
  const newSkills = skillBoxes(['agent'], 'new-account-skill');
  const create = el(
    'form',
    { className: 'new-account', testid: 'new-account' },
    el('h3', { text: tx('account.create.heading') }),
    el('label', {}, el('span', { text: tx('account.username') }), username),
    el('label', {}, el('span', { text: tx('account.name') }), displayName),
    el('label', {}, el('span', { text: tx('account.role') }), newRole),
    el('div', {}, el('span', { text: tx('account.skills') }), newSkills.wrap),
    el('label', {}, el('span', { text: tx('account.password') }), password),
    el('button', { className: 'primary', text: tx('account.create.submit'), testid: 'new-account-submit' }),
  );
  create.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const request = {
      username: username.value.trim(),
      displayName: displayName.value.trim(),
      role: newRole.value as Account['role'],
      skills: newSkills.value(),
      password: password.value,
    };
    void act(tx('account.created', { user: request.username }), async () => {
      await desk.createAccount(request);
      create.reset();
    });
  });

  const manage = el(
    'section',
    { className: 'box manage', testid: 'accounts-manage' },
    el('h2', { text: tx('account.heading') }),
    el(
      'table',
      { className: 'accounts-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...(
            ['account.username', 'account.name', 'account.role', 'account.skills', 'account.state'] as const
          ).map((k) => el('th', { text: tx(k) })),
          el('th'),
        ),
      ),
      body,
    ),
    result,
    create,
  );
  root.append(own.root, manage);

  async function load(): Promise<void> {
    if (api.agent?.role !== 'supervisor') return;
    body.replaceChildren(...(await desk.accounts()).map(row));
  }

  return {
    name: 'accounts',
    button,
    root,
    select(on) {
      button.setAttribute('aria-selected', String(on));
      root.hidden = !on;
      if (on)
        load().catch((err: unknown) => {
          if (err instanceof HubError && err.status === 401) return onExpired();
          result.textContent = tx('account.failed', { reason: (err as Error).message });
        });
    },
    session(on) {
      button.hidden = !on;
      manage.hidden = !(on && api.agent?.role === 'supervisor');
      if (!on) {
        root.hidden = true;
        body.replaceChildren();
        result.textContent = '';
        own.reset();
      }
    },
  };
}
