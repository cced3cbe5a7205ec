// The handoff core's one call per point of a call's life: appends it to the hub store's call-event log
// (the wallboard's and the CSV export's source). It never holds up or breaks the call: the write runs
// beside it and a failure is logged. callEventsSettled() waits for the writes this process started, so a
// wallboard read sees every event that happened before it.
import { ulid } from 'ulid';
import type { Logger } from '../logger.ts';
import type { CallEventType } from '../schema/supervisor-api.ts';
import type { HubStore } from '../hub/store/types.ts';
import type { HandoffRecord } from './call-records.ts';
import type { HandoffOutcome } from './handoff-limits.ts';

const pending = new WeakMap<HubStore, Set<Promise<void>>>();

export interface CallEventDetail {
  agent?: string | null;
  waitMs?: number;
  handleMs?: number;
  reason?: string;
}

export function recordCallEvent(
  store: HubStore,
  log: Logger,
  h: HandoffRecord,
  type: CallEventType,
  now: number,
  detail: CallEventDetail = {},
): void {
  const write = store.supervisor.events
    .append({
      id: ulid(),
      handoffId: h.id,
      type,
      at: new Date(now).toISOString(),
      queue: h.queue,
      kioskId: h.kioskId,
      conversationId: h.request.sessionId,
      agent: detail.agent ?? h.agent,
      waitMs: detail.waitMs ?? null,
      handleMs: detail.handleMs ?? null,
      negativeCue: h.request.negativeCue === true,
      reason: detail.reason ?? null,
    })
    .catch((err: Error) =>
      log.error({ event: 'hub.call_event.failed', handoffId: h.id, type, err: err.message }),
    );
  const set = pending.get(store) ?? new Set();
  pending.set(store, set);
  set.add(write);
  void write.finally(() => set.delete(write));
}

/** Resolves once every call event this process started writing to `store` is written (or failed). */
export async function callEventsSettled(store: HubStore): Promise<void> {
  const set = pending.get(store);
  if (set && set.size > 0) await Promise.all([...set]);
}

/**
 * A handoff's end (HandoffCalls.finish): 'ended' with its talk time when an agent had answered it,
 * else 'abandoned' with its wait. The reason: the bounds' (kiosk_left, kiosk_never_connected), the
 * ticket filed, or the customer leaving the queue (cancel, or the kiosk's socket gone).
 */
export function recordCallEnd(
  store: HubStore,
  log: Logger,
  h: HandoffRecord,
  now: number,
  ticketId: string | null,
  outcome: HandoffOutcome | undefined,
): void {
  const bounds = outcome?.state === 'abandoned' ? outcome.reason : undefined;
  const reason = bounds ?? (ticketId !== null ? 'ticket_filed' : 'left_queue');
  if (h.acceptedAt === null)
    recordCallEvent(store, log, h, 'abandoned', now, { waitMs: now - h.enqueuedAt, reason });
  else recordCallEvent(store, log, h, 'ended', now, { handleMs: now - h.acceptedAt, reason });
}
