// The lifecycle of a handoff once requested, over the shared store: enqueue, accept (an atomic claim),
// the messages of a call between its kiosk and its agent (wherever each socket is), requeue when the
// agent drops, and finish (filed, cancelled, abandoned). Each lifecycle point is one method here, so
// that what must happen at it (an event log, a wallboard) hooks in at one place.
import type { ClientSignal, Cue, IceServer, IceTransportPolicy, ServerSignal } from '../schema/handoff.ts';
import type { Hlc } from '../schema/hlc.ts';
import type { Logger } from '../logger.ts';
import type { HubStore } from '../hub/store/types.ts';
import { buildCallView, fileCallTicket, type HandoffRecord } from './call-records.ts';
import type { HandoffBus } from './handoff-bus.ts';
import type { HandoffOutcome } from './handoff-limits.ts';
import type { AgentParty, HandoffPeers } from './handoff-peers.ts';
import { priorityOf, SKILLS } from './queue.ts';
import { send, type SignalPeer } from './signal-wire.ts';
import { recordCallEnd, recordCallEvent } from './call-events.ts';
import { callDeskMessage, isCallDeskMessage } from './call-desk.ts';

export type Party = { kind: 'pending' } | { kind: 'kiosk'; handoffId: string } | AgentParty;

export interface HandoffCallsDeps {
  store: HubStore;
  hlc: Hlc;
  log: Logger;
  now: () => number;
  bus: HandoffBus;
  peers: HandoffPeers;
  /** This hub instance (presence rows name it). */
  instance: string;
  /** The ICE servers and transport policy for one party (a fresh TURN credential when TURN is set). */
  ice: (who: string) => Promise<{ iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy }>;
  /** Calls are recorded: the assigned agent's browser records and uploads this one. */
  recording?: boolean;
  /** Runs before each accept: ghosts leave the queue first, so no agent accepts one. */
  beforeAccept: () => Promise<unknown>;
}

export class HandoffCalls {
  private readonly rows: HubStore['handoffs'];

  constructor(private readonly o: HandoffCallsDeps) {
    this.rows = o.store.handoffs;
  }

  private toKiosk(handoffId: string, msg: ServerSignal, end?: boolean): void {
    this.o.bus.publish({ k: 'kiosk', handoffId, msg, ...(end ? { end } : {}) });
  }

  private toAgent(handoffId: string, msg: ServerSignal, release?: boolean): void {
    this.o.bus.publish({ k: 'agent', handoffId, msg, ...(release ? { release } : {}) });
  }

  /** Enqueue: the request waits in its queue; false when the kiosk already holds `maxOpen` open ones. */
  async enqueue(record: HandoffRecord, tokenHash: string, maxOpen: number): Promise<boolean> {
    if (!(await this.rows.open(record, tokenHash, maxOpen))) return false;
    recordCallEvent(this.o.store, this.o.log, record, 'enqueued', record.enqueuedAt);
    this.o.log.info({
      event: 'hub.handoff.queued',
      handoffId: record.id,
      kioskId: record.kioskId,
      queue: record.queue,
    });
    if (record.request.negativeCue) this.alert(record, 'the customer has shown a sustained negative emotion');
    this.pushQueues();
    return true;
  }

  async fromKiosk(peer: SignalPeer, handoffId: string, msg: ClientSignal): Promise<void> {
    // The call's own traffic is relayed on what this socket heard (is an agent on it?), without a read.
    const local = this.o.peers.kiosks.get(handoffId);
    if (local?.peer === peer && local.agent && (msg.t === 'signal' || msg.t === 'media'))
      return this.toAgent(handoffId, msg.t === 'signal' ? { t: 'signal', data: msg.data } : msg);
    const h = await this.rows.get(handoffId);
    if (!h || (h.state !== 'waiting' && h.state !== 'in_call'))
      return send(peer, { t: 'error', code: 'ended', message: 'this handoff has ended' });
    const noAgent = (): void =>
      send(peer, { t: 'error', code: 'no_agent', message: 'no agent on this call yet' });
    switch (msg.t) {
      case 'signal':
      case 'media':
        if (!h.agent) return noAgent();
        return this.toAgent(h.id, msg.t === 'signal' ? { t: 'signal', data: msg.data } : msg);
      case 'chat':
        if (!h.agent) return noAgent();
        return this.toAgent(h.id, { t: 'chat', from: 'kiosk', text: msg.text });
      case 'cancel':
        await this.finish(h.id, null);
        return;
      case 'cue':
        return this.onCue(h, msg.cue ?? null, msg.negativeCue);
      default:
        return send(peer, { t: 'error', code: 'forbidden', message: `a kiosk may not send ${msg.t}` });
    }
  }

