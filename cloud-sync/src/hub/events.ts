// Realtime events inside one hub process. A PostgreSQL deployment (issue 5) implements the same
// interface over LISTEN/NOTIFY so every hub instance tells its own kiosks.
import type { HubEvent } from '../schema/change.ts';

export interface HubEvents {
  publish(event: HubEvent): void;
  subscribe(listener: (event: HubEvent) => void): () => void;
}

export function createLocalHubEvents(): HubEvents {
  const listeners = new Set<(event: HubEvent) => void>();
  return {
    publish(event) {
      for (const l of listeners) l(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
