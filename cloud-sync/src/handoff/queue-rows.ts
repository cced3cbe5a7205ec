// What an agent sees of the waiting customers: a row per request, no identity and no transcript
// (those go to the assigned agent only).
import type { QueueEntryView } from '../schema/handoff.ts';
import type { HandoffRecord } from './call-records.ts';
import type { QueueEntry } from './queue.ts';

export function queueRows(
  entries: readonly QueueEntry[],
  handoffs: ReadonlyMap<string, HandoffRecord>,
  now: number,
): QueueEntryView[] {
  return entries.flatMap((e) => {
    const h = handoffs.get(e.id);
    if (!h) return [];
    return [
      {
        handoffId: e.id,
        queue: e.queue,
        kioskId: h.kioskId,
        reason: h.request.reason,
        waitingS: Math.round((now - e.enqueuedAt) / 1000),
        priority: e.priority,
        negativeCue: h.request.negativeCue ?? false,
      },
    ];
  });
}
