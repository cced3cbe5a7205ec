// A card read left pending on purpose: sent under a chosen requestId so the test can swipe, unplug,
// cancel or end the session while it waits, then collect the completion itself.
import { waitFor, type KioskClient } from '../harness.ts';

/**
 * Sends CardReader.ReadCard with `requestId` and waits for its acknowledge. The ack wait uses
 * waitFor's own bound and label unless `ack` names others.
 */
export async function startCardRead(
  c: KioskClient,
  requestId: number,
  sessionId: string,
  readTimeoutMs: number,
  ack: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  c.sendRaw(
    JSON.stringify({
      header: { type: 'command', name: 'CardReader.ReadCard', requestId, version: '1.0' },
      payload: { sessionId, timeoutMs: readTimeoutMs },
    }),
  );
  await waitFor(
    () => c.frames.find((f) => f.header.type === 'acknowledge' && f.header.requestId === requestId),
    ack.timeoutMs,
    ack.what,
  );
}
