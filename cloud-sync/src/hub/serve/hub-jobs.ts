// The hub's periodic jobs, the same on every runtime: tickets past their due time are escalated to the
// supervisors, and recordings past their retention are deleted. Both run once at start too: a hub
// restarted more often than a period would otherwise never run them. Web-standard timers only.
import type { Logger } from '../../logger.ts';
import { DEFAULT_TICKET_SLA, type TicketSla } from '../../schema/ticket-sla.ts';
import type { RecordingOptions } from '../recording-files.ts';
import { sweepExpiredRecordings } from '../recording-retention.ts';
import type { HubStore } from '../store/types.ts';
import { scheduleEscalation } from '../ticket-escalation.ts';

export interface HubJobOptions {
  ticketSla?: TicketSla;
  /** How often the escalation job looks for tickets past their due time. Default 60 s. */
  ticketEscalationMs?: number;
  recordings?: RecordingOptions;
  /** How often expired recordings are deleted. Default 1 h. */
  recordingSweepMs?: number;
}

/** Starts the jobs; the returned function stops them (before the store closes). */
export function startHubJobs(store: HubStore, o: HubJobOptions, log: Logger): () => void {
  const sla = o.ticketSla ?? DEFAULT_TICKET_SLA;
  const escalator = scheduleEscalation(store, sla, o.ticketEscalationMs ?? 60_000, log);
  const recordings = o.recordings;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  if (recordings) {
    const sweep = (): void => {
      sweepExpiredRecordings(store, recordings.files, Date.now(), log).catch((err: unknown) =>
        log.warn({ event: 'hub.recording.sweep_failed', err: (err as Error).message }),
      );
    };
    sweep();
    sweeper = setInterval(sweep, o.recordingSweepMs ?? 3600_000);
    (sweeper as { unref?: () => void }).unref?.();
  }
  return () => {
    clearInterval(escalator);
    clearInterval(sweeper);
  };
}
