// The hub's handoff core: accepts kiosks' requests, routes them into skill queues, and authenticates
// the signalling sockets (the kiosk holding a handoff's join token, or a signed-in agent); the call
// itself runs in handoff-calls.ts. The state is rows in the store (handoff-rows.ts), shared by every
// instance on PostgreSQL; what a socket on another instance must hear goes over the handoff bus.
// Web-standard only: the Node and Deno entries hand it their sockets.
import { ulid } from 'ulid';
import type { Logger } from '../logger.ts';
import { HANDOFF_WS_PATH } from '../wire.ts';
import type {
  ClientSignal,
  HandoffAccepted,
  HandoffRequest,
  IceServer,
  IceTransportPolicy,
} from '../schema/handoff.ts';
import type { Hlc } from '../schema/hlc.ts';
import { randomToken, sha256Hex } from '../hub/crypto.ts';
import { createLocalFanout } from '../hub/events.ts';
import type { HubStore } from '../hub/store/types.ts';
import type { HandoffRecord } from './call-records.ts';
import { HandoffBounds } from './handoff-bounds.ts';
import type { HandoffBus, HandoffNote } from './handoff-bus.ts';
import { resolveLimits, type HandoffLimits, type HandoffOutcome } from './handoff-limits.ts';
import { priorityOf, type HandoffQueues } from './queue.ts';
import { HandoffCalls, type Party } from './handoff-calls.ts';
import { HandoffPeers, type AgentParty } from './handoff-peers.ts';
import { ListenIn } from './listen-in.ts';
import { isListenMessage } from './listen-route.ts';
import { AgentSessionWatch } from './session-watch.ts';
import { iceServersFor, type TurnConfig } from './turn-credentials.ts';
import { currentRules, routeHandoff } from './routing.ts';
import { send, serialConnection, type SignalConnection, type SignalPeer } from './signal-wire.ts';

export type { SignalConnection, SignalPeer };

export interface HandoffHubOptions {
  store: HubStore;
  hlc: Hlc;
  log: Logger;
  /** Notes to the sockets of every instance; default in-process (one hub). */
  bus?: HandoffBus;
  /** This instance's name in the presence rows. Default: the HLC node id. */
  instance?: string;
  iceServers?: IceServer[];
  /** TURN by the REST scheme: a fresh short-lived credential for each party. */
  turn?: TurnConfig;
  iceTransportPolicy?: IceTransportPolicy;
  /** Calls are recorded (the hub stores recordings): the kiosk shows the recording notice. */
  recording?: boolean;
  now?: () => number;
  /** A socket that has not authenticated by then is closed. Default 10 s. */
  authTimeoutMs?: number;
  /** How often open agent sockets' sessions are re-checked. Default 30 s. */
  sessionRecheckMs?: number;
  /** Unclaimed-request timeout and per-kiosk limits (handoff-limits.ts); defaults there. */
  limits?: Partial<HandoffLimits>;
}

export class HandoffHub {
  private readonly now: () => number;
  private readonly limits: HandoffLimits;
  private readonly bus: HandoffBus;
  private readonly instance: string;
  private readonly peers: HandoffPeers;
  private readonly bounds: HandoffBounds;
  private readonly calls: HandoffCalls;
  private readonly unsubscribe: () => void;
  private stopping = false;
  /** Socket work under way (sign-ins, messages, closes): the store must outlive it (drained()). */
  private readonly inflight = new Set<Promise<unknown>>();

  /** Closes agent sockets whose console session was signed out, replaced or expired. */
  readonly sessions: AgentSessionWatch;
  /** Supervisors listening in on live calls (listen-in.ts). */
  readonly listen: ListenIn;

