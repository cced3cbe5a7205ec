// The hub's handoff core: accepts kiosks' requests, routes them into skill queues, and relays one
// call's signalling between exactly two sockets (the kiosk holding that handoff's join token and the
// agent it is assigned to). Web-standard only: the Node and Deno entries hand it their sockets.
import { ulid } from 'ulid';
import type { Logger } from '../logger.ts';
import { HANDOFF_WS_PATH } from '../wire.ts';
import {
  type ClientSignal,
  type Cue,
  type HandoffAccepted,
  type HandoffRequest,
  type IceServer,
} from '../schema/handoff.ts';
import type { Hlc } from '../schema/hlc.ts';
import { randomToken, sha256Hex } from '../hub/crypto.ts';
import type { HubStore } from '../hub/store/types.ts';
import { buildCallView, fileCallTicket, type HandoffRecord } from './call-records.ts';
import { HandoffBounds } from './handoff-bounds.ts';
import { OutcomeLog, resolveLimits, type HandoffLimits, type HandoffOutcome } from './handoff-limits.ts';
import { HandoffQueues, priorityOf, type AgentRole } from './queue.ts';
import { queueRows } from './queue-rows.ts';
import { AgentSessionWatch } from './session-watch.ts';
import { currentRules, routeHandoff } from './routing.ts';
import { send, serialConnection, type SignalConnection, type SignalPeer } from './signal-wire.ts';

export type { SignalConnection, SignalPeer };

export interface HandoffHubOptions {
  store: HubStore;
  hlc: Hlc;
  log: Logger;
  iceServers?: IceServer[];
  now?: () => number;
  /** A socket that has not authenticated by then is closed. Default 10 s. */
  authTimeoutMs?: number;
  /** How often open agent sockets' sessions are re-checked. Default 30 s. */
  sessionRecheckMs?: number;
  /** Unclaimed-request timeout and per-kiosk limits (handoff-limits.ts); defaults there. */
  limits?: Partial<HandoffLimits>;
}

type Party =
  | { kind: 'pending' }
  | { kind: 'kiosk'; handoffId: string }
  | { kind: 'agent'; username: string; role: AgentRole; call: string | null };

export class HandoffHub {
  readonly queues = new HandoffQueues();
  private readonly handoffs = new Map<string, HandoffRecord>();
  private readonly joinTokens = new Map<string, string>();
  private readonly kiosks = new Map<string, SignalPeer>();
  private readonly agents = new Map<string, { peer: SignalPeer; party: Party & { kind: 'agent' } }>();
  private readonly now: () => number;
  private readonly outcomes = new OutcomeLog();
  private readonly bounds: HandoffBounds;

  /** Closes agent sockets whose console session was signed out, replaced or expired. */
  readonly sessions: AgentSessionWatch;

  constructor(private readonly o: HandoffHubOptions) {
    this.now = o.now ?? Date.now;
    this.bounds = new HandoffBounds(
      resolveLimits(o.limits),
      this.handoffs,
      (id) => this.kiosks.has(id),
      (h, outcome) => {
        o.log.warn({ event: 'hub.handoff.abandoned', handoffId: h.id, kioskId: h.kioskId, ...outcome });
        this.finish(h, null, outcome);
      },
    );
    this.sessions = new AgentSessionWatch(o.store, this.now, o.sessionRecheckMs ?? 30_000, (err) =>
      o.log.error({ event: 'hub.handoff.session_check_failed', err: err.message }),
    );
  }

  /** Routes a kiosk's request; queued ones get a join token for this one handoff. */
  async request(kioskId: string, req: HandoffRequest): Promise<HandoffAccepted> {
    this.bounds.checkRequest(kioskId, this.now());
    const page = await this.o.store.settingsSince(kioskId, '', 1000);
    const rules = currentRules(page.docs.flatMap((d) => (d.kind === 'routing_rule' ? [d.doc] : [])));
    const decision = routeHandoff(rules, req);
    if (decision.route === 'bot') return { queued: false, route: 'bot', ruleId: decision.ruleId };
    const id = ulid();
    const token = randomToken();
    const record: HandoffRecord = {
      id,
      kioskId,
      queue: decision.route,
      request: req,
      enqueuedAt: this.now(),
      priority: priorityOf(req.priorityBoost, req.negativeCue),
      agent: null,
      agentName: null,
      acceptedAt: null,
      claimed: false,
      unclaimedSince: this.now(),
    };
    // Checked after the awaits above, so two concurrent requests cannot both take the last room.
    this.bounds.assertRoom(kioskId);
    this.handoffs.set(id, record);
    this.bounds.startSweep(() => this.dropUnclaimed());
    this.joinTokens.set(await sha256Hex(token), id);
    this.queues.enqueue({
      id,
      queue: record.queue,
      enqueuedAt: record.enqueuedAt,
      priority: record.priority,
    });
    this.o.log.info({ event: 'hub.handoff.queued', handoffId: id, kioskId, queue: record.queue });
    if (req.negativeCue) this.alert(record, 'the customer has shown a sustained negative emotion');
    this.pushQueues();
    return {
      queued: true,
      handoffId: id,
      route: decision.route,
      ruleId: decision.ruleId,
      joinToken: token,
      signalPath: HANDOFF_WS_PATH,
      iceServers: this.o.iceServers ?? [],
      position: this.queues.position(id, this.now()),
      estimatedWaitS: this.queues.estimatedWaitS(id, this.now()),
    };
  }

