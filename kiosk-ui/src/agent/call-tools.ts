// The agent's tools inside a call (under the call panel): search the knowledge base and show an article
// on the kiosk, say a canned reply (the hub sends it in the customer's language), hold and resume (this
// console pauses its own camera and microphone while the kiosk asks the customer to hold), and transfer
// to another desk with a note. What the tools say happened is what the hub confirmed on the socket.
import type { CallView, ClientSignal, QueueName, ServerSignal } from '@branch/cloud-sync';
import { maskDigitRuns } from '@branch/cloud-sync/wire';
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { CallDeskApi, CallArticleHit } from './call-desk-api.ts';

const QUEUES: readonly QueueName[] = ['agent', 'expert', 'risk'];

export type CallToolsSignal = Extract<ServerSignal, { t: 'article' | 'hold' }>;

export class CallTools {
  readonly root = el('section', { className: 'call-tools', testid: 'call-tools' });
  private readonly status = el('p', { className: 'call-tools-status', testid: 'tools-status' });
  private readonly hits = el('ul', { className: 'rows', testid: 'tools-article-hits' });
  private readonly canned = el('select', { testid: 'tools-canned-select' });
  private readonly holdButton = el('button', { className: 'secondary', testid: 'tools-hold' });
  private readonly transferButton: HTMLButtonElement;
  private held = false;

  constructor(
    private readonly locale: Locale,
    private readonly call: CallView,
    private readonly send: (msg: ClientSignal) => void,
    private readonly api: CallDeskApi,
    /** The console's own media (camera, microphone), paused while on hold. */
    private readonly media: () => { local: MediaStream | null; remote: HTMLVideoElement },
  ) {
    // Made here, not as a field: fields are set before the constructor's parameters are.
    this.transferButton = this.button('agent.tools.transferButton', 'tools-transfer');
    const x = call.transfer;
    this.root.append(
      el('h3', { text: t(locale, 'agent.tools.heading') }),
      ...(x
        ? [
            el('p', {
              className: 'call-transfer-note',
              testid: 'call-transfer-note',
              text: t(locale, 'agent.tools.transferredFrom', {
                agent: x.fromAgent,
                queue: this.desk(x.fromQueue),
                note: x.note || '-',
              }),
            }),
          ]
        : []),
      this.status,
      this.articleSearch(),
      this.cannedPicker(),
      this.transferForm(),
      this.holdButton,
    );
    this.holdButton.type = 'button';
    this.holdButton.textContent = t(locale, 'agent.tools.hold');
    this.holdButton.addEventListener('click', () => this.send({ t: 'hold', on: !this.held }));
  }

  private desk(q: QueueName): string {
    return t(this.locale, `agent.tools.desk.${q}`);
  }

  private button(
    key: 'agent.tools.searchButton' | 'agent.tools.sendCanned' | 'agent.tools.transferButton',
    testid: string,
  ) {
    const b = el('button', { className: 'secondary', testid, text: t(this.locale, key) });
    b.type = 'button';
    return b;
  }

