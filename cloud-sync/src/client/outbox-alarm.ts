// The outbox size alarm: raised when the changes waiting for the hub reach a threshold (by count or by
// bytes), cleared only once they drain below 90 % of it, so a queue hovering at the line does not
// flap. Logs one warning per crossing, not one per change.
import type { Logger } from '../logger.ts';

/** Defaults: 10,000 changes (hours of a busy kiosk's traffic) or 64 MiB of change JSON. */
export const DEFAULT_OUTBOX_ALARM = { changes: 10_000, bytes: 64 * 1024 * 1024 } as const;
/** The alarm clears below this share of each threshold. */
export const OUTBOX_ALARM_CLEAR_RATIO = 0.9;

export interface OutboxAlarmLimits {
  changes: number;
  bytes: number;
}

export class OutboxAlarm {
  private raised = false;

  constructor(
    readonly limits: OutboxAlarmLimits,
    private readonly log: Logger,
  ) {}

  get on(): boolean {
    return this.raised;
  }

  /** Takes the outbox's current size; returns whether the alarm is on. */
  update(pending: { changes: number; bytes: number }): boolean {
    const { changes, bytes } = this.limits;
    if (!this.raised && (pending.changes >= changes || pending.bytes >= bytes)) {
      this.raised = true;
      this.log.warn(
        { event: 'sync.outbox.alarm', pending: pending.changes, pendingBytes: pending.bytes, ...this.limits },
        'the outbox has passed its alarm threshold: changes are not reaching the hub',
      );
    } else if (
      this.raised &&
      pending.changes < changes * OUTBOX_ALARM_CLEAR_RATIO &&
      pending.bytes < bytes * OUTBOX_ALARM_CLEAR_RATIO
    ) {
      this.raised = false;
      this.log.info(
        { event: 'sync.outbox.alarm_cleared', pending: pending.changes, pendingBytes: pending.bytes },
        'the outbox has drained below its alarm threshold',
      );
    }
    return this.raised;
  }
}
