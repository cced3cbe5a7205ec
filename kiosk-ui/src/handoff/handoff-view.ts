// The kiosk's call panel, built on demand over the journey: consent (with the recording notice when the
// hub records the call), place
// in line, the two videos with the agent's article beside them (call-article.ts) and the hold notice
// over them, a text chat (the last fallback), the agent's guided step (an instruction card or a
// highlighted region of the screen), and a leave button.
import { el } from '../dom.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { GuidedStep } from '@branch/cloud-sync';
import { CallArticlePanel } from './call-article.ts';
import { HoldTone } from './hold-tone.ts';
import { SupervisorNotice } from './supervisor-notice.ts';

export class HandoffView {
  readonly root = el('section', { className: 'handoff-panel', testid: 'handoff-panel' });
  readonly local = el('video', { className: 'handoff-local', testid: 'handoff-local-video' });
  readonly remote = el('video', { className: 'handoff-remote', testid: 'handoff-remote-video' });
  readonly accept = el('button', { className: 'primary', testid: 'handoff-consent-accept' });
  readonly decline = el('button', { className: 'secondary', testid: 'handoff-consent-decline' });
  readonly leave = el('button', { className: 'secondary', testid: 'handoff-leave' });
  readonly chatForm = el('form', { className: 'handoff-chat-form' });
  readonly chatInput = el('input', { testid: 'handoff-chat-input' });
  private readonly consent = el('div', { className: 'handoff-consent', testid: 'handoff-consent' });
  private readonly state = el('p', { className: 'handoff-state', testid: 'handoff-state' });
  private readonly recording = el('p', { className: 'handoff-recording', testid: 'handoff-recording' });
  private readonly recordingNote = el('p', { testid: 'handoff-consent-recording' });
  /** Set from the hub's answer: the notice and the indicator show only for a call the hub records. */
  private recorded = false;
  private readonly chatLog = el('ol', { className: 'handoff-chat-log', testid: 'handoff-chat-log' });
  private readonly guide = el('div', { className: 'handoff-guide', testid: 'handoff-guide' });
  private readonly highlight = el('div', { className: 'handoff-highlight', testid: 'handoff-highlight' });
  private readonly send = el('button', { className: 'secondary', testid: 'handoff-chat-send' });
  private readonly videos = el('div', { className: 'handoff-videos' });
  private readonly hold = el('p', { className: 'handoff-hold', testid: 'handoff-hold' });
  readonly article: CallArticlePanel;
  private readonly holdTone = new HoldTone(this.hold);
  /** "A supervisor has joined the call": shown only once one steps in (listen-in). */
  readonly supervisor: SupervisorNotice;

  constructor(private readonly locale: Locale) {
    this.supervisor = new SupervisorNotice(locale);
    this.remote.autoplay = true;
    this.remote.playsInline = true;
    this.local.autoplay = true;
    this.local.playsInline = true;
    this.local.muted = true;
    for (const b of [this.accept, this.decline, this.leave]) b.type = 'button';
    this.send.type = 'submit';
    this.chatInput.maxLength = 500;
    this.chatInput.placeholder = t(locale, 'handoff.chat.placeholder');
    this.accept.textContent = t(locale, 'handoff.consent.accept');
    this.decline.textContent = t(locale, 'handoff.consent.decline');
    this.leave.textContent = t(locale, 'handoff.leave');
    this.send.textContent = t(locale, 'handoff.chat.send');
    this.recording.textContent = t(locale, 'handoff.recording');
    this.state.setAttribute('role', 'status');
    this.consent.append(
      el('h2', { text: t(locale, 'handoff.consent.title') }),
      el('p', { text: t(locale, 'handoff.consent.text') }),
      this.recordingNote,
      el('p', { testid: 'handoff-consent-supervisor', text: t(locale, 'handoff.consent.supervisor') }),
      this.accept,
      this.decline,
    );
    this.chatForm.append(this.chatInput, this.send);
    this.hold.textContent = t(locale, 'handoff.hold');
    this.hold.setAttribute('role', 'status');
    this.hold.hidden = true;
    this.videos.append(this.remote, this.local, this.hold);
    this.article = new CallArticlePanel(locale);
    this.guide.hidden = true;
    this.highlight.hidden = true;
    this.recording.hidden = true;
    this.root.append(
      this.consent,
      this.state,
      this.supervisor.root,
      this.recording,
      el('div', { className: 'handoff-call' }, this.videos, this.article.root),
      this.guide,
      this.chatLog,
      this.chatForm,
      this.leave,
    );
    document.body.append(this.root, this.highlight);
  }

  showConsent(on: boolean): void {
    this.consent.hidden = !on;
    this.recording.hidden = on || !this.recorded;
  }

  /** Whether the hub records this call (its handoff answer): the consent card and indicator say so. */
  setRecorded(recorded: boolean): void {
    this.recorded = recorded;
    this.recordingNote.textContent = t(
      this.locale,
      recorded ? 'handoff.consent.recorded' : 'handoff.consent.notRecorded',
    );
    this.recording.hidden = this.recording.hidden || !recorded;
  }

  /** Before the customer's yes the call may already be connected: its video stays hidden, its sound off. */
  holdCall(held: boolean): void {
    this.videos.classList.toggle('before-consent', held);
    this.remote.muted = held;
  }

  /** The agent put the call on hold (their media is paused): the notice shows and a soft chime plays. */
  setHold(on: boolean): void {
    if (on) this.holdTone.start();
    else this.holdTone.stop();
    this.hold.hidden = !on;
    this.videos.classList.toggle('on-hold', on);
    this.remote.muted = on || this.videos.classList.contains('before-consent');
  }

  setState(key: MessageKey, vars: Record<string, string | number> = {}): void {
    this.state.textContent = t(this.locale, key, vars);
    this.state.dataset.state = key;
  }

  /** "3 min" or "less than a minute". */
  waitText(seconds: number): string {
    return seconds < 60
      ? t(this.locale, 'handoff.lessThanMinute')
      : t(this.locale, 'handoff.minutes', { minutes: Math.ceil(seconds / 60) });
  }

  addChat(from: 'kiosk' | 'agent', text: string): void {
    const who = t(this.locale, from === 'agent' ? 'handoff.chat.agent' : 'handoff.chat.you');
    this.chatLog.append(el('li', { className: `chat ${from}`, text: `${who}: ${text}` }));
  }

  showGuide(step: GuidedStep): void {
    if (step.kind === 'card') {
      this.guide.replaceChildren(el('h3', { text: step.title }), el('p', { text: step.text }));
      this.guide.hidden = false;
      return;
    }
    const r = step.region;
    Object.assign(this.highlight.style, {
      left: `${r.x * 100}%`,
      top: `${r.y * 100}%`,
      width: `${r.w * 100}%`,
      height: `${r.h * 100}%`,
    });
    this.highlight.textContent = step.label ?? '';
    this.highlight.hidden = false;
  }

  remove(): void {
    this.holdTone.stop();
    this.root.remove();
    this.highlight.remove();
  }
}
