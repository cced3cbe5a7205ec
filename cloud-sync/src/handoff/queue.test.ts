// Skill queues: longest-waiting first, boosts, skills per role, position and estimated wait.
import { describe, expect, it } from 'vitest';
import { BOOST_STEP_MS, HandoffQueues, NEGATIVE_CUE_BOOST, priorityOf } from './queue.ts';

describe('HandoffQueues', () => {
  it('serves the longest-waiting first, and a boost counts as extra waiting', () => {
    const q = new HandoffQueues();
    q.enqueue({ id: 'a', queue: 'agent', enqueuedAt: 0, priority: 0 });
    q.enqueue({ id: 'b', queue: 'agent', enqueuedAt: 1000, priority: 0 });
    q.enqueue({ id: 'c', queue: 'agent', enqueuedAt: 2000, priority: 1 });
    // c asked 2 s after a but carries 30 s of boost.
    expect(q.list('agent', 5000).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(q.position('a', 5000)).toBe(2);
    expect(q.takeNext('agent', 5000)?.id).toBe('c');
    expect(q.takeNext('agent', 5000)?.id).toBe('a');
    expect(q.position('b', 5000)).toBe(1);
  });

  it('gives each role only its own queues', () => {
    const q = new HandoffQueues();
    q.enqueue({ id: 'r', queue: 'risk', enqueuedAt: 0, priority: 0 });
    q.enqueue({ id: 'e', queue: 'expert', enqueuedAt: 10, priority: 0 });
    expect(q.takeNext('agent', 100)).toBeNull();
    expect(q.list('expert', 100).map((e) => e.id)).toEqual(['e']);
    expect(q.list('supervisor', 100).map((e) => e.id)).toEqual(['r', 'e']);
    expect(q.takeNext('risk', 100)?.id).toBe('r');
  });

  it('estimates the wait from position, call length and the staff online', () => {
    const q = new HandoffQueues();
    q.enqueue({ id: 'a', queue: 'agent', enqueuedAt: 0, priority: 0 });
    q.enqueue({ id: 'b', queue: 'agent', enqueuedAt: 1, priority: 0 });
    expect(q.estimatedWaitS('b', 10)).toBe(360); // nobody online: 2 x 180 s default
    q.setPresence('ann', 'agent', 'busy');
    q.setPresence('bob', 'agent', 'busy');
    q.recordHandled(60);
    expect(q.estimatedWaitS('b', 10)).toBe(60); // 2 x 60 s over 2 agents
    q.setPresence('bob', 'agent', 'online');
    expect(q.estimatedWaitS('a', 10)).toBe(0); // first in line with a free agent
    q.setPresence('bob', 'agent', 'away');
    expect(q.estimatedWaitS('a', 10)).toBe(60);
    expect(q.agents().map((a) => a.status)).toEqual(['busy', 'away']);
  });

  it('caps the priority and refuses a duplicate', () => {
    expect(priorityOf(undefined, true)).toBe(NEGATIVE_CUE_BOOST);
    expect(priorityOf(30, true)).toBe(20);
    const q = new HandoffQueues();
    q.enqueue({ id: 'a', queue: 'agent', enqueuedAt: 0, priority: 0 });
    expect(() => q.enqueue({ id: 'a', queue: 'agent', enqueuedAt: 0, priority: 0 })).toThrow(
      /already queued/,
    );
    expect(BOOST_STEP_MS).toBe(30_000);
  });
});
