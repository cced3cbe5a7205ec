// Realtime fan-out inside one hub process. A PostgreSQL deployment (issue 5) implements the same
// interface over LISTEN/NOTIFY (pg-events.ts) so every hub instance hears every publish: the kiosks'
// realtime events (HubEvents) and the handoff notes between instances (handoff/handoff-bus.ts).
import type { HubEvent } from '../schema/change.ts';

/** Publish to every listener of every instance sharing the store (this one included). */
export interface Fanout<T> {
  publish(message: T): void;
  subscribe(listener: (message: T) => void): () => void;
}

export type HubEvents = Fanout<HubEvent>;

export function createLocalFanout<T>(): Fanout<T> {
  const listeners = new Set<(message: T) => void>();
  return {
    publish(message) {
      for (const l of [...listeners]) l(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createLocalHubEvents(): HubEvents {
  return createLocalFanout<HubEvent>();
}
