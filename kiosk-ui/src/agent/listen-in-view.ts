// The supervisor's listen-in on the Calls tab: the live calls (polled from the hub while signed in as a
// supervisor), Listen on one (the hub audits it and asks the agent's browser to send the call here),
// the customer's video and both voices, then Step in (the microphone opens first; only then does the
// hub tell the customer) and Leave. Listening alone is not shown to the customer.
import type {
  ClientSignal,
  IceServer,
  IceTransportPolicy,
  LiveCallView,
  ServerSignal,
} from '@branch/cloud-sync';
import { HUB_PATHS } from '@branch/cloud-sync/wire';
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { HubApi } from './hub-api.ts';
import { ListenInListener } from './listen-in-listener.ts';

const POLL_MS = 3000;
const BASE = `${HUB_PATHS.agentSupervisor}/calls`;

export function createListenInView(
  api: HubApi,
  locale: Locale,
  send: (msg: ClientSignal) => void,
  ice: () => { iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy },
) {
  const rows = el('ul', { className: 'rows', testid: 'live-call-rows' });
  const empty = el('p', { className: 'empty', text: t(locale, 'agent.listen.none') });
  const status = el('p', { className: 'call-status', testid: 'listen-status' });
  const customer = el('video', { className: 'listen-customer', testid: 'listen-customer-video' });
  customer.autoplay = true;
  customer.playsInline = true;
  const agentVoice = el('audio', { testid: 'listen-agent-audio' });
  agentVoice.autoplay = true;
  const button = (key: 'agent.listen.stepIn' | 'agent.listen.leave', testid: string) => {
    const b = el('button', { className: 'secondary', testid, text: t(locale, key) });
    b.type = 'button';
    return b;
  };
  const stepIn = button('agent.listen.stepIn', 'listen-step-in');
  const leave = button('agent.listen.leave', 'listen-leave');
  const panel = el(
    'div',
    { className: 'listen-panel', testid: 'listen-panel' },
    customer,
    agentVoice,
    status,
    stepIn,
    leave,
  );
  panel.hidden = true;
  const root = el(
    'div',
    { className: 'listen-in', testid: 'listen-in' },
    el('h3', { text: t(locale, 'agent.listen.heading') }),
    empty,
    rows,
    panel,
  );

  let listener: ListenInListener | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stop = (note: string | null): void => {
    const was = listener;
    listener = null;
    if (was) {
      // Tell the agent's side (and the kiosk, if they had stepped in) unless the call is gone already.
      send({ t: 'listen_end', handoffId: was.handoffId });
      was.close();
    }
    panel.hidden = note === null;
    stepIn.disabled = false;
    if (note !== null) status.textContent = note;
  };

  const listen = async (call: LiveCallView): Promise<void> => {
    stop(null);
    const current = new ListenInListener(call.handoffId, ice(), send, { customer, agent: agentVoice }, () => {
      if (listener === current) stop(t(locale, 'agent.listen.ended'));
    });
    listener = current;
    panel.hidden = false;
    status.textContent = t(locale, 'agent.listen.connecting', { kiosk: call.kioskId });
    try {
      await api.request('POST', `${BASE}/${encodeURIComponent(call.handoffId)}/listen`);
    } catch (err) {
      if (listener === current) stop(t(locale, 'agent.listen.failed', { reason: (err as Error).message }));
      return;
    }
    if (listener === current)
      status.textContent = t(locale, 'agent.listen.listening', {
        kiosk: call.kioskId,
        agent: call.agentName ?? call.agent,
      });
  };

  const render = (calls: LiveCallView[]): void => {
    empty.hidden = calls.length > 0;
    rows.replaceChildren(
      ...calls.map((c) => {
        const go = el('button', {
          className: 'secondary',
          testid: 'listen-call',
          text: t(locale, 'agent.listen.start'),
        });
        go.type = 'button';
        go.addEventListener('click', () => void listen(c));
        const since = c.acceptedAt.slice(11, 19);
        const text = t(locale, 'agent.listen.row', {
          kiosk: c.kioskId,
          agent: c.agentName ?? c.agent,
          since,
        });
        const row = el('li', { className: 'row', testid: 'live-call-row' }, el('span', { text }), go);
        row.dataset.handoffId = c.handoffId;
        return row;
      }),
    );
    // The call listened to has ended (it left the hub's list): so has the listen-in.
    if (listener && !calls.some((c) => c.handoffId === listener?.handoffId))
      stop(t(locale, 'agent.listen.ended'));
  };

  const poll = async (): Promise<void> => {
    const answer = await api.request<{ calls: LiveCallView[] }>('GET', `${BASE}/live`).catch(() => null);
    if (answer && timer !== null) render(answer.calls);
  };

  stepIn.addEventListener('click', () => {
    const current = listener;
    if (!current) return;
    stepIn.disabled = true;
    void (async () => {
      try {
        // The microphone first: the customer is told only once the supervisor can really be heard.
        await current.openMicrophone();
        await api.request('POST', `${BASE}/${encodeURIComponent(current.handoffId)}/step-in`);
        if (listener === current) status.textContent = t(locale, 'agent.listen.speaking');
      } catch (err) {
        if (listener === current) stop(t(locale, 'agent.listen.failed', { reason: (err as Error).message }));
      }
    })();
  });
  leave.addEventListener('click', () => stop(t(locale, 'agent.listen.left')));

  return {
    root,
    /** A listen-in message for this supervisor's listen-in; false for any other (the host's). */
    handle(m: ServerSignal): boolean {
      if ((m.t !== 'listen_signal' && m.t !== 'listen_end') || listener?.handoffId !== m.handoffId)
        return false;
      // From the agent on the call listened to (a listen_signal) or its side closing (a listen_end).
      if (m.t === 'listen_signal') void listener.signal(m.data).catch(() => undefined);
      else {
        listener.close();
        listener = null;
        stop(t(locale, 'agent.listen.ended'));
      }
      return true;
    },
    /** Signed in as a supervisor: poll the live calls. */
    connect(): void {
      root.hidden = api.agent?.role !== 'supervisor';
      if (root.hidden || timer !== null) return;
      timer = setInterval(() => void poll(), POLL_MS);
      void poll();
    },
    disconnect(): void {
      if (timer !== null) clearInterval(timer);
      timer = null;
      stop(null);
      rows.replaceChildren();
    },
  };
}
