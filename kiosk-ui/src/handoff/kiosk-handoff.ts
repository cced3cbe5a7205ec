// The kiosk's side of "talk to a person": ask the agent (Handoff.Request), which asks the hub; if the
// hub queues us, show the consent and recording notice, open the signalling socket with the call's
// join token, show the place in line, and, once an agent accepts, offer the WebRTC call with no local
// media (so it connects while the customer reads the notice); the camera goes in on consent. An agent who drops puts us back in line; media that fails falls back to text chat.
import type { IceServer, IceTransportPolicy, MediaMode, ServerSignal, SignalData } from '@branch/cloud-sync';
import { t, type Locale } from '../i18n/index.ts';
import { parseCallDeskSignal, type CallDeskSignal } from './call-desk-signal.ts';
import type { KioskClient } from '../protocol/kiosk-client.ts';
import { handoffErrorKey } from './handoff-errors.ts';
import { HandoffView } from './handoff-view.ts';
import { RtcCall } from './rtc-call.ts';
import { SignalSocket } from './signal-socket.ts';

export type HandoffReason = 'customer_request' | 'low_confidence' | 'negative_cue';
export type HandoffOutcome = 'bot' | 'declined' | 'ended' | 'failed' | 'left';

/** Optional hints another part of the page (issue 7's emotion cues) may add to the request. */
export interface HandoffHints {
  priorityBoost?: number;
  negativeCue?: boolean;
  emotion?: string;
}

export class KioskHandoff {
  private view: HandoffView | null = null;
  private socket: SignalSocket | null = null;
  private call: RtcCall | null = null;
  private ice: { iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy } = { iceServers: [] };
  private consented = false;
  private agentConnected = false;
  private agentName: string | null = null;
  /** An agent dropped and the customer waits again (place-in-line updates keep saying so). */
  private requeued = false;
  /** The desk the call was transferred to, while the customer waits for it (the updates say so). */
  private transferDesk: string | null = null;
  private locale: Locale = 'en';
  private generation = 0;
  private sessionId: string | null = null;
  /** The hub records this call (its answer says so): only then is recording consent asked and logged. */
  private recorded = false;

  constructor(
    private readonly client: KioskClient,
    private readonly onFinished: (outcome: HandoffOutcome) => void,
    /** The call's camera went live (the visit's locale) or stopped (null): the indicator must say so. */
    private readonly onCallCamera: (live: Locale | null) => void = () => undefined,
  ) {}

  get active(): boolean {
    return this.view !== null;
  }

