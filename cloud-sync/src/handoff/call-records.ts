// What a handoff turns into at the hub: the assigned agent's view of the call (from the request and
// the synced conversation) and, at the end, a customer ticket applied as a change of that kiosk's own.
import { ulid } from 'ulid';
import type { ChangeEnvelope } from '../schema/change.ts';
import type { CallTransfer, CallView, HandoffRequest, QueueName } from '../schema/handoff.ts';
import { Hlc } from '../schema/hlc.ts';
import type { HubStore } from '../hub/store/types.ts';

export interface HandoffRecord {
  id: string;
  kioskId: string;
  queue: QueueName;
  request: HandoffRequest;
  enqueuedAt: number;
  priority: number;
  /** The agent the call is assigned to now, and the name the customer sees. */
  agent: string | null;
  agentName: string | null;
  acceptedAt: number | null;
  /** Whether the kiosk's signalling socket ever opened, and when a kiosk socket was last seen on it. */
  claimed: boolean;
  kioskSeenAt: number;
  /** Passed on from another desk (the last transfer): shown to the agent who takes it next. */
  transfer?: CallTransfer;
  /** Since when the agent holds the call (absent: not on hold). */
  heldAt?: number;
}

/** The call as the assigned agent sees it: masked identity only, the transcript so far, cues. */
export async function buildCallView(store: HubStore, h: HandoffRecord): Promise<CallView> {
  const detail = await store.getConversation(h.request.sessionId);
  // A conversation of another kiosk under the same id is not this customer's: never show it.
  const own = detail && detail.conversation.kioskId === h.kioskId ? detail : null;
  const r = h.request;
  const maskedPan = r.maskedPan ?? own?.conversation.maskedPan;
  return {
    handoffId: h.id,
    queue: h.queue,
    kioskId: h.kioskId,
    sessionId: r.sessionId,
    locale: r.locale,
    reason: r.reason,
    ...(r.intent !== undefined ? { intent: r.intent } : {}),
    ...(r.botConfidence !== undefined ? { botConfidence: r.botConfidence } : {}),
    ...(r.customer ? { customerTier: r.customer.tier } : {}),
    ...(maskedPan !== undefined ? { maskedPan } : {}),
    ...(r.deviceState ? { deviceState: r.deviceState } : {}),
    cues: r.cues ?? [],
    transcript: (own?.messages ?? []).map((m) => ({ role: m.role, text: m.text, at: m.at })),
    ...(h.transfer ? { transfer: h.transfer } : {}),
  };
}

/** True when the conversation is this kiosk's or not (yet) at the hub; false when another kiosk's. */
export async function ownsOrUnknown(
  store: HubStore,
  conversationId: string,
  kioskId: string,
): Promise<boolean> {
  const detail = await store.getConversation(conversationId);
  return !detail || detail.conversation.kioskId === kioskId;
}

/** Files the agent's notes as a customer ticket of the kiosk the call came from; returns its id. */
export async function fileCallTicket(
  store: HubStore,
  hlc: Hlc,
  h: HandoffRecord,
  agent: string,
  notes: string,
  resolved: boolean,
  now: Date,
): Promise<string> {
  const id = `handoff-${h.id}`;
  const at = now.toISOString();
  // Checked again: another kiosk's conversation of that id may have arrived during the call.
  const ownConversation = await ownsOrUnknown(store, h.request.sessionId, h.kioskId);
  const change: ChangeEnvelope = {
    id: ulid(),
    kioskId: h.kioskId,
    entityId: id,
    entity: 'ticket',
    op: 'upsert',
    hlc: Hlc.serialize(hlc.now()),
    data: {
      id,
      kioskId: h.kioskId,
      kind: 'customer',
      status: 'open',
      priority: h.priority >= 4 ? 'high' : 'normal',
      title: `Video call (${h.queue}): ${h.request.intent ?? h.request.reason}`.slice(0, 200),
      description: notes.trim() === '' ? '(no notes)' : notes,
      ...(ownConversation ? { conversationId: h.request.sessionId } : {}),
      assignee: agent,
      createdAt: at,
      updatedAt: at,
      comments: [],
    },
  };
  const changes: ChangeEnvelope[] = [change];
  // A call the agent resolved walks the status machine to 'resolved'; otherwise it stays open.
  const path = resolved ? (['open', 'assigned', 'in_progress', 'resolved'] as const) : (['open'] as const);
  for (let i = 1; i < path.length; i += 1) {
    changes.push({
      ...change,
      id: ulid(),
      hlc: Hlc.serialize(hlc.now()),
      data: { id, kioskId: h.kioskId, status: path[i], statusFrom: path[i - 1], updatedAt: at },
    });
  }
  await store.applyChanges(h.kioskId, changes);
  return id;
}