  private articleSearch(): HTMLElement {
    const q = el('input', { testid: 'tools-article-q' });
    q.placeholder = t(this.locale, 'agent.tools.search');
    q.maxLength = 100;
    const go = this.button('agent.tools.searchButton', 'tools-article-search');
    const form = el('form', { className: 'call-form' }, q, go);
    go.type = 'submit';
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.search(q.value.trim());
    });
    return el('div', {}, el('h4', { text: t(this.locale, 'agent.tools.articles') }), form, this.hits);
  }

  /** Hits in the customer's language: that is the version the kiosk gets. */
  private async search(q: string): Promise<void> {
    let hits: CallArticleHit[];
    try {
      hits = await this.api.searchArticles(q, this.call.locale);
    } catch (err) {
      return this.setStatus(t(this.locale, 'agent.tools.loadFailed', { reason: (err as Error).message }));
    }
    if (hits.length === 0) {
      this.hits.replaceChildren(el('li', { className: 'empty', text: t(this.locale, 'agent.tools.noHits') }));
      return;
    }
    this.hits.replaceChildren(
      ...hits.map((h) => {
        const show = el('button', {
          className: 'secondary',
          testid: 'tools-article-send',
          text: t(this.locale, 'agent.tools.sendArticle'),
        });
        show.type = 'button';
        show.addEventListener('click', () => this.send({ t: 'article', articleId: h.id }));
        const row = el(
          'li',
          { className: 'row', testid: 'tools-article-hit' },
          el('strong', { text: t(this.locale, 'agent.tools.hit', { title: h.title, locale: h.locale }) }),
          el('span', { text: ` ${h.snippet}` }),
          show,
        );
        row.dataset.articleId = h.id;
        return row;
      }),
    );
  }

  private cannedPicker(): HTMLElement {
    const go = this.button('agent.tools.sendCanned', 'tools-canned-send');
    go.addEventListener('click', () => {
      if (this.canned.value) this.send({ t: 'canned', replyId: this.canned.value });
    });
    void this.api
      .cannedReplies()
      .then((replies) => {
        this.canned.replaceChildren(
          ...replies.map((r) =>
            Object.assign(el('option', { text: `${r.title} · ${r[this.call.locale]}` }), { value: r.id }),
          ),
        );
        go.disabled = replies.length === 0;
        if (replies.length === 0) this.setStatus(t(this.locale, 'agent.tools.cannedNone'));
      })
      .catch((err: Error) =>
        this.setStatus(t(this.locale, 'agent.tools.loadFailed', { reason: err.message })),
      );
    return el('div', {}, el('h4', { text: t(this.locale, 'agent.tools.canned') }), this.canned, go);
  }

  private transferForm(): HTMLElement {
    const to = el('select', { testid: 'tools-transfer-queue' });
    for (const q of QUEUES.filter((q) => q !== this.call.queue))
      to.append(Object.assign(el('option', { text: this.desk(q) }), { value: q }));
    const note = el('textarea', { testid: 'tools-transfer-note' });
    note.maxLength = 500;
    note.placeholder = t(this.locale, 'agent.tools.transferNote');
    const go = this.transferButton;
    go.addEventListener('click', () => {
      const queue = QUEUES.find((q) => q === to.value);
      if (!queue) return;
      go.disabled = true;
      // A card number read out and typed into the note never leaves this console.
      this.send({ t: 'transfer', queue, note: maskDigitRuns(note.value.trim()) });
    });
    return el(
      'div',
      { className: 'call-transfer' },
      el('h4', { text: t(this.locale, 'agent.tools.transfer') }),
      el('label', {}, el('span', { text: t(this.locale, 'agent.tools.transferTo') }), to),
      note,
      go,
    );
  }

  /** The hub's confirmation of an article shown or of hold. */
  onSignal(m: CallToolsSignal): void {
    if (m.t === 'article')
      return this.setStatus(
        t(this.locale, 'agent.tools.articleShown', { title: m.article.title, locale: m.article.locale }),
      );
    this.held = m.on;
    const { local, remote } = this.media();
    for (const track of local?.getTracks() ?? []) track.enabled = !m.on;
    remote.muted = m.on;
    this.root.dataset.hold = String(m.on);
    this.holdButton.textContent = t(this.locale, m.on ? 'agent.tools.resume' : 'agent.tools.hold');
    this.setStatus(t(this.locale, m.on ? 'agent.tools.onHold' : 'agent.tools.resumed'));
  }

  /** The transfer went through (the call is over for this agent). */
  transferredText(m: Extract<ServerSignal, { t: 'transferred' }>): string {
    return t(this.locale, 'agent.tools.transferred', { queue: this.desk(m.queue), position: m.position });
  }

  /** The hub refused something (its message says what): a refused transfer may be tried again. */
  onError(message: string): void {
    this.transferButton.disabled = false;
    this.setStatus(message);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }
}