  constructor(private readonly o: HandoffHubOptions) {
    this.now = o.now ?? Date.now;
    this.limits = resolveLimits(o.limits);
    this.bus = o.bus ?? createLocalFanout<HandoffNote>();
    this.instance = o.instance ?? `handoff-${randomToken(6)}`;
    const failed = (err: Error): void => o.log.error({ event: 'hub.handoff.error', err: err.message });
    this.peers = new HandoffPeers(
      o.store.handoffs,
      this.now,
      (party) => void this.released(party).catch(failed),
      failed,
    );
    this.calls = new HandoffCalls({
      ...o,
      now: this.now,
      bus: this.bus,
      peers: this.peers,
      instance: this.instance,
      ice: (who) => this.ice(who),
      beforeAccept: () => this.dropUnclaimed(),
    });
    this.bounds = new HandoffBounds({
      limits: this.limits,
      rows: o.store.handoffs,
      instance: this.instance,
      now: this.now,
      localKiosks: () => [...this.peers.kiosks.keys()],
      abandon: async (h, outcome) => {
        const done = await this.calls.finish(h.id, null, outcome);
        if (done)
          o.log.warn({ event: 'hub.handoff.abandoned', handoffId: h.id, kioskId: h.kioskId, ...outcome });
        return done;
      },
      requeue: (id, agent) => this.calls.requeue(id, agent),
      failed,
    });
    this.bounds.start();
    this.unsubscribe = this.bus.subscribe((note) => this.peers.onNote(note));
    this.listen = new ListenIn({
      store: o.store,
      bus: this.bus,
      peers: this.peers,
      log: o.log,
      now: this.now,
    });
    this.sessions = new AgentSessionWatch(o.store, this.now, o.sessionRecheckMs ?? 30_000, (err) =>
      o.log.error({ event: 'hub.handoff.session_check_failed', err: err.message }),
    );
  }

  /** Routes a kiosk's request; queued ones get a join token for this one handoff. */
  async request(kioskId: string, req: HandoffRequest): Promise<HandoffAccepted> {
    await this.bounds.checkRequest(kioskId, this.now());
    const page = await this.o.store.settingsSince(kioskId, '', 1000);
    const rules = currentRules(page.docs.flatMap((d) => (d.kind === 'routing_rule' ? [d.doc] : [])));
    const decision = routeHandoff(rules, req);
    if (decision.route === 'bot') return { queued: false, route: 'bot', ruleId: decision.ruleId };
    const token = randomToken();
    const now = this.now();
    const record: HandoffRecord = {
      id: ulid(),
      kioskId,
      queue: decision.route,
      request: req,
      enqueuedAt: now,
      priority: priorityOf(req.priorityBoost, req.negativeCue),
      agent: null,
      agentName: null,
      acceptedAt: null,
      claimed: false,
      kioskSeenAt: now,
    };
    // The open limit is checked in the insert itself, so two concurrent requests cannot both take the last room.
    if (!(await this.calls.enqueue(record, await sha256Hex(token), this.limits.maxOpenPerKiosk)))
      throw await this.bounds.overOpenLimit(kioskId);
    const { queues } = await this.peers.queues();
    return {
      queued: true,
      handoffId: record.id,
      route: decision.route,
      ruleId: decision.ruleId,
      joinToken: token,
      signalPath: HANDOFF_WS_PATH,
      ...(await this.ice(record.id)),
      recording: this.o.recording === true,
      position: queues.position(record.id, now),
      estimatedWaitS: queues.estimatedWaitS(record.id, now),
    };
  }

  /** The ICE servers (with a TURN credential made out to `who`) and the transport policy for one party. */
  private async ice(
    who: string,
  ): Promise<{ iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy }> {
    const iceServers = await iceServersFor(this.o.iceServers ?? [], this.o.turn, who, this.now());
    return this.o.iceTransportPolicy
      ? { iceServers, iceTransportPolicy: this.o.iceTransportPolicy }
      : { iceServers };
  }

  /** A new socket: it must send `auth` first; its messages are handled one at a time, in order. */
  connect(peer: SignalPeer): SignalConnection {
    return serialConnection<Party>(peer, {
      authTimeoutMs: this.o.authTimeoutMs ?? 10_000,
      authenticate: async (token) => {
        if (this.stopping) return null;
        const party = await this.track(this.authenticate(peer, token));
        return party.kind === 'pending' ? null : party;
      },
      // A message that arrives while the hub stops is dropped: its socket is closing anyway.
      handle: (party, msg) => (this.stopping ? undefined : this.track(this.handle(peer, party, msg))),
      closed: (party) => {
        this.sessions.remove(peer);
        const stopping = this.stopping;
        const left = async (): Promise<void> => {
          // A listening supervisor's socket closed: their listen-in ends (agent told, kiosk's notice goes).
          if (party?.kind === 'agent' && !stopping) await this.listen.socketClosed(party.username);
          await this.calls.disconnect(peer, party ?? { kind: 'pending' }, stopping);
        };
        return this.track(left());
      },
      failed: (err) => this.o.log.error({ event: 'hub.handoff.error', err: err.message }),
    });
  }

