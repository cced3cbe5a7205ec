// The hub's handoff core: accepts kiosks' requests, routes them into skill queues, and authenticates
// the signalling sockets (the kiosk holding a handoff's join token, or a signed-in agent); the call
// itself runs in handoff-calls.ts. Web-standard only: the Node and Deno entries hand it their sockets.
import { ulid } from 'ulid';
import type { Logger } from '../logger.ts';
import { HANDOFF_WS_PATH } from '../wire.ts';
import {
  type ClientSignal,
  type HandoffAccepted,
  type HandoffRequest,
  type IceServer,
  type IceTransportPolicy,
} from '../schema/handoff.ts';
import type { Hlc } from '../schema/hlc.ts';
import { randomToken, sha256Hex } from '../hub/crypto.ts';
import type { HubStore } from '../hub/store/types.ts';
import type { HandoffRecord } from './call-records.ts';
import { HandoffBounds } from './handoff-bounds.ts';
import { OutcomeLog, resolveLimits, type HandoffLimits, type HandoffOutcome } from './handoff-limits.ts';
import { HandoffQueues, priorityOf } from './queue.ts';
import { HandoffCalls, type Party } from './handoff-calls.ts';
import { HandoffPeers, type AgentParty } from './handoff-peers.ts';
import { AgentSessionWatch } from './session-watch.ts';
import { iceServersFor, type TurnConfig } from './turn-credentials.ts';
import { currentRules, routeHandoff } from './routing.ts';
import { recordCallEvent } from './call-events.ts';
import { send, serialConnection, type SignalConnection, type SignalPeer } from './signal-wire.ts';

export type { SignalConnection, SignalPeer };

export interface HandoffHubOptions {
  store: HubStore;
  hlc: Hlc;
  log: Logger;
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
  readonly queues = new HandoffQueues();
  private readonly handoffs = new Map<string, HandoffRecord>();
  private readonly joinTokens = new Map<string, string>();
  private readonly peers = new HandoffPeers(this.queues, this.handoffs);
  private readonly kiosks = this.peers.kiosks;
  private readonly now: () => number;
  private readonly outcomes = new OutcomeLog();
  private readonly bounds: HandoffBounds;
  private readonly calls: HandoffCalls;

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
        this.calls.finish(h, null, outcome);
      },
    );
    this.calls = new HandoffCalls({
      ...o,
      now: this.now,
      queues: this.queues,
      handoffs: this.handoffs,
      joinTokens: this.joinTokens,
      peers: this.peers,
      outcomes: this.outcomes,
      bounds: () => this.bounds,
      ice: (who) => this.ice(who),
    });
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
    this.bounds.startSweep(() => this.calls.dropUnclaimed());
    this.joinTokens.set(await sha256Hex(token), id);
    this.queues.enqueue({
      id,
      queue: record.queue,
      enqueuedAt: record.enqueuedAt,
      priority: record.priority,
    });
    recordCallEvent(this.o.store, this.o.log, record, 'enqueued', record.enqueuedAt);
    this.o.log.info({ event: 'hub.handoff.queued', handoffId: id, kioskId, queue: record.queue });
    if (req.negativeCue) this.calls.alert(record, 'the customer has shown a sustained negative emotion');
    this.calls.pushQueues();
    return {
      queued: true,
      handoffId: id,
      route: decision.route,
      ruleId: decision.ruleId,
      joinToken: token,
      signalPath: HANDOFF_WS_PATH,
      ...(await this.ice(id)),
      recording: this.o.recording === true,
      position: this.queues.position(id, this.now()),
      estimatedWaitS: this.queues.estimatedWaitS(id, this.now()),
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
        const party = await this.authenticate(peer, token);
        return party.kind === 'pending' ? null : party;
      },
      handle: (party, msg) => this.handle(peer, party, msg),
      closed: (party) => {
        this.sessions.remove(peer);
        this.calls.disconnect(peer, party ?? { kind: 'pending' });
      },
      failed: (err) => this.o.log.error({ event: 'hub.handoff.error', err: err.message }),
    });
  }

  private async authenticate(peer: SignalPeer, token: string): Promise<Party> {
    const hash = await sha256Hex(token);
    const handoffId = this.joinTokens.get(hash);
    if (handoffId && this.handoffs.has(handoffId)) {
      // One kiosk socket per handoff: a reconnect replaces the old one.
      this.peers.attachKiosk(handoffId, peer);
      send(peer, { t: 'ready', as: 'kiosk', handoffId, ...(await this.ice(handoffId)) });
      // An agent may have accepted before the kiosk's socket was up: tell it now.
      const h = this.handoffs.get(handoffId);
      if (h) Object.assign(h, { claimed: true, unclaimedSince: null });
      if (h?.agentName) send(peer, { t: 'connected', agentName: h.agentName });
      this.calls.pushPosition(handoffId);
      return { kind: 'kiosk', handoffId };
    }
    const session = await this.o.store.findSession(hash, new Date(this.now()));
    if (!session) return { kind: 'pending' };
    this.sessions.add(peer, hash);
    const party = { kind: 'agent' as const, username: session.username, role: session.role, call: null };
    this.peers.attachAgent(peer, party);
    this.queues.setPresence(session.username, session.role, 'online');
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

  private async handle(peer: SignalPeer, party: Party, msg: ClientSignal): Promise<void> {
    if (msg.t === 'ping') return send(peer, { t: 'pong', n: msg.n });
    if (party.kind === 'kiosk') return this.calls.fromKiosk(peer, party.handoffId, msg);
    if (party.kind === 'agent' && !(await this.sessions.check(peer))) return;
    if (party.kind === 'agent') return this.calls.fromAgent(peer, party as AgentParty, msg);
  }

  /** Queued (or in-call) now, or how a recent handoff ended: 'abandoned' says why. */
  state(handoffId: string): { state: 'queued' | 'in_call' } | HandoffOutcome | null {
    const h = this.handoffs.get(handoffId);
    if (h) return { state: h.agent === null ? 'queued' : 'in_call' };
    return this.outcomes.get(handoffId) ?? null;
  }

  /** The agent in this call now and the kiosk it came from; null when no agent holds it. */
  holder(handoffId: string): { agent: string; kioskId: string } | null {
    const h = this.handoffs.get(handoffId);
    return h?.agent ? { agent: h.agent, kioskId: h.kioskId } : null;
  }

  /** Drops the waiting requests no kiosk socket claimed in time (handoff-bounds.ts); returns their ids. */
  dropUnclaimed(): string[] {
    return this.calls.dropUnclaimed();
  }

  /** Closes every socket (hub shutdown). */
  closeAll(): void {
    this.bounds.stopSweep();
    this.peers.closeAll();
  }
}
