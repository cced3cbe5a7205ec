// Which push failures no retry can fix. The hub refuses a whole batch for one bad change (a body that
// does not validate, a record of another kiosk, a conflict), so a batch of several is split until the
// refused change stands alone; only then is it set aside. 401 stays retryable: it is the kiosk's
// credential, not a change, that is wrong.
import { HubRequestError } from './hub-http.ts';

const PERMANENT = new Set([400, 403, 404, 409, 413, 422]);

export type PushFailure = { kind: 'retry' } | { kind: 'split' } | { kind: 'quarantine'; status: number };

export function classifyPushFailure(err: unknown, batchSize: number): PushFailure {
  if (!(err instanceof HubRequestError) || !PERMANENT.has(err.status)) return { kind: 'retry' };
  return batchSize > 1 ? { kind: 'split' } : { kind: 'quarantine', status: err.status };
}
