// The handoff sockets this hub instance holds: the kiosk holding each handoff's join token and each
// signed-in agent, one socket apiece across all instances (a reconnect anywhere replaces the old one),
// and what they are told. Whatever any instance decides reaches them as a note on the handoff bus
// (handoff-bus.ts); this class acts on the notes for its own sockets, and tells its agents and
// waiting kiosks about the queues as the store has them.
import type { HandoffRows } from '../hub/store/handoff-rows.ts';
import type { HandoffNote } from './handoff-bus.ts';
import { HandoffQueues, type AgentRole } from './queue.ts';
import { queueRows } from './queue-rows.ts';
import { send, type SignalPeer } from './signal-wire.ts';
import type { HandoffRecord } from './call-records.ts';

export interface AgentParty {
  kind: 'agent';
  username: string;
  role: AgentRole;
  /** The handoff this agent is on, if any. */
  call: string | null;
}

/** An agent whose instance has not refreshed its presence for this long is gone (killed). */
export const PRESENCE_STALE_MS = 45_000;

export class HandoffPeers {
  /** Each handoff's kiosk socket here, and whether an agent is on its call (from the notes it heard). */
  readonly kiosks = new Map<string, { peer: SignalPeer; conn: string; agent: boolean }>();
  readonly agents = new Map<string, { peer: SignalPeer; party: AgentParty; conn: string }>();
  private pushing: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly rows: HandoffRows,
    private readonly now: () => number,
    /** This instance's agent whose call ended: back to 'online'. */
    private readonly released: (party: AgentParty) => void,
    private readonly failed: (err: Error) => void,
  ) {}

  attachKiosk(handoffId: string, peer: SignalPeer, conn: string, agent: boolean): void {
    this.kiosks.get(handoffId)?.peer.close(4409, 'replaced by a new connection');
    this.kiosks.set(handoffId, { peer, conn, agent });
  }

  attachAgent(peer: SignalPeer, party: AgentParty, conn: string): void {
    this.agents.get(party.username)?.peer.close(4409, 'replaced by a new connection');
    this.agents.set(party.username, { peer, party, conn });
  }

  /** The agent socket of this instance on a handoff. */
  agentOn(handoffId: string): { peer: SignalPeer; party: AgentParty } | undefined {
    for (const a of this.agents.values()) if (a.party.call === handoffId) return a;
    return undefined;
  }

  /** Acts on a note for the sockets this instance holds. */
  onNote(note: HandoffNote): void {
    switch (note.k) {
      case 'kiosk': {
        const kiosk = this.kiosks.get(note.handoffId);
        if (kiosk) send(kiosk.peer, note.msg);
        if (kiosk && ['connected', 'requeued', 'transferred'].includes(note.msg.t))
          kiosk.agent = note.msg.t === 'connected';
        if (note.end) this.kiosks.delete(note.handoffId);
        return;
      }
      case 'agent': {
        const agent = this.agentOn(note.handoffId);
        if (!agent) return;
        if (note.release) {
          agent.party.call = null;
          this.released(agent.party);
        }
        return send(agent.peer, note.msg);
      }
      case 'kiosk_attached':
        return this.replaced(this.kiosks, note.handoffId, note.conn);
      case 'agent_attached':
        return this.replaced(this.agents, note.username, note.conn);
      case 'queues':
        return this.pushQueues();
      case 'supervisors':
        for (const { peer, party } of this.agents.values())
          if (party.role === 'supervisor') send(peer, note.msg);
        return;
    }
  }

  /** Another socket (maybe on another instance) holds it now: ours goes. */
  private replaced(map: Map<string, { peer: SignalPeer; conn: string }>, key: string, conn: string): void {
    const mine = map.get(key);
    if (!mine || mine.conn === conn) return;
    map.delete(key);
    mine.peer.close(4409, 'replaced by a new connection');
  }

  /** The queues as the store has them now (waiting entries, live presence, handled calls). */
  async queues(): Promise<{ queues: HandoffQueues; waiting: Map<string, HandoffRecord> }> {
    const now = this.now();
    const [rows, presence, handled] = await Promise.all([
      this.rows.waiting(),
      this.rows.presence(now - PRESENCE_STALE_MS),
      this.rows.handled(),
    ]);
    return {
      queues: HandoffQueues.from(rows, presence, handled),
      waiting: new Map(rows.map((r) => [r.id, r])),
    };
  }

  /**
   * Each agent here sees the queues of their own skills (supervisors: all, and who is online); each
   * waiting kiosk here its place. Calls that come while a push runs make one more push after it.
   */
  pushQueues(): void {
    if (this.pushing) {
      this.again = true;
      return;
    }
    this.pushing = this.pushOnce()
      .catch(this.failed)
      .finally(() => {
        this.pushing = null;
        if (this.again) {
          this.again = false;
          this.pushQueues();
        }
      });
  }

  private async pushOnce(): Promise<void> {
    if (this.agents.size === 0 && this.kiosks.size === 0) return;
    const { queues, waiting } = await this.queues();
    const now = this.now();
    const agents = queues.agents().map(({ username, status }) => ({ username, status }));
    for (const { peer, party } of this.agents.values()) {
      const rows = queueRows(queues.list(party.role, now), waiting, now);
      send(peer, { t: 'queues', waiting: rows, agents: party.role === 'supervisor' ? agents : [] });
    }
    for (const [id, { peer }] of this.kiosks)
      if (queues.has(id))
        send(peer, {
          t: 'queue',
          position: queues.position(id, now),
          estimatedWaitS: queues.estimatedWaitS(id, now),
        });
  }

  closeAll(): void {
    for (const k of this.kiosks.values()) k.peer.close(1001, 'hub stopping');
    for (const a of this.agents.values()) a.peer.close(1001, 'hub stopping');
  }
}
