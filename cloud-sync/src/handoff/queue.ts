// Skill queues with agent presence: longest-waiting first, with priority boosts counted as extra
// waiting time; position and estimated wait per entry. Pure logic; the clock is passed in.
import type { QueueName } from '../schema/handoff.ts';

/** One priority point counts as this much waiting. */
export const BOOST_STEP_MS = 30_000;
/** A sustained negative emotion cue adds this many points. */
export const NEGATIVE_CUE_BOOST = 4;
/** Assumed length of a call until the hub has measured some. */
const DEFAULT_HANDLE_S = 180;

export type AgentRole = 'agent' | 'expert' | 'risk' | 'supervisor';
export type PresenceStatus = 'online' | 'busy' | 'away';

/** Which queues each role serves. Experts also help the general queue; supervisors serve every queue. */
export const SKILLS: Readonly<Record<AgentRole, readonly QueueName[]>> = {
  agent: ['agent'],
  expert: ['expert', 'agent'],
  risk: ['risk'],
  supervisor: ['risk', 'expert', 'agent'],
};

export interface QueueEntry {
  id: string;
  queue: QueueName;
  /** When the customer first asked (kept on a re-queue, so a dropped call goes back to the front). */
  enqueuedAt: number;
  priority: number;
}

export function priorityOf(boost: number | undefined, negativeCue: boolean | undefined): number {
  return Math.min(20, (boost ?? 0) + (negativeCue ? NEGATIVE_CUE_BOOST : 0));
}

/**
 * Where an entry stands in line: lower is served first. Waiting time plus boosts is the score, and as
 * every entry waits the same clock, ranking by enqueuedAt minus the boosts' worth orders the same at
 * any moment; the store keeps it as a column so that PostgreSQL orders (and claims) by it.
 */
export function rankOf(enqueuedAt: number, priority: number): number {
  return enqueuedAt - priority * BOOST_STEP_MS;
}

/** One agent's presence as the store holds it. */
export interface PresenceEntry {
  username: string;
  role: AgentRole;
  status: PresenceStatus;
}

export class HandoffQueues {
  /** The queues as read from the store at one moment: waiting entries, presence, handled calls. */
  static from(
    waiting: readonly QueueEntry[],
    presence: readonly PresenceEntry[],
    handled: { seconds: number; calls: number },
  ): HandoffQueues {
    const q = new HandoffQueues();
    for (const e of waiting) q.enqueue(e);
    for (const p of presence) q.setPresence(p.username, p.role, p.status);
    q.handledS = handled.seconds;
    q.handledCalls = handled.calls;
    return q;
  }

  private readonly waiting = new Map<string, QueueEntry>();
  private readonly presence = new Map<string, { role: AgentRole; status: PresenceStatus }>();
  private handledS = 0;
  private handledCalls = 0;

  enqueue(entry: QueueEntry): void {
    if (this.waiting.has(entry.id)) throw new Error(`handoff ${entry.id} is already queued`);
    this.waiting.set(entry.id, { ...entry });
  }

  remove(id: string): boolean {
    return this.waiting.delete(id);
  }

  has(id: string): boolean {
    return this.waiting.has(id);
  }

  /** Takes the best entry among the queues this role serves, or null when none waits. */
  takeNext(role: AgentRole, now: number): QueueEntry | null {
    const best = this.ordered(SKILLS[role], now)[0];
    if (!best) return null;
    this.waiting.delete(best.id);
    return best;
  }

  /** 1-based place of an entry among those in its own queue; 0 when it is not waiting. */
  position(id: string, now: number): number {
    const e = this.waiting.get(id);
    if (!e) return 0;
    return this.ordered([e.queue], now).findIndex((x) => x.id === id) + 1;
  }

  /** Position times the mean call length, shared among the agents online for that queue. */
  estimatedWaitS(id: string, now: number): number {
    const e = this.waiting.get(id);
    if (!e) return 0;
    const mean = this.handledCalls > 0 ? this.handledS / this.handledCalls : DEFAULT_HANDLE_S;
    const staff = [...this.presence.values()].filter(
      (p) => p.status !== 'away' && SKILLS[p.role].includes(e.queue),
    ).length;
    const ahead = this.position(id, now) - 1;
    const freeNow = [...this.presence.values()].some(
      (p) => p.status === 'online' && SKILLS[p.role].includes(e.queue),
    );
    if (ahead === 0 && freeNow) return 0;
    return Math.round(((ahead + 1) * mean) / Math.max(1, staff));
  }

  /** Entries the role may see, best first. */
  list(role: AgentRole, now: number): QueueEntry[] {
    return this.ordered(SKILLS[role], now);
  }

  ids(): string[] {
    return [...this.waiting.keys()];
  }

  setPresence(username: string, role: AgentRole, status: PresenceStatus | null): void {
    if (status === null) this.presence.delete(username);
    else this.presence.set(username, { role, status });
  }

  presenceOf(username: string): PresenceStatus | null {
    return this.presence.get(username)?.status ?? null;
  }

  agents(): { username: string; role: AgentRole; status: PresenceStatus }[] {
    return [...this.presence].map(([username, p]) => ({ username, ...p }));
  }

  /** A finished call's length feeds the estimated wait. */
  recordHandled(seconds: number): void {
    this.handledS += Math.max(0, seconds);
    this.handledCalls += 1;
  }

  // `now` is kept in the signature: the score is waiting time, though the order does not depend on it.
  private ordered(queues: readonly QueueName[], _now: number): QueueEntry[] {
    const rank = (e: QueueEntry): number => rankOf(e.enqueuedAt, e.priority);
    return [...this.waiting.values()]
      .filter((e) => queues.includes(e.queue))
      .sort((a, b) => rank(a) - rank(b) || a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : 1));
  }
}
