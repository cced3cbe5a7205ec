// The console's Calls tab: presence, the queues this agent's role serves (pushed by the hub), accept
// the next customer, the call itself (call-panel.ts, WebRTC in rtc-call.ts), recent tickets, and for
// supervisors the agents online and live alerts when a customer's cues stay negative. On a hub that
// records calls, the call is recorded here (call-recorder.ts) and uploaded as it goes. Listen-in: a
// supervisor listens to live calls here (listen-in-view.ts); the agent's side sends them the call
// (listen-in-host.ts).
import type {
  CallView,
  ClientSignal,
  IceServer,
  IceTransportPolicy,
  MediaMode,
  QueueEntryView,
  ServerSignal,
  SignalData,
} from '@branch/cloud-sync';
import { HANDOFF_WS_PATH } from '@branch/cloud-sync/wire';
import { el } from '../dom.ts';
import { RtcCall } from '../handoff/rtc-call.ts';
import { SignalSocket, sameOriginSignalUrl } from '../handoff/signal-socket.ts';
import { t, type Locale } from '../i18n/index.ts';
import { CallPanel } from './call-panel.ts';
import { CallDeskApi } from './call-desk-api.ts';
import { CallTools } from './call-tools.ts';
import { CallRecorder, recordingMimeType } from './call-recorder.ts';
import type { HubApi } from './hub-api.ts';
import { ListenInHost } from './listen-in-host.ts';
import { createListenInView } from './listen-in-view.ts';