  async start(
    sessionId: string,
    locale: Locale,
    reason: HandoffReason,
    hints: HandoffHints = {},
  ): Promise<void> {
    if (this.view) return;
    const gen = ++this.generation;
    this.sessionId = sessionId;
    this.locale = locale;
    const view = new HandoffView(locale);
    this.view = view;
    view.root.dataset.askedAt = String(performance.now());
    view.showConsent(false);
    view.setState('handoff.requesting');
    view.leave.addEventListener('click', () => this.finish('left'));
    view.decline.addEventListener('click', () => {
      this.recordConsent(false);
      this.finish('declined');
    });
    view.accept.addEventListener('click', () => this.consent());
    view.chatForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const text = view.chatInput.value.trim();
      if (!text) return;
      view.chatInput.value = '';
      view.addChat('kiosk', text);
      this.socket?.send({ t: 'chat', text });
    });
    let ticket;
    try {
      ticket = await this.client.send('Handoff.Request', { sessionId, reason, ...hints });
    } catch (err) {
      if (gen === this.generation) view.setState(handoffErrorKey(err));
      return;
    }
    if (gen !== this.generation) return;
    if (!ticket.queued) {
      view.setState('handoff.bot');
      setTimeout(() => gen === this.generation && this.finish('bot'), 4000);
      return;
    }
    this.ice = { iceServers: ticket.iceServers, iceTransportPolicy: ticket.iceTransportPolicy ?? 'all' };
    this.recorded = ticket.recording;
    view.setRecorded(ticket.recording);
    view.root.dataset.queuedAt = String(performance.now());
    view.setState('handoff.queued', {
      position: ticket.position,
      wait: view.waitText(ticket.estimatedWaitS),
    });
    view.showConsent(true);
    view.holdCall(true);
    const socket = new SignalSocket(ticket.signalUrl, ticket.joinToken);
    this.socket = socket;
    socket.onMessage((m) => void this.onSignal(m));
    socket.onClose(() => {
      if (gen === this.generation && this.view) this.view.setState('handoff.failed');
    });
  }

  /**
   * A new emotion cue while waiting or in the call (issue 7's hook): the hub boosts a waiting request
   * whose cues turn negative, alerts the supervisors, and shows the cue to the agent.
   */
  cue(cue: { at: string; label: string; confidence: number } | null, negativeCue: boolean): void {
    this.socket?.send(cue ? { t: 'cue', cue, negativeCue } : { t: 'cue', negativeCue });
  }

  /** Ends any handoff (the visit ends, or the page wipes). */
  stop(): void {
    if (this.view) this.finish('left');
  }

  /** The customer's answer to the call and recording notice goes to the hub's audit log (via the agent). */
  private recordConsent(given: boolean): void {
    // No recording, no recording consent: the audit log holds only what the customer was asked.
    if (this.sessionId === null || !this.recorded) return;
    const payload = { sessionId: this.sessionId, kind: 'recording' as const, given };
    this.client.send('Session.Consent', payload).catch(() => undefined);
  }

  private consent(): void {
    if (!this.consented) this.recordConsent(true);
    this.consented = true;
    if (this.view) this.view.root.dataset.consentAt = String(performance.now());
    this.view?.showConsent(false);
    this.view?.holdCall(false);
    if (this.agentConnected && this.agentName !== null)
      this.view?.setState('handoff.connected', { name: this.agentName });
    // The call is already connected (started when the agent accepted): only the camera goes in now.
    void this.call?.attachMedia();
  }

  private async onSignal(m: ServerSignal): Promise<void> {
    const view = this.view;
    if (!view) return;
    switch (m.t) {
      case 'queue': {
        // A place-in-line update keeps saying why the customer waits again (an agent dropped, a transfer).
        const place = { position: m.position, wait: view.waitText(m.estimatedWaitS) };
        if (this.transferDesk !== null)
          return view.setState('handoff.transferred', { ...place, desk: this.transferDesk });
        return view.setState(this.requeued ? 'handoff.requeued' : 'handoff.queued', place);
      }
      case 'connected':
        this.agentConnected = true;
        this.requeued = false;
        this.transferDesk = null;
        // A new agent, or the same after a reconnect: off hold unless the hub says so next.
        view.setHold(false);
        view.root.dataset.agentAt = String(performance.now());
        this.agentName = m.agentName;
        // Until the customer says yes, the colleague is only ready: the call connects out of sight.
        view.setState(this.consented ? 'handoff.connected' : 'handoff.ready', { name: m.agentName });
        // Connect now, camera off: the customer may still be reading the consent card.
        await this.startCall();
        return;
      case 'signal':
        return this.call?.signal(m.data);
      case 'chat':
        return view.addChat(m.from, m.text);
      case 'guide':
        return view.showGuide(m.step);
      case 'media':
        return this.showMode(m.mode);
      case 'supervisor_joined':
        return view.supervisor.joined(m.name);
      case 'supervisor_left':
        return view.supervisor.left(m.name);
      case 'requeued':
        // The agent dropped: the call is gone, the place in line is kept (the hub puts us in front).
        this.agentConnected = false;
        this.requeued = true;
        view.setHold(false);
        this.closeMedia();
        return view.setState('handoff.requeued', {
          position: m.position,
          wait: view.waitText(m.estimatedWaitS),
        });
      case 'article':
      case 'hold':
      case 'transferred': {
        const desk = parseCallDeskSignal(m, this.locale);
        return desk ? this.onCallDesk(view, desk) : undefined;
      }
      case 'ended':
        view.setState('handoff.ended');
        this.closeMedia();
        setTimeout(() => this.view === view && this.finish('ended'), 3000);
        return;
      default:
        return;
    }
  }

  /** The agent's article, hold, or transfer to another desk (the customer keeps their place in line). */
  private onCallDesk(view: HandoffView, m: CallDeskSignal): void {
    if (m.t === 'article') return view.article.show(m.article);
    if (m.t === 'hold') return view.setHold(m.on);
    // Like an agent who dropped: this call is over, the next desk's agent starts a new one.
    this.agentConnected = false;
    this.closeMedia();
    view.setHold(false);
    this.transferDesk = t(this.locale, `handoff.desk.${m.queue}`);
    view.setState('handoff.transferred', {
      desk: this.transferDesk,
      position: m.position,
      wait: view.waitText(m.estimatedWaitS),
    });
  }

  private async startCall(): Promise<void> {
    const view = this.view;
    const socket = this.socket;
    if (!view || !socket || this.call) return;
    const call = new RtcCall({
      ...this.ice,
      send: (data: SignalData) => socket.send({ t: 'signal', data }),
      local: view.local,
      remote: view.remote,
      onMode: (mode) => {
        socket.send({ t: 'media', mode });
        this.showMode(mode);
        if (this.call === call) this.onCallCamera(mode === 'video' ? this.locale : null);
        // The kiosk has no camera or microphone: the agent's recorder gets nothing of the customer and
        // records nothing, so the indicator must not say it does.
        if (mode === 'text') this.view?.setRecorded(false);
      },
    });
    this.call = call;
    call.prepare();
    await call.offer();
    if (this.consented && this.call === call) await call.attachMedia();
  }

  private showMode(mode: MediaMode): void {
    if (mode === 'audio') this.view?.setState('handoff.audioOnly');
    if (mode === 'text') this.view?.setState('handoff.textOnly');
  }

  private closeMedia(): void {
    if (this.call) this.onCallCamera(null);
    this.call?.close();
    this.call = null;
  }

  private finish(outcome: HandoffOutcome): void {
    this.generation += 1;
    this.closeMedia();
    if (outcome !== 'ended') this.socket?.send({ t: 'cancel' });
    this.socket?.close();
    this.socket = null;
    this.view?.remove();
    this.view = null;
    this.consented = false;
    this.recorded = false;
    this.agentConnected = false;
    this.requeued = false;
    this.transferDesk = null;
    this.onFinished(outcome);
  }
}
