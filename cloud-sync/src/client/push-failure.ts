// Which push failures no retry can fix. The hub refuses a whole batch for one bad change (a body that
// does not validate, a record of another kiosk, a conflict), so a batch of several is split until the
// refused change stands alone; only then is it set aside. 401 stays retryable: it is the kiosk's
// credential, not a change, that is wrong.
import type { Logger } from '../logger.ts';
import { HubRequestError } from './hub-http.ts';
import type { Outbox } from './outbox.ts';

const PERMANENT = new Set([400, 403, 404, 409, 413, 422]);

export type PushFailure = { kind: 'retry' } | { kind: 'split' } | { kind: 'quarantine'; status: number };

export function classifyPushFailure(err: unknown, batchSize: number): PushFailure {
  if (!(err instanceof HubRequestError) || !PERMANENT.has(err.status)) return { kind: 'retry' };
  return batchSize > 1 ? { kind: 'split' } : { kind: 'quarantine', status: err.status };
}

/** Sets a change the hub refused for good aside, so the changes behind it flow; alerts once. */
export function setAside(
  outbox: Outbox,
  change: { id: string; entity: string; entityId: string },
  status: number,
  err: Error,
  log: Logger,
): void {
  outbox.quarantine(change.id, status, err.message);
  log.error(
    {
      event: 'sync.change.quarantined',
      changeId: change.id,
      entity: change.entity,
      entityId: change.entityId,
      status,
      err: err.message,
    },
    'the hub refused a change for good; set aside in sync_quarantine',
  );
}
