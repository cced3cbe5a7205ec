// Listen-in at the hub: a supervisor joins a live call receive-only, then may step in. The hub keeps
// no listen-in state of its own: it checks who asks (supervisors only; the agent only for its own
// call), writes the audit log, and relays each message over the handoff bus, so it reaches a socket
// held by any instance (LISTEN/NOTIFY on PostgreSQL), as the call's own signalling does. The media
// never passes the hub: the agent's browser sends the call to the supervisor's (schema/listen-in.ts).
import type { Logger } from '../logger.ts';
import type { ServerSignal } from '../schema/handoff.ts';
import type { ListenInAnswer, LiveCallView } from '../schema/listen-in.ts';
import { audit } from '../hub/audit.ts';
import type { HubStore } from '../hub/store/types.ts';
import type { HandoffBus, HandoffNote } from './handoff-bus.ts';
import type { AgentParty, HandoffPeers } from './handoff-peers.ts';
import { send, type SignalPeer } from './signal-wire.ts';
import { LISTENER_ROLE, listenRoute, type ListenMessage } from './listen-route.ts';

/** Why a start or a step-in was refused: the HTTP status and code the route answers with. */
export class ListenInRefused extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ListenInDeps {
  store: HubStore;
  bus: HandoffBus;
  peers: HandoffPeers;
  log: Logger;
  now: () => number;
}

export class ListenIn {
  private readonly unsubscribe: () => void;
  /** The call each supervisor on this instance's sockets listens to, learnt from their own messages. */
  private readonly listening = new Map<string, string>();

  constructor(private readonly o: ListenInDeps) {
    this.unsubscribe = o.bus.subscribe((note) => this.onNote(note));
  }

  /** The calls agents are on now, in every instance (store rows). */
  async live(): Promise<LiveCallView[]> {
    return (await this.o.store.handoffs.live()).flatMap((h) =>
      h.agent === null || h.acceptedAt === null
        ? []
        : [
            {
              handoffId: h.id,
              kioskId: h.kioskId,
              queue: h.queue,
              locale: h.request.locale,
              agent: h.agent,
              agentName: h.agentName,
              acceptedAt: new Date(h.acceptedAt).toISOString(),
            },
          ],
    );
  }

  /** A supervisor starts listening: audited, then the call's agent is asked to offer them its media. */
  async start(supervisor: { username: string; role: string }, handoffId: string): Promise<ListenInAnswer> {
    const call = await this.liveCall(supervisor, handoffId);
    await this.audit('call.listen', supervisor.username, call);
    const supervisorName = await this.nameOf(supervisor.username);
    this.toAgent(handoffId, {
      t: 'listen_start',
      handoffId,
      supervisor: supervisor.username,
      supervisorName,
    });
    this.o.log.info({ event: 'hub.handoff.listen', handoffId, supervisor: supervisor.username });
    return call;
  }

  /**
   * The supervisor steps in: audited; the agent's browser mixes their voice into what the customer
   * hears, and the kiosk is told (only now: listening alone is not announced, as the issue asks).
   */
  async stepIn(supervisor: { username: string; role: string }, handoffId: string): Promise<ListenInAnswer> {
    const call = await this.liveCall(supervisor, handoffId);
    await this.audit('call.step_in', supervisor.username, call);
    this.toAgent(handoffId, { t: 'listen_step_in', handoffId, supervisor: supervisor.username });
    this.toKiosk(handoffId, { t: 'supervisor_joined', name: await this.nameOf(supervisor.username) });
    this.o.log.info({ event: 'hub.handoff.step_in', handoffId, supervisor: supervisor.username });
    return call;
  }

  /**
   * A listen-in message on a signalling socket. From the call's own agent (naming its call and `to`):
   * to that supervisor. From a supervisor: to the agent on the call it names. Anyone else: refused.
   */
  async fromStaff(peer: SignalPeer, party: AgentParty, msg: ListenMessage): Promise<void> {
    const { handoffId } = msg;
    const route = listenRoute(party, msg);
    if (route.to === 'refused')
      return send(peer, {
        t: 'error',
        code: 'forbidden',
        message: 'only a supervisor may listen in, and an agent only answers on its own call',
      });
    const { supervisor } = route;
    if (route.to === 'agent' && msg.t === 'listen_signal') this.listening.set(supervisor, handoffId);
    if (msg.t === 'listen_end') this.listening.delete(supervisor);
    const toOther = (m: ServerSignal): void =>
      route.to === 'supervisor' ? this.toSupervisor(supervisor, m) : this.toAgent(handoffId, m);
    if (msg.t === 'listen_signal')
      return toOther({ t: 'listen_signal', handoffId, from: party.username, data: msg.data });
    toOther({ t: 'listen_end', handoffId, supervisor });
    this.toKiosk(handoffId, { t: 'supervisor_left', name: await this.nameOf(supervisor) });
  }

  /**
   * A staff socket on this instance closed: a supervisor listening through it has gone, so the agent's
   * side closes and the kiosk stops saying they are there (without waiting for WebRTC to time out).
   */
  async socketClosed(username: string): Promise<void> {
    const handoffId = this.listening.get(username);
    if (handoffId === undefined) return;
    this.listening.delete(username);
    this.toAgent(handoffId, { t: 'listen_end', handoffId, supervisor: username });
    this.toKiosk(handoffId, { t: 'supervisor_left', name: await this.nameOf(username) });
  }

  stop(): void {
    this.unsubscribe();
  }

  private async liveCall(
    who: { username: string; role: string },
    handoffId: string,
  ): Promise<ListenInAnswer> {
    if (who.role !== LISTENER_ROLE)
      throw new ListenInRefused(
        403,
        'forbidden',
        `listening in needs the supervisor role (you are ${who.role})`,
      );
    const h = await this.o.store.handoffs.get(handoffId);
    if (!h || h.state !== 'in_call' || h.agent === null)
      throw new ListenInRefused(404, 'not_found', 'no live call with this id');
    if (h.agent === who.username)
      throw new ListenInRefused(409, 'own_call', 'this is your own call: you are on it already');
    return { handoffId: h.id, agent: h.agent, kioskId: h.kioskId };
  }

  private audit(action: 'call.listen' | 'call.step_in', actor: string, call: ListenInAnswer): Promise<void> {
    const at = new Date(this.o.now());
    const detail = `agent ${call.agent}`;
    return audit(this.o.store, { actor, action, subject: call.handoffId, kioskId: call.kioskId, detail }, at);
  }

  private async nameOf(username: string): Promise<string> {
    return (await this.o.store.getAgent(username))?.displayName ?? username;
  }

  private toAgent(handoffId: string, msg: ServerSignal): void {
    this.o.bus.publish({ k: 'agent', handoffId, msg });
  }

  private toKiosk(handoffId: string, msg: ServerSignal): void {
    this.o.bus.publish({ k: 'kiosk', handoffId, msg });
  }

  private toSupervisor(username: string, msg: ServerSignal): void {
    this.o.bus.publish({ k: 'supervisor', username, msg });
  }

  /** A note for one supervisor: told if their socket is on this instance and they are a supervisor. */
  private onNote(note: HandoffNote): void {
    if (note.k !== 'supervisor') return;
    const held = this.o.peers.agents.get(note.username);
    if (held?.party.role === LISTENER_ROLE) send(held.peer, note.msg);
  }
}