  /** A new socket: it must send `auth` first; its messages are handled one at a time, in order. */
  connect(peer: SignalPeer): SignalConnection {
    return serialConnection<Party>(peer, {
      authTimeoutMs: this.o.authTimeoutMs ?? 10_000,
      authenticate: async (token) => {
        const party = await this.authenticate(peer, token);
        return party.kind === 'pending' ? null : party;
      },
      handle: (party, msg) => this.handle(peer, party, msg),
      closed: (party) => this.disconnect(peer, party ?? { kind: 'pending' }),
      failed: (err) => this.o.log.error({ event: 'hub.handoff.error', err: err.message }),
    });
  }

  private async authenticate(peer: SignalPeer, token: string): Promise<Party> {
    const hash = await sha256Hex(token);
    const handoffId = this.joinTokens.get(hash);
    if (handoffId && this.handoffs.has(handoffId)) {
      // One kiosk socket per handoff: a reconnect replaces the old one.
      this.kiosks.get(handoffId)?.close(4409, 'replaced by a new connection');
      this.kiosks.set(handoffId, peer);
      send(peer, { t: 'ready', as: 'kiosk', handoffId, iceServers: this.o.iceServers ?? [] });
      // An agent may have accepted before the kiosk's socket was up: tell it now.
      const h = this.handoffs.get(handoffId);
      if (h) Object.assign(h, { claimed: true, unclaimedSince: null });
      if (h?.agentName) send(peer, { t: 'connected', agentName: h.agentName });
      this.pushPosition(handoffId);
      return { kind: 'kiosk', handoffId };
    }
    const session = await this.o.store.findSession(hash, new Date(this.now()));
    if (!session) return { kind: 'pending' };
    this.sessions.add(peer, hash);
    const party = { kind: 'agent' as const, username: session.username, role: session.role, call: null };
    this.agents.get(session.username)?.peer.close(4409, 'replaced by a new connection');
    this.agents.set(session.username, { peer, party });
    this.queues.setPresence(session.username, session.role, 'online');
    send(peer, {
      t: 'ready',
      as: 'agent',
      username: session.username,
      role: session.role,
      iceServers: this.o.iceServers ?? [],
    });
    this.pushQueues();
    return party;
  }

  private async handle(peer: SignalPeer, party: Party, msg: ClientSignal): Promise<void> {
    if (msg.t === 'ping') return send(peer, { t: 'pong', n: msg.n });
    if (party.kind === 'kiosk') return this.fromKiosk(peer, party.handoffId, msg);
    if (party.kind === 'agent' && !(await this.sessions.check(peer))) return;
    if (party.kind === 'agent') return this.fromAgent(peer, party as Party & { kind: 'agent' }, msg);
  }

