// Writes the hub's audit log. A read is answered only after its entry is stored (no unrecorded reads).
// Safety resets and customer consents are reported by the kiosks as synced device events; each becomes one entry, keyed by
// the event's id so a re-pushed change is recorded once. Web-standard APIs only.
import type { AuditAction, AuditEntry } from '../schema/audit.ts';
import type { ChangeEnvelope } from '../schema/change.ts';
import type { HubStore } from './store/types.ts';

export interface AuditAct {
  actor: string;
  action: AuditAction;
  subject: string;
  kioskId?: string;
  detail?: string;
}

export async function audit(store: HubStore, act: AuditAct, at = new Date()): Promise<void> {
  await store.appendAudit({
    id: `a-${crypto.randomUUID()}`,
    at: at.toISOString(),
    actor: act.actor,
    action: act.action,
    subject: act.subject,
    ...(act.kioskId === undefined ? {} : { kioskId: act.kioskId }),
    detail: (act.detail ?? '').slice(0, 500),
  });
}

const RESET_CAUSE = /^technician_reset:(.{1,64})$/;
const CONSENT_KINDS = new Set(['camera', 'recording']);

/** A consent event as its audit entry: the kind and the visit only (the event carries nothing else). */
function consentEntry(ch: ChangeEnvelope & { entity: 'device_event' }): AuditEntry | null {
  const { type, data } = ch.data;
  if (type !== 'consent.given' && type !== 'consent.refused') return null;
  const kind = data?.kind;
  const visit = data?.conversationId;
  if (typeof kind !== 'string' || !CONSENT_KINDS.has(kind) || typeof visit !== 'string') return null;
  return {
    id: `a-${ch.data.id}`,
    at: ch.data.at,
    actor: `${ch.kioskId}/customer`,
    action: type,
    subject: visit.slice(0, 64),
    kioskId: ch.kioskId,
    detail: kind,
  };
}

/**
 * The audit entries a pushed batch carries: each technician safety reset and each customer consent
 * (camera or recording, given or refused) reported by the kiosk.
 */
export function auditOfChanges(changes: readonly ChangeEnvelope[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const ch of changes) {
    if (ch.entity !== 'device_event') continue;
    const consent = consentEntry(ch);
    if (consent) out.push(consent);
    if (ch.data.type !== 'safety.transition') continue;
    const cause = ch.data.data?.cause;
    const by = typeof cause === 'string' ? RESET_CAUSE.exec(cause)?.[1] : undefined;
    if (by === undefined) continue;
    out.push({
      id: `a-${ch.data.id}`,
      at: ch.data.at,
      actor: `${ch.kioskId}/${by}`,
      action: 'safety.reset',
      subject: String(ch.data.data?.from ?? 'ESTOP'),
      kioskId: ch.kioskId,
      detail: ch.data.message.slice(0, 500),
    });
  }
  return out;
}
