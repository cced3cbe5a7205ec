// The console's call panel for the one call assigned to this agent: the customer's masked identity,
// intent, cues, device state and transcript, the two videos, chat, guided steps, and the notes that
// become a ticket when the call ends.
import type { CallView, ClientSignal, Cue } from '@branch/cloud-sync';
import { maskDigitRuns } from '@branch/cloud-sync/wire';
import { el } from '../dom.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';

export class CallPanel {
  readonly root = el('section', { className: 'box call-panel', testid: 'call-panel' });
  readonly local = el('video', { className: 'call-local', testid: 'agent-local-video' });
  readonly remote = el('video', { className: 'call-remote', testid: 'agent-remote-video' });
  private readonly status = el('p', { className: 'call-status', testid: 'call-status' });
  private readonly chatLog = el('ol', { className: 'call-chat', testid: 'call-chat-log' });
  private readonly cues: string[];
  private readonly cuesText = el('dd', { testid: 'call-cues' });

  constructor(
    private readonly locale: Locale,
    call: CallView,
    send: (msg: ClientSignal) => void,
  ) {
    for (const v of [this.local, this.remote]) {
      v.autoplay = true;
      v.playsInline = true;
    }
    this.local.muted = true;
    const field = (key: MessageKey, value: string): Node[] => [
      el('dt', { text: t(locale, key) }),
      el('dd', { text: value }),
    ];
    const d = call.deviceState;
    this.cues = call.cues.map(cueText);
    this.showCues();
    this.root.append(
      el('h2', { text: t(locale, 'agent.call.title', { kiosk: call.kioskId }) }),
      el('div', { className: 'call-videos' }, this.remote, this.local),
      this.status,
      el(
        'dl',
        { testid: 'call-customer' },
        ...field('agent.call.queue', call.queue),
        ...field('agent.call.reason', call.reason),
        ...(call.intent ? field('agent.call.intent', call.intent) : []),
        ...(call.customerTier ? field('agent.call.tier', call.customerTier) : []),
        ...(call.maskedPan ? field('agent.card', call.maskedPan) : []),
        ...(d
          ? field('agent.call.device', `${d.safetyState}${d.available ? '' : ` (${d.reason ?? '-'})`}`)
          : []),
        el('dt', { text: t(locale, 'agent.call.cues') }),
        this.cuesText,
      ),
      el(
        'ol',
        { className: 'transcript', testid: 'call-transcript' },
        ...call.transcript.map((m) => {
          const role = m.role === 'customer' || m.role === 'bot' || m.role === 'agent' ? m.role : 'system';
          return el('li', {
            className: `msg ${m.role}`,
            text: `${t(locale, `agent.role.${role}`)}: ${m.text}`,
          });
        }),
      ),
      this.chatLog,
      this.form('agent.call.chat', 'agent.call.send', 'call-chat', (text) => {
        this.addChat('agent', text);
        send({ t: 'chat', text });
      }),
      this.guideForm(send),
      this.endForm(send),
    );
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** A cue the kiosk sent during the call; the line turns red while the cues are negative. */
  addCue(cue: Cue | null, negative: boolean): void {
    if (cue) this.cues.push(cueText(cue));
    this.showCues();
    this.cuesText.classList.toggle('negative', negative);
  }

  private showCues(): void {
    this.cuesText.textContent = this.cues.length ? this.cues.join(', ') : t(this.locale, 'agent.call.noCues');
  }

  addChat(from: 'kiosk' | 'agent', text: string): void {
    this.chatLog.append(el('li', { className: `chat ${from}`, text: `${from}: ${text}` }));
  }

  private form(
    label: MessageKey,
    button: MessageKey,
    testid: string,
    submit: (text: string) => void,
  ): HTMLFormElement {
    const input = el('input', { testid: `${testid}-input` });
    input.maxLength = 1000;
    input.placeholder = t(this.locale, label);
    const go = el('button', {
      className: 'secondary',
      testid: `${testid}-send`,
      text: t(this.locale, button),
    });
    go.type = 'submit';
    const form = el('form', { className: 'call-form' }, input, go);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      // Free text leaves this console masked of card numbers (one read out and typed in).
      const text = maskDigitRuns(input.value.trim());
      if (!text) return;
      input.value = '';
      submit(text);
    });
    return form;
  }

  private guideForm(send: (msg: ClientSignal) => void): HTMLElement {
    const title = el('input', { testid: 'guide-title' });
    title.placeholder = t(this.locale, 'agent.call.guideTitle');
    title.maxLength = 100;
    const card = this.form('agent.call.guideText', 'agent.call.guide', 'guide', (text) =>
      send({ t: 'guide', step: { kind: 'card', title: title.value.trim() || '!', text } }),
    );
    const highlight = el('button', {
      className: 'secondary',
      testid: 'guide-highlight',
      text: t(this.locale, 'agent.call.highlight'),
    });
    highlight.type = 'button';
    // The kiosk's card slot control sits in the lower middle of its portrait screen.
    highlight.addEventListener('click', () =>
      send({
        t: 'guide',
        step: { kind: 'highlight', region: { x: 0.3, y: 0.7, w: 0.4, h: 0.1 }, label: '⬇' },
      }),
    );
    return el('div', { className: 'call-guide' }, title, card, highlight);
  }

  private endForm(send: (msg: ClientSignal) => void): HTMLElement {
    const notes = el('textarea', { testid: 'call-notes' });
    notes.maxLength = 4000;
    notes.placeholder = t(this.locale, 'agent.call.notes');
    const resolved = el('input', { testid: 'call-resolved' });
    resolved.type = 'checkbox';
    const end = el('button', {
      className: 'primary',
      testid: 'call-end',
      text: t(this.locale, 'agent.call.end'),
    });
    end.type = 'button';
    end.addEventListener('click', () => {
      end.disabled = true;
      send({ t: 'end', notes: maskDigitRuns(notes.value), resolved: resolved.checked });
    });
    return el(
      'div',
      { className: 'call-end' },
      notes,
      el('label', {}, resolved, el('span', { text: t(this.locale, 'agent.call.resolved') })),
      end,
    );
  }
}

function cueText(c: Cue): string {
  return `${c.at.slice(11, 19)} ${c.label} ${Math.round(c.confidence * 100)}%`;
}