  private fromKiosk(peer: SignalPeer, handoffId: string, msg: ClientSignal): void {
    const h = this.handoffs.get(handoffId);
    if (!h) return send(peer, { t: 'error', code: 'ended', message: 'this handoff has ended' });
    const agent = h.agent ? this.agents.get(h.agent) : undefined;
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

  private async fromAgent(
    peer: SignalPeer,
    party: Party & { kind: 'agent' },
    msg: ClientSignal,
  ): Promise<void> {
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

  private async accept(peer: SignalPeer, party: Party & { kind: 'agent' }): Promise<void> {
    if (party.call !== null)
      return send(peer, { t: 'error', code: 'busy', message: 'finish the current call first' });
    this.dropUnclaimed();
    const entry = this.queues.takeNext(party.role, this.now());
    const h = entry ? this.handoffs.get(entry.id) : undefined;
    if (!h) return send(peer, { t: 'error', code: 'queue_empty', message: 'no customer is waiting' });
    h.agent = party.username;
    h.acceptedAt = this.now();
    party.call = h.id;
    // The grant that opens this customer's conversation to this agent later (conversation-access.ts).
    await this.o.store.grantConversation(
      party.username,
      { conversationId: h.request.sessionId, kioskId: h.kioskId, handoffId: h.id },
      new Date(this.now()),
    );
    this.queues.setPresence(party.username, party.role, 'busy');
    send(peer, { t: 'assigned', call: await buildCallView(this.o.store, h) });
    h.agentName = (await this.o.store.getAgent(party.username))?.displayName ?? party.username;
    const kiosk = this.kiosks.get(h.id);
    if (kiosk) send(kiosk, { t: 'connected', agentName: h.agentName });
    this.o.log.info({ event: 'hub.handoff.accepted', handoffId: h.id, agent: party.username });
    this.pushQueues();
  }

  /** Ends a handoff (ticket filed, customer left, or cancelled): both ends are told, nothing is kept. */
  private finish(h: HandoffRecord, ticketId: string | null, outcome?: HandoffOutcome): void {
    this.outcomes.set(h.id, outcome ?? { state: 'ended', at: this.now(), ticketId });
    this.handoffs.delete(h.id);
    if (this.handoffs.size === 0) this.bounds.stopSweep();
    this.queues.remove(h.id);
    for (const [hash, id] of this.joinTokens) if (id === h.id) this.joinTokens.delete(hash);
    const kiosk = this.kiosks.get(h.id);
    this.kiosks.delete(h.id);
    if (kiosk) send(kiosk, { t: 'ended', ticketId });
    const agent = h.agent ? this.agents.get(h.agent) : undefined;
    if (agent && agent.party.call === h.id) {
      agent.party.call = null;
      this.queues.setPresence(agent.party.username, agent.party.role, 'online');
      send(agent.peer, ticketId === null ? { t: 'peer_left' } : { t: 'ended', ticketId });
    }
    if (h.acceptedAt !== null) this.queues.recordHandled((this.now() - h.acceptedAt) / 1000);
    this.pushQueues();
  }

  private disconnect(peer: SignalPeer, party: Party): void {
    this.sessions.remove(peer);
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

  private pushPosition(handoffId: string): void {
    const kiosk = this.kiosks.get(handoffId);
    const now = this.now();
    if (kiosk && this.queues.has(handoffId))
      send(kiosk, {
        t: 'queue',
        position: this.queues.position(handoffId, now),
        estimatedWaitS: this.queues.estimatedWaitS(handoffId, now),
      });
  }

  /** Each agent sees the queues of their own skills (supervisors: all); each waiting kiosk its place. */
  private pushQueues(): void {
    const now = this.now();
    const agents = this.queues.agents().map(({ username, status }) => ({ username, status }));
    for (const { peer, party } of this.agents.values()) {
      const waiting = queueRows(this.queues.list(party.role, now), this.handoffs, now);
      send(peer, { t: 'queues', waiting, agents: party.role === 'supervisor' ? agents : [] });
    }
    for (const id of this.queues.ids()) this.pushPosition(id);
  }

  /** A cue from the kiosk: kept on the call, shown to its agent; turning negative boosts and alerts. */
  private onCue(h: HandoffRecord, cue: Cue | null, negativeCue: boolean): void {
    const was = h.request.negativeCue ?? false;
    h.request = {
      ...h.request,
      negativeCue,
      ...(cue ? { cues: [...(h.request.cues ?? []), cue].slice(-200) } : {}),
    };
    const agent = h.agent ? this.agents.get(h.agent) : undefined;
    if (agent) send(agent.peer, { t: 'cue', cue, negativeCue });
    if (negativeCue === was) return;
    if (negativeCue) this.alert(h, "the customer's cues have stayed negative");
    h.priority = priorityOf(h.request.priorityBoost, negativeCue);
    if (this.queues.remove(h.id)) {
      this.queues.enqueue({ id: h.id, queue: h.queue, enqueuedAt: h.enqueuedAt, priority: h.priority });
      this.pushQueues();
    }
  }

  private alert(h: HandoffRecord, message: string): void {
    for (const { peer, party } of this.agents.values())
      if (party.role === 'supervisor')
        send(peer, { t: 'alert', handoffId: h.id, kioskId: h.kioskId, message });
  }

  /** Queued (or in-call) now, or how a recent handoff ended: 'abandoned' says why. */
  state(handoffId: string): { state: 'queued' | 'in_call' } | HandoffOutcome | null {
    const h = this.handoffs.get(handoffId);
    if (h) return { state: h.agent === null ? 'queued' : 'in_call' };
    return this.outcomes.get(handoffId) ?? null;
  }

  /** Drops the waiting requests no kiosk socket claimed in time (handoff-bounds.ts); returns their ids. */
  dropUnclaimed(): string[] {
    return this.bounds.dropUnclaimed(this.now());
  }

  /** Closes every socket (hub shutdown). */
  closeAll(): void {
    this.bounds.stopSweep();
    for (const k of this.kiosks.values()) k.close(1001, 'hub stopping');
    for (const a of this.agents.values()) a.peer.close(1001, 'hub stopping');
  }
}
