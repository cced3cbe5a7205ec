// One hub's live handoffs once requested: the messages of a call between its kiosk and its agent,
// accepting the next customer, the ends of a call (filed, cancelled, abandoned, a party gone), cues,
// and what every socket is told about the queues.
import type { ClientSignal, Cue, IceServer, IceTransportPolicy } from '../schema/handoff.ts';
import type { Hlc } from '../schema/hlc.ts';
import type { Logger } from '../logger.ts';
import type { HubStore } from '../hub/store/types.ts';
import { buildCallView, fileCallTicket, type HandoffRecord } from './call-records.ts';
import type { HandoffBounds } from './handoff-bounds.ts';
import type { HandoffOutcome, OutcomeLog } from './handoff-limits.ts';
import type { AgentParty, HandoffPeers } from './handoff-peers.ts';
import { priorityOf, type HandoffQueues } from './queue.ts';
import { send, type SignalPeer } from './signal-wire.ts';
import { recordCallEnd, recordCallEvent } from './call-events.ts';

export type Party = { kind: 'pending' } | { kind: 'kiosk'; handoffId: string } | AgentParty;

export interface HandoffCallsDeps {
  store: HubStore;
  hlc: Hlc;
  log: Logger;
  now: () => number;
  queues: HandoffQueues;
  handoffs: Map<string, HandoffRecord>;
  joinTokens: Map<string, string>;
  peers: HandoffPeers;
  outcomes: OutcomeLog;
  bounds: () => HandoffBounds;
  /** The ICE servers and transport policy for one party (a fresh TURN credential when TURN is set). */
  ice: (who: string) => Promise<{ iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy }>;
  /** Calls are recorded: the assigned agent's browser records and uploads this one. */
  recording?: boolean;
}

export class HandoffCalls {
  private readonly queues: HandoffQueues;
  private readonly handoffs: Map<string, HandoffRecord>;
  private readonly joinTokens: Map<string, string>;
  private readonly peers: HandoffPeers;
  private readonly kiosks: HandoffPeers['kiosks'];
  private readonly agents: HandoffPeers['agents'];
  private readonly outcomes: OutcomeLog;
  private readonly now: () => number;

  constructor(private readonly o: HandoffCallsDeps) {
    ({ queues: this.queues, handoffs: this.handoffs, joinTokens: this.joinTokens, peers: this.peers } = o);
    ({ outcomes: this.outcomes, now: this.now } = o);
    this.kiosks = o.peers.kiosks;
    this.agents = o.peers.agents;
  }

  /** Drops the waiting requests no kiosk socket claimed in time (handoff-bounds.ts); returns their ids. */
  dropUnclaimed(): string[] {
    return this.o.bounds().dropUnclaimed(this.now());
  }

  fromKiosk(peer: SignalPeer, handoffId: string, msg: ClientSignal): void {
    const h = this.handoffs.get(handoffId);
    if (!h) return send(peer, { t: 'error', code: 'ended', message: 'this handoff has ended' });
    const agent = this.peers.agentOf(h);
    switch (msg.t) {
      case 'signal':
      case 'media':
        if (!agent) return send(peer, { t: 'error', code: 'no_agent', message: 'no agent on this call yet' });
        return send(agent.peer, msg.t === 'signal' ? { t: 'signal', data: msg.data } : msg);
      case 'chat':
        if (!agent) return send(peer, { t: 'error', code: 'no_agent', message: 'no agent on this call yet' });
        return send(agent.peer, { t: 'chat', from: 'kiosk', text: msg.text });
      case 'cancel':
        return this.finish(h, null);
      case 'cue':
        return this.onCue(h, msg.cue ?? null, msg.negativeCue);
      default:
        return send(peer, { t: 'error', code: 'forbidden', message: `a kiosk may not send ${msg.t}` });
    }
  }

  async fromAgent(peer: SignalPeer, party: AgentParty, msg: ClientSignal): Promise<void> {
    if (msg.t === 'presence') {
      if (party.call === null) this.queues.setPresence(party.username, party.role, msg.status);
      return this.pushQueues();
    }
    if (msg.t === 'accept') return this.accept(peer, party);
    const h = party.call ? this.handoffs.get(party.call) : undefined;
    if (!h) return send(peer, { t: 'error', code: 'no_call', message: 'accept a handoff first' });
    const kiosk = this.kiosks.get(h.id);
    switch (msg.t) {
      case 'signal':
        return kiosk && send(kiosk, { t: 'signal', data: msg.data });
      case 'media':
        return kiosk && send(kiosk, msg);
      case 'chat':
        return kiosk && send(kiosk, { t: 'chat', from: 'agent', text: msg.text });
      case 'guide':
        return kiosk && send(kiosk, { t: 'guide', step: msg.step });
      case 'end': {
        const ticketId = await fileCallTicket(
          this.o.store,
          this.o.hlc,
          h,
          party.username,
          msg.notes,
          msg.resolved,
          new Date(this.now()),
        );
        return this.finish(h, ticketId);
      }
      default:
        return send(peer, { t: 'error', code: 'forbidden', message: `an agent may not send ${msg.t}` });
    }
  }