  async fromAgent(peer: SignalPeer, party: AgentParty, msg: ClientSignal): Promise<void> {
    if (msg.t === 'presence') {
      if (party.call === null) await this.setPresence(party, msg.status);
      return this.pushQueues();
    }
    if (msg.t === 'accept') return this.accept(peer, party);
    const call = party.call;
    if (call === null) return send(peer, { t: 'error', code: 'no_call', message: 'accept a handoff first' });
    if (isCallDeskMessage(msg)) return callDeskMessage(this.o, peer, party, call, msg);
    switch (msg.t) {
      case 'signal':
        return this.toKiosk(call, { t: 'signal', data: msg.data });
      case 'media':
        return this.toKiosk(call, msg);
      case 'chat':
        return this.toKiosk(call, { t: 'chat', from: 'agent', text: msg.text });
      case 'guide':
        return this.toKiosk(call, { t: 'guide', step: msg.step });
      case 'end': {
        const h = await this.rows.get(call);
        if (!h || h.state !== 'in_call')
          return send(peer, { t: 'error', code: 'no_call', message: 'accept a handoff first' });
        const at = new Date(this.o.now());
        const ticketId = await fileCallTicket(
          this.o.store,
          this.o.hlc,
          h,
          party.username,
          msg.notes,
          msg.resolved,
          at,
        );
        await this.finish(h.id, ticketId);
        return;
      }
      default:
        return send(peer, { t: 'error', code: 'forbidden', message: `an agent may not send ${msg.t}` });
    }
  }

  /** Accept: claims the best waiting customer this agent's skills serve, atomically across instances. */
  async accept(peer: SignalPeer, party: AgentParty): Promise<void> {
    if (party.call !== null)
      return send(peer, { t: 'error', code: 'busy', message: 'finish the current call first' });
    await this.o.beforeAccept();
    const now = this.o.now();
    const h = await this.rows.claim(SKILLS[party.role], party.username, this.o.instance, now);
    if (!h) return send(peer, { t: 'error', code: 'queue_empty', message: 'no customer is waiting' });
    // A transferred call's new desk counts its wait from the transfer (its place in line is older).
    const waitMs = now - (h.transfer?.at ?? h.enqueuedAt);
    recordCallEvent(this.o.store, this.o.log, h, 'answered', now, { waitMs });
    party.call = h.id;
    // The grant that opens this customer's conversation to this agent later (conversation-access.ts).
    await this.o.store.grantConversation(
      party.username,
      { conversationId: h.request.sessionId, kioskId: h.kioskId, handoffId: h.id },
      new Date(now),
    );
    send(peer, {
      t: 'assigned',
      call: await buildCallView(this.o.store, h),
      ...(await this.o.ice(party.username)),
      recording: this.o.recording === true,
    });
    const agentName = (await this.o.store.getAgent(party.username))?.displayName ?? party.username;
    await this.rows.setAgentName(h.id, agentName);
    this.toKiosk(h.id, { t: 'connected', agentName });
    this.o.log.info({ event: 'hub.handoff.accepted', handoffId: h.id, agent: party.username });
    this.pushQueues();
  }