export function createCallsView(api: HubApi, locale: Locale) {
  const root = el('main', { className: 'console calls', testid: 'calls-view' });
  const presence = el('select', { testid: 'presence-select' });
  for (const s of ['online', 'away'] as const)
    presence.append(Object.assign(el('option', { text: t(locale, `agent.presence.${s}`) }), { value: s }));
  const accept = el('button', {
    className: 'primary',
    testid: 'call-accept',
    text: t(locale, 'agent.accept'),
  });
  accept.type = 'button';
  const queue = el('ul', { className: 'rows', testid: 'queue-rows' });
  const queueEmpty = el('p', { className: 'empty', text: t(locale, 'agent.queueEmpty') });
  const staff = el('ul', { className: 'rows', testid: 'staff-rows' });
  const alerts = el('ul', { className: 'rows alerts', testid: 'alert-rows' });
  const tickets = el('ul', { className: 'rows', testid: 'ticket-rows' });
  const callSlot = el(
    'div',
    { className: 'call-slot' },
    el('p', { className: 'empty', text: t(locale, 'agent.call.none') }),
  );
  const supervisorOnly = el(
    'div',
    {},
    el('h3', { text: t(locale, 'agent.staff') }),
    staff,
    el('h3', { text: t(locale, 'agent.alerts') }),
    alerts,
  );
  root.append(
    el(
      'section',
      { className: 'box list' },
      el('label', {}, el('span', { text: t(locale, 'agent.presence') }), presence),
      el('h2', { text: t(locale, 'agent.queue') }),
      queueEmpty,
      queue,
      accept,
      supervisorOnly,
      el('h3', { text: t(locale, 'agent.tickets') }),
      tickets,
    ),
    callSlot,
  );
  root.hidden = true;

  let socket: SignalSocket | null = null;
  let panel: CallPanel | null = null;
  let tools: CallTools | null = null;
  const desk = new CallDeskApi(api);
  let call: RtcCall | null = null;
  let recorder: CallRecorder | null = null;
  /** What the customer's end sends ('media' messages): 'audio' when their camera is gone. */
  let customerMode: MediaMode = 'video';
  let ice: { iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy } = { iceServers: [] };
  // The kiosk may offer before this end has its camera: signals wait for the media.
  let pending: SignalData[] | null = null;

  const send = (msg: ClientSignal): void => socket?.send(msg);
  const listenView = createListenInView(api, locale, send, () => ice);
  supervisorOnly.append(listenView.root);
  const listenHost = new ListenInHost(send, {
    ice: () => ice,
    pc: () => call?.pc ?? null,
    customer: () => (panel?.remote.srcObject instanceof MediaStream ? panel.remote.srcObject : null),
    agent: () => call?.localStream ?? null,
    record: (voice) => recorder?.addVoice(voice),
    status: (key, name) => panel?.setStatus(t(locale, `agent.listen.host.${key}`, { name })),
  });

  const renderQueue = (waiting: QueueEntryView[], agents: { username: string; status: string }[]): void => {
    queueEmpty.hidden = waiting.length > 0;
    queue.replaceChildren(
      ...waiting.map((w) =>
        el('li', {
          className: w.negativeCue ? 'row urgent' : 'row',
          testid: 'queue-row',
          text: t(locale, 'agent.queueRow', {
            queue: w.queue,
            kiosk: w.kioskId,
            reason: w.reason,
            seconds: w.waitingS,
          }),
        }),
      ),
    );
    staff.replaceChildren(
      ...agents.map((a) => {
        const s = a.status === 'online' || a.status === 'away' || a.status === 'busy' ? a.status : null;
        return el('li', {
          className: 'row',
          text: `${a.username}: ${s ? t(locale, `agent.presence.${s}`) : a.status}`,
        });
      }),
    );
  };

  const refreshTickets = async (): Promise<void> => {
    const list = await api.tickets().catch(() => []);
    tickets.replaceChildren(
      ...list.map((k) =>
        el('li', {
          className: 'row',
          testid: 'ticket-row',
          text: `${k.id} · ${t(locale, `desk.status.${k.status}`)} · ${k.title}`,
        }),
      ),
    );
  };

  /**
   * Records the call once the customer's media flows: their video (frames decoded), or their voice only
   * when the kiosk said it fell back to audio.
   */
  const startRecording = (current: RtcCall, handoffId: string, remote: HTMLVideoElement): void => {
    const poll = setInterval(() => {
      if (call !== current) return clearInterval(poll);
      const customer = remote.srcObject;
      const video = Number(remote.dataset.framesDecoded ?? 0) > 0;
      if (!(customer instanceof MediaStream) || (!video && customerMode !== 'audio')) return;
      clearInterval(poll);
      const mimeType = recordingMimeType(video);
      if (!mimeType) return panel?.setStatus(t(locale, 'agent.call.recordingUnsupported'));
      recorder = new CallRecorder(
        customer,
        current.localStream,
        { mimeType, video },
        {
          chunk: (data) => api.uploadRecordingChunk(handoffId, data),
          finish: () => api.finishRecording(handoffId),
        },
      );
      remote.dataset.recording = video ? 'video' : 'audio';
      for (const voice of listenHost.speakingVoices) recorder.addVoice(voice);
    }, 250);
  };

  const endCall = (status: string | null): void => {
    listenHost.closeAll();
    void recorder?.stop();
    recorder = null;
    call?.close();
    call = null;
    // The call is over for this console: its tools would only be refused now.
    if (tools) tools.root.inert = true;
    tools = null;
    pending = null;
    if (status !== null) panel?.setStatus(status);
    accept.disabled = false;
  };

  const startCall = async (view: CallView, recording: boolean): Promise<void> => {
    // The call's own ICE servers: a TURN credential made out when the call was assigned.
    endCall(null);
    panel = new CallPanel(locale, view, send);
    const remote = panel.remote;
    tools = new CallTools(locale, view, send, desk, () => ({ local: call?.localStream ?? null, remote }));
    // The tools go above the notes and the end button (the panel's last part).
    panel.root.insertBefore(tools.root, panel.root.lastElementChild);
    callSlot.replaceChildren(panel.root);
    accept.disabled = true;
    customerMode = 'video';
    pending = [];
    const current = new RtcCall({
      ...ice,
      send: (data) => send({ t: 'signal', data }),
      local: panel.local,
      remote: panel.remote,
      onMode: (mode) => send({ t: 'media', mode }),
    });
    call = current;
    await current.attachMedia();
    if (recording && call === current) startRecording(current, view.handoffId, panel.remote);
    const waiting = pending ?? [];
    pending = null;
    for (const data of waiting) if (call === current) await current.signal(data);
  };

  const onSignal = async (m: ServerSignal): Promise<void> => {
    if (listenView.handle(m) || listenHost.handle(m)) return;
    switch (m.t) {
      case 'ready':
        ice = { iceServers: m.iceServers, iceTransportPolicy: m.iceTransportPolicy ?? 'all' };
        return;
      case 'queues':
        return renderQueue(m.waiting, m.agents);
      case 'alert':
        alerts.prepend(
          el('li', {
            className: 'row urgent',
            testid: 'supervisor-alert',
            text: `${m.kioskId}: ${m.message}`,
          }),
        );
        return;
      case 'assigned':
        ice = { iceServers: m.iceServers, iceTransportPolicy: m.iceTransportPolicy ?? 'all' };
        return startCall(m.call, m.recording === true);
      case 'signal':
        if (pending) pending.push(m.data);
        else await call?.signal(m.data);
        return;
      case 'chat':
        return panel?.addChat(m.from, m.text);
      case 'cue':
        return panel?.addCue(m.cue, m.negativeCue);
      case 'media':
        customerMode = m.mode;
        return panel?.setStatus(t(locale, 'agent.call.media', { mode: m.mode }));
      case 'article':
      case 'hold':
        return tools?.onSignal(m);
      case 'transferred':
        return endCall(tools?.transferredText(m) ?? null);
      case 'peer_left':
        return endCall(t(locale, 'agent.call.peerLeft'));
      case 'ended':
        endCall(t(locale, 'agent.call.ticket', { id: m.ticketId ?? '-' }));
        return refreshTickets();
      case 'error':
        panel?.setStatus(m.message);
        tools?.onError(m.message);
        return;
      default:
        return;
    }
  };

  accept.addEventListener('click', () => send({ t: 'accept' }));
  presence.addEventListener('change', () =>
    send({ t: 'presence', status: presence.value === 'away' ? 'away' : 'online' }),
  );

  return {
    root,
    /** Signed in: join the signalling socket (presence online) and load the tickets. */
    connect(): void {
      if (socket || !api.bearer) return;
      supervisorOnly.hidden = api.agent?.role !== 'supervisor';
      // The console handles a dropped socket itself (sign-in, the call's state): no silent reopen.
      socket = new SignalSocket(sameOriginSignalUrl(HANDOFF_WS_PATH), api.bearer, 0);
      socket.onMessage((m) => void onSignal(m));
      void refreshTickets();
      listenView.connect();
    },
    /** Signed out: leave the call and the socket (the hub re-queues a customer in a call). */
    disconnect(): void {
      endCall(null);
      listenView.disconnect();
      socket?.close();
      socket = null;
      panel = null;
      callSlot.replaceChildren(el('p', { className: 'empty', text: t(locale, 'agent.call.none') }));
    },
  };
}
