// The avatar's event listeners: a listener that throws is logged, never breaks the face or the others.
import type { AvatarEvent } from './types.ts';

export class AvatarEvents {
  private readonly listeners = new Map<AvatarEvent, Set<() => void>>();

  on(event: AvatarEvent, cb: () => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  emit(event: AvatarEvent): void {
    for (const cb of this.listeners.get(event) ?? []) {
      try {
        cb();
      } catch (err) {
        console.error('avatar listener failed', err);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
