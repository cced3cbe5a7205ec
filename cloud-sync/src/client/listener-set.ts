// Listeners that cannot break the engine: one that throws is logged and the rest still run.
import type { Logger } from '../logger.ts';

export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly log: Logger) {}

  get size(): number {
    return this.listeners.size;
  }

  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const l of this.listeners) {
      try {
        l(value);
      } catch (err) {
        this.log.error({ event: 'sync.listener.failed', err: (err as Error).message });
      }
    }
  }
}