  /**
   * Finish: ends a handoff (ticket filed, customer left or cancelled, or abandoned): both ends are told,
   * the token is spent, the row says how it ended. Only the first finish of a handoff does anything.
   */
  async finish(handoffId: string, ticketId: string | null, outcome?: HandoffOutcome): Promise<boolean> {
    const now = this.o.now();
    const h = await this.rows.finish(handoffId, outcome ?? { state: 'ended', at: now, ticketId });
    if (!h) return false;
    recordCallEnd(this.o.store, this.o.log, h, now, ticketId, outcome);
    this.toKiosk(h.id, { t: 'ended', ticketId }, true);
    if (h.agent) this.toAgent(h.id, ticketId === null ? { t: 'peer_left' } : { t: 'ended', ticketId }, true);
    if (h.acceptedAt !== null) await this.rows.recordHandled((now - h.acceptedAt) / 1000);
    this.pushQueues();
    return true;
  }

  /** Requeue: the agent dropped mid-call; the customer goes back to the front of the same queue. */
  async requeue(handoffId: string, agent: string): Promise<void> {
    const before = await this.rows.get(handoffId);
    const h = await this.rows.requeue(handoffId, agent);
    if (!h) return;
    const now = this.o.now();
    const acceptedAt = before?.acceptedAt ?? null;
    if (acceptedAt !== null)
      recordCallEvent(this.o.store, this.o.log, h, 'requeued', now, { agent, handleMs: now - acceptedAt });
    const { queues } = await this.o.peers.queues();
    this.toKiosk(handoffId, {
      t: 'requeued',
      position: queues.position(handoffId, now),
      estimatedWaitS: queues.estimatedWaitS(handoffId, now),
    });
    this.o.log.warn({ event: 'hub.handoff.requeued', handoffId, agent });
    this.pushQueues();
  }

  /** A socket closed. While the hub stops, nothing changes: the handoffs wait for their reconnect. */
  async disconnect(peer: SignalPeer, party: Party, stopping: boolean): Promise<void> {
    const { kiosks, agents } = this.o.peers;
    if (party.kind === 'kiosk') {
      if (kiosks.get(party.handoffId)?.peer !== peer) return;
      kiosks.delete(party.handoffId);
      if (stopping) return;
      // The customer may come back with the join token (same place in line); if not, the sweep
      // abandons a waiting request after unclaimedMs. In a call, the agent is told.
      await this.rows.kioskSeen([party.handoffId], this.o.now(), false);
      const h = await this.rows.get(party.handoffId);
      if (h?.state === 'in_call') this.toAgent(h.id, { t: 'peer_left' });
      return;
    }
    if (party.kind !== 'agent' || agents.get(party.username)?.peer !== peer) return;
    agents.delete(party.username);
    if (stopping) return;
    await this.rows.removePresence(party.username, this.o.instance);
    if (party.call) await this.requeue(party.call, party.username);
    this.pushQueues();
  }

  async setPresence(party: AgentParty, status: 'online' | 'busy' | 'away'): Promise<void> {
    await this.rows.setPresence(party.username, party.role, status, this.o.instance, this.o.now());
  }

  /** Every instance tells its sockets about the queues again. */
  pushQueues(): void {
    this.o.bus.publish({ k: 'queues' });
  }

  /** A cue from the kiosk: kept on the call, shown to its agent; turning negative boosts and alerts. */
  private async onCue(h: HandoffRecord, cue: Cue | null, negativeCue: boolean): Promise<void> {
    const was = h.request.negativeCue ?? false;
    const request = {
      ...h.request,
      negativeCue,
      ...(cue ? { cues: [...(h.request.cues ?? []), cue].slice(-200) } : {}),
    };
    const priority = priorityOf(request.priorityBoost, negativeCue);
    await this.rows.setRequest(h.id, request, priority, h.enqueuedAt);
    if (h.agent) this.toAgent(h.id, { t: 'cue', cue, negativeCue });
    if (negativeCue === was) return;
    if (negativeCue) this.alert(h, "the customer's cues have stayed negative");
    this.pushQueues();
  }

  alert(h: HandoffRecord, message: string): void {
    this.o.bus.publish({
      k: 'supervisors',
      msg: { t: 'alert', handoffId: h.id, kioskId: h.kioskId, message },
    });
  }
}
