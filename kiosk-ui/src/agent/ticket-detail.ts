// One ticket on the desk: its fields, SLA due time and escalation, the moves the status machine allows
// (the hub sends them: `next`), assignment (supervisors), priority, comments, the link to its
// conversation and its call's recordings, and a device fault's runbook steps, health and events.
// Text only (textContent): everything here comes from the network.
import { el } from '../dom.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { DeskApi, TicketDetailResponse, TicketEdit, TicketView } from './desk-api.ts';
import { HubError, type HubApi } from './hub-api.ts';
import { faultSection } from './ticket-fault.ts';

export interface TicketDetailHooks {
  /** After a successful edit: the list reloads. */
  changed(): void;
  openConversation(id: string): void;
  expired(): void;
  /** Usernames a supervisor may assign to (active accounts). */
  assignees(): string[];
}

const button = (text: string, testid: string, onClick: () => void): HTMLButtonElement => {
  const b = el('button', { text, testid });
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
};

export function createTicketDetail(hub: HubApi, desk: DeskApi, locale: Locale, hooks: TicketDetailHooks) {
  const root = el('section', { className: 'box detail ticket-detail', testid: 'desk-detail' });
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const status = (s: TicketView['status']) => t(locale, `desk.status.${s}`);
  const result = el('p', { className: 'result', testid: 'desk-result' });
  let current: string | null = null;
  /** The shown ticket's last update, and the comment being written (a refresh would lose it). */
  let shownUpdate = '';
  let draft: HTMLTextAreaElement | null = null;

  const clear = () => {
    current = null;
    root.replaceChildren(el('p', { className: 'empty', text: t(locale, 'desk.select') }));
  };

  const apply = async (edit: TicketEdit) => {
    if (!current) return;
    result.textContent = '';
    try {
      await desk.edit(current, edit);
      hooks.changed();
      await show(current);
      result.textContent = t(locale, 'desk.saved');
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return hooks.expired();
      result.textContent = t(locale, 'desk.failed', { reason: (err as Error).message });
    }
  };

  const fields = (v: TicketView): HTMLElement => {
    const row = (key: MessageKey, value: string, testid?: string): Node[] => [
      el('dt', { text: t(locale, key) }),
      el('dd', { text: value, ...(testid ? { testid } : {}) }),
    ];
    return el(
      'dl',
      {},
      ...row('desk.field.status', status(v.status), 'desk-detail-status'),
      ...row('desk.field.priority', t(locale, `desk.priority.${v.priority}`), 'desk-detail-priority'),
      ...row('desk.field.kind', t(locale, `desk.kind.${v.kind}`)),
      ...row('desk.field.kiosk', v.kioskId),
      ...(v.device ? row('desk.field.device', v.device) : []),
      ...row('desk.field.assignee', v.assignee ?? t(locale, 'desk.unassigned'), 'desk-detail-assignee'),
      ...row('desk.field.created', when(v.createdAt)),
      ...row('desk.field.updated', when(v.updatedAt)),
      ...row('desk.field.due', when(v.dueAt), 'desk-detail-due'),
      ...(v.escalatedAt ? row('desk.field.escalated', when(v.escalatedAt), 'desk-detail-escalated') : []),
    );
  };

  const links = (d: TicketDetailResponse): Node[] => {
    const v = d.ticket;
    if (!v.conversationId) return [];
    const player = el('div', { className: 'player' });
    const play = (id: string) => async () => {
      try {
        const video = el('video', { testid: 'desk-recording-video' });
        video.controls = true;
        video.src = URL.createObjectURL(await hub.recordingBlob(id));
        player.replaceChildren(video);
      } catch (err) {
        result.textContent = t(locale, 'desk.failed', { reason: (err as Error).message });
      }
    };
    return [
      el(
        'p',
        {},
        el('span', { text: `${t(locale, 'desk.field.conversation')}: ${v.conversationId} ` }),
        button(t(locale, 'desk.openConversation'), 'desk-open-conversation', () =>
          hooks.openConversation(v.conversationId as string),
        ),
      ),
      ...(d.recordings.length > 0
        ? [
            el('h3', { text: t(locale, 'desk.recordings') }),
            el(
              'ul',
              { className: 'recordings' },
              ...d.recordings.map((r) =>
                el(
                  'li',
                  {},
                  button(
                    t(locale, 'desk.play', { time: when(r.startedAt) }),
                    'desk-play',
                    () => void play(r.id)(),
                  ),
                ),
              ),
            ),
            player,
          ]
        : []),
    ];
  };

  const actions = (v: TicketView): HTMLElement => {
    const box = el('div', { className: 'actions' });
    box.append(
      v.next.length === 0
        ? el('p', { text: t(locale, 'desk.final') })
        : el(
            'p',
            { className: 'moves' },
            el('span', { text: `${t(locale, 'desk.moveTo')}: ` }),
            ...v.next.map((s) => button(status(s), `desk-move-${s}`, () => void apply({ status: s }))),
          ),
    );
    if (v.status === 'closed') return box;
    if (hub.agent?.role === 'supervisor') {
      const who = el('select', { testid: 'desk-assignee' });
      for (const name of hooks.assignees()) who.append(new Option(name, name, false, name === v.assignee));
      const assign = () =>
        void apply({
          assignee: who.value,
          ...(v.status === 'open' && v.next.includes('assigned') ? { status: 'assigned' as const } : {}),
        });
      box.append(
        el(
          'p',
          {},
          el('span', { text: `${t(locale, 'desk.assign')}: ` }),
          who,
          button(t(locale, 'desk.assignButton'), 'desk-assign', assign),
        ),
      );
    }
    const prio = el('select', { testid: 'desk-priority' });
    for (const p of ['low', 'normal', 'high', 'urgent'] as const)
      prio.append(new Option(t(locale, `desk.priority.${p}`), p, false, p === v.priority));
    const comment = el('textarea', { testid: 'desk-comment' });
    draft = comment;
    comment.maxLength = 4000;
    comment.placeholder = t(locale, 'desk.comment');
    box.append(
      el(
        'p',
        {},
        el('span', { text: `${t(locale, 'desk.setPriority')}: ` }),
        prio,
        button(t(locale, 'desk.setPriority'), 'desk-set-priority', () => {
          void apply({ priority: prio.value as TicketView['priority'] });
        }),
      ),
      comment,
      button(t(locale, 'desk.addComment'), 'desk-add-comment', () => {
        if (comment.value.trim()) void apply({ comment: comment.value.trim() });
      }),
    );
    return box;
  };

  async function show(id: string): Promise<void> {
    current = id;
    let d: TicketDetailResponse;
    try {
      d = await desk.ticket(id);
    } catch (err) {
      if (err instanceof HubError && err.status === 401) return hooks.expired();
      root.replaceChildren(el('p', { className: 'error', text: (err as Error).message }));
      return;
    }
    if (current !== id) return;
    const v = d.ticket;
    shownUpdate = v.updatedAt;
    draft = null;
    const flags = [
      ...(v.overdue ? [el('span', { className: 'flag overdue', text: t(locale, 'desk.flag.overdue') })] : []),
      ...(v.escalatedAt
        ? [el('span', { className: 'flag escalated', text: t(locale, 'desk.flag.escalated') })]
        : []),
    ];
    root.replaceChildren(
      el('h2', { text: v.title, testid: 'desk-detail-title' }, ...flags),
      el('p', { className: 'who', text: v.id }),
      ...(v.description ? [el('p', { className: 'description', text: v.description })] : []),
      fields(v),
      ...links(d),
      actions(v),
      result,
      el('h3', { text: t(locale, 'desk.comments') }),
      v.comments.length === 0
        ? el('p', { className: 'empty', text: t(locale, 'desk.noComments') })
        : el(
            'ol',
            { className: 'comments' },
            ...v.comments.map((c) =>
              el('li', { testid: 'desk-comment-row', text: `${c.author} · ${when(c.at)}: ${c.text}` }),
            ),
          ),
      ...faultSection(d, locale),
    );
  }

  clear();
  return {
    root,
    show,
    clear,
    /** Someone else changed the shown ticket (the list saw a newer update): show it again, unless a comment is being written. */
    async changedElsewhere(v: TicketView): Promise<void> {
      if (v.id === current && v.updatedAt !== shownUpdate && !draft?.value.trim()) await show(v.id);
    },
    get current() {
      return current;
    },
  };
}