  private async accept(peer: SignalPeer, party: AgentParty): Promise<void> {
    if (party.call !== null)
      return send(peer, { t: 'error', code: 'busy', message: 'finish the current call first' });
    this.dropUnclaimed();
    const entry = this.queues.takeNext(party.role, this.now());
    const h = entry ? this.handoffs.get(entry.id) : undefined;
    if (!h) return send(peer, { t: 'error', code: 'queue_empty', message: 'no customer is waiting' });
    h.agent = party.username;
    h.acceptedAt = this.now();
    recordCallEvent(this.o.store, this.o.log, h, 'answered', h.acceptedAt, {
      waitMs: h.acceptedAt - h.enqueuedAt,
    });
    party.call = h.id;
    // The grant that opens this customer's conversation to this agent later (conversation-access.ts).
    await this.o.store.grantConversation(
      party.username,
      { conversationId: h.request.sessionId, kioskId: h.kioskId, handoffId: h.id },
      new Date(this.now()),
    );
    this.queues.setPresence(party.username, party.role, 'busy');
    send(peer, {
      t: 'assigned',
      call: await buildCallView(this.o.store, h),
      ...(await this.o.ice(party.username)),
      recording: this.o.recording === true,
    });
    h.agentName = (await this.o.store.getAgent(party.username))?.displayName ?? party.username;
    const kiosk = this.kiosks.get(h.id);
    if (kiosk) send(kiosk, { t: 'connected', agentName: h.agentName });
    this.o.log.info({ event: 'hub.handoff.accepted', handoffId: h.id, agent: party.username });
    this.pushQueues();
  }

  /** Ends a handoff (ticket filed, customer left, or cancelled): both ends are told, nothing is kept. */
  finish(h: HandoffRecord, ticketId: string | null, outcome?: HandoffOutcome): void {
    this.outcomes.set(h.id, outcome ?? { state: 'ended', at: this.now(), ticketId });
    recordCallEnd(this.o.store, this.o.log, h, this.now(), ticketId, outcome);
    this.handoffs.delete(h.id);
    if (this.handoffs.size === 0) this.o.bounds().stopSweep();
    this.queues.remove(h.id);
    for (const [hash, id] of this.joinTokens) if (id === h.id) this.joinTokens.delete(hash);
    const kiosk = this.kiosks.get(h.id);
    this.kiosks.delete(h.id);
    if (kiosk) send(kiosk, { t: 'ended', ticketId });
    const agent = this.peers.agentOf(h);
    if (agent && agent.party.call === h.id) {
      agent.party.call = null;
      this.queues.setPresence(agent.party.username, agent.party.role, 'online');
      send(agent.peer, ticketId === null ? { t: 'peer_left' } : { t: 'ended', ticketId });
    }
    if (h.acceptedAt !== null) this.queues.recordHandled((this.now() - h.acceptedAt) / 1000);
    this.pushQueues();
  }

  disconnect(peer: SignalPeer, party: Party): void {
    if (party.kind === 'kiosk') {
      if (this.kiosks.get(party.handoffId) !== peer) return;
      this.kiosks.delete(party.handoffId);
      const h = this.handoffs.get(party.handoffId);
      // The customer went away: a waiting request leaves the queue; in a call, the agent is told and
      // may still file notes.
      if (h) h.unclaimedSince = this.now();
      if (h && h.agent === null) this.finish(h, null);
      else if (h?.agent) {
        const agent = this.agents.get(h.agent);
        if (agent) send(agent.peer, { t: 'peer_left' });
      }
      return;
    }
    if (party.kind !== 'agent' || this.agents.get(party.username)?.peer !== peer) return;
    this.agents.delete(party.username);
    this.queues.setPresence(party.username, party.role, null);
    const h = party.call ? this.handoffs.get(party.call) : undefined;
    if (h) {
      // The agent dropped mid-call: the customer goes back to the front of the same queue.
      if (h.acceptedAt !== null)
        recordCallEvent(this.o.store, this.o.log, h, 'requeued', this.now(), {
          handleMs: this.now() - h.acceptedAt,
        });
      h.agent = null;
      h.agentName = null;
      h.acceptedAt = null;
      this.queues.enqueue({ id: h.id, queue: h.queue, enqueuedAt: h.enqueuedAt, priority: h.priority });
      const kiosk = this.kiosks.get(h.id);
      const now = this.now();
      if (kiosk)
        send(kiosk, {
          t: 'requeued',
          position: this.queues.position(h.id, now),
          estimatedWaitS: this.queues.estimatedWaitS(h.id, now),
        });
      this.o.log.warn({ event: 'hub.handoff.requeued', handoffId: h.id, agent: party.username });
    }
    this.pushQueues();
  }

  pushPosition(handoffId: string): void {
    this.peers.pushPosition(handoffId, this.now());
  }

  pushQueues(): void {
    this.peers.pushQueues(this.now());
  }

  /** A cue from the kiosk: kept on the call, shown to its agent; turning negative boosts and alerts. */
  private onCue(h: HandoffRecord, cue: Cue | null, negativeCue: boolean): void {
    const was = h.request.negativeCue ?? false;
    h.request = {
      ...h.request,
      negativeCue,
      ...(cue ? { cues: [...(h.request.cues ?? []), cue].slice(-200) } : {}),
    };
    const agent = this.peers.agentOf(h);
    if (agent) send(agent.peer, { t: 'cue', cue, negativeCue });
    if (negativeCue === was) return;
    if (negativeCue) this.alert(h, "the customer's cues have stayed negative");
    h.priority = priorityOf(h.request.priorityBoost, negativeCue);
    if (this.queues.remove(h.id)) {
      this.queues.enqueue({ id: h.id, queue: h.queue, enqueuedAt: h.enqueuedAt, priority: h.priority });
      this.pushQueues();
    }
  }

  alert(h: HandoffRecord, message: string): void {
    this.peers.alertSupervisors(h, message);
  }
}
