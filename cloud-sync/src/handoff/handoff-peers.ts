// The sockets of one hub's handoffs: the kiosk holding each handoff's join token and each signed-in
// agent, one socket apiece (a reconnect replaces the old one), and what they are told about the
// queues they can see.
import type { HandoffRecord } from './call-records.ts';
import type { AgentRole, HandoffQueues } from './queue.ts';
import { queueRows } from './queue-rows.ts';
import { send, type SignalPeer } from './signal-wire.ts';

export interface AgentParty {
  kind: 'agent';
  username: string;
  role: AgentRole;
  /** The handoff this agent is on, if any. */
  call: string | null;
}

export class HandoffPeers {
  readonly kiosks = new Map<string, SignalPeer>();
  readonly agents = new Map<string, { peer: SignalPeer; party: AgentParty }>();

  constructor(
    private readonly queues: HandoffQueues,
    private readonly handoffs: ReadonlyMap<string, HandoffRecord>,
  ) {}

  attachKiosk(handoffId: string, peer: SignalPeer): void {
    this.kiosks.get(handoffId)?.close(4409, 'replaced by a new connection');
    this.kiosks.set(handoffId, peer);
  }

  attachAgent(peer: SignalPeer, party: AgentParty): void {
    this.agents.get(party.username)?.peer.close(4409, 'replaced by a new connection');
    this.agents.set(party.username, { peer, party });
  }

  /** The agent socket on a handoff, if one is assigned and connected. */
  agentOf(h: HandoffRecord): { peer: SignalPeer; party: AgentParty } | undefined {
    return h.agent ? this.agents.get(h.agent) : undefined;
  }

  /** A waiting kiosk's place in line and its estimated wait. */
  pushPosition(handoffId: string, now: number): void {
    const kiosk = this.kiosks.get(handoffId);
    if (kiosk && this.queues.has(handoffId))
      send(kiosk, {
        t: 'queue',
        position: this.queues.position(handoffId, now),
        estimatedWaitS: this.queues.estimatedWaitS(handoffId, now),
      });
  }

  /** Each agent sees the queues of their own skills (supervisors: all); each waiting kiosk its place. */
  pushQueues(now: number): void {
    const agents = this.queues.agents().map(({ username, status }) => ({ username, status }));
    for (const { peer, party } of this.agents.values()) {
      const waiting = queueRows(this.queues.list(party.role, now), this.handoffs, now);
      send(peer, { t: 'queues', waiting, agents: party.role === 'supervisor' ? agents : [] });
    }
    for (const id of this.queues.ids()) this.pushPosition(id, now);
  }

  alertSupervisors(h: HandoffRecord, message: string): void {
    for (const { peer, party } of this.agents.values())
      if (party.role === 'supervisor')
        send(peer, { t: 'alert', handoffId: h.id, kioskId: h.kioskId, message });
  }

  closeAll(): void {
    for (const k of this.kiosks.values()) k.close(1001, 'hub stopping');
    for (const a of this.agents.values()) a.peer.close(1001, 'hub stopping');
  }
}