  private async authenticate(peer: SignalPeer, token: string): Promise<Party> {
    const hash = await sha256Hex(token);
    const h = await this.o.store.handoffs.byToken(hash);
    const conn = randomToken(9);
    if (h) {
      // One kiosk socket per handoff, on any instance: a reconnect replaces the old one.
      this.peers.attachKiosk(h.id, peer, conn, h.state === 'in_call');
      this.bus.publish({ k: 'kiosk_attached', handoffId: h.id, conn });
      await this.o.store.handoffs.kioskSeen([h.id], this.now(), true);
      send(peer, { t: 'ready', as: 'kiosk', handoffId: h.id, ...(await this.ice(h.id)) });
      // An agent may have accepted before the kiosk's socket was up (or before the hub restarted).
      if (h.state === 'in_call' && h.agentName) send(peer, { t: 'connected', agentName: h.agentName });
      if (h.state === 'in_call' && h.heldAt !== undefined) send(peer, { t: 'hold', on: true });
      this.peers.pushQueues();
      return { kind: 'kiosk', handoffId: h.id };
    }
    const session = await this.o.store.findSession(hash, new Date(this.now()));
    if (!session) return { kind: 'pending' };
    this.sessions.add(peer, hash);
    const party = { kind: 'agent' as const, username: session.username, role: session.role, call: null };
    this.peers.attachAgent(peer, party, conn);
    this.bus.publish({ k: 'agent_attached', username: session.username, conn });
    await this.calls.setPresence(party, 'online');
    send(peer, {
      t: 'ready',
      as: 'agent',
      username: session.username,
      role: session.role,
      ...(await this.ice(session.username)),
    });
    this.calls.pushQueues();
    return party;
  }

  /** This instance's agent whose call ended (told through the bus): online again. */
  private async released(party: AgentParty): Promise<void> {
    if (this.peers.agents.get(party.username)?.party !== party) return;
    await this.calls.setPresence(party, 'online');
    this.calls.pushQueues();
  }

  private async handle(peer: SignalPeer, party: Party, msg: ClientSignal): Promise<void> {
    if (msg.t === 'ping') return send(peer, { t: 'pong', n: msg.n });
    if (party.kind === 'kiosk') return this.calls.fromKiosk(peer, party.handoffId, msg);
    if (party.kind === 'agent' && !(await this.sessions.check(peer))) return;
    if (party.kind === 'agent' && isListenMessage(msg)) return this.listen.fromStaff(peer, party, msg);
    if (party.kind === 'agent') return this.calls.fromAgent(peer, party as AgentParty, msg);
  }

  /** Queued (or in-call) now, or how a recent handoff ended: 'abandoned' says why. */
  async state(handoffId: string): Promise<{ state: 'queued' | 'in_call' } | HandoffOutcome | null> {
    const h = await this.o.store.handoffs.get(handoffId);
    if (!h) return null;
    if (h.state === 'waiting') return { state: 'queued' };
    if (h.state === 'in_call') return { state: 'in_call' };
    return h.outcome;
  }

  /** The agent in this call now and the kiosk it came from; null when no agent holds it. */
  async holder(handoffId: string): Promise<{ agent: string; kioskId: string } | null> {
    const h = await this.o.store.handoffs.get(handoffId);
    return h?.state === 'in_call' && h.agent ? { agent: h.agent, kioskId: h.kioskId } : null;
  }

  /** The queues as the store has them now (every instance's waiting customers and agents). */
  async queues(): Promise<HandoffQueues> {
    return (await this.peers.queues()).queues;
  }

  /** Drops the waiting requests no kiosk socket claimed in time (handoff-bounds.ts); returns their ids. */
  dropUnclaimed(): Promise<string[]> {
    return this.bounds.dropUnclaimed(this.now());
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    const done = (): void => void this.inflight.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Resolves once the socket work started before closeAll() has finished (what starts after it does not
   * touch the store), so the hub closes its store only then: a customer who left just before the stop
   * still has their row updated, and nothing runs on a closed pool.
   */
  async drained(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Closes every socket (hub shutdown); the handoffs stay in the store for a restart or another instance. */
  closeAll(): void {
    this.stopping = true;
    this.bounds.stop();
    this.unsubscribe();
    this.listen.stop();
    this.peers.closeAll();
  }
}
