// The retention job: deletes recordings past their retention that are not on legal hold, row first
// (the delete re-checks the hold) and then the file. Web-standard; the runtime entry schedules it.
import type { Logger } from '../logger.ts';
import type { RecordingFiles } from './recording-files.ts';
import type { HubStore } from './store/types.ts';

/** One pass at `nowMs`; returns the ids deleted. */
export async function sweepExpiredRecordings(
  store: HubStore,
  files: RecordingFiles,
  nowMs: number,
  log?: Logger,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const row of await store.recordings.expired(new Date(nowMs).toISOString(), 500)) {
    if (!(await store.recordings.remove(row.id))) continue;
    await files.remove(row.id);
    deleted.push(row.id);
    log?.info({ event: 'hub.recording.expired', recordingId: row.id, handoffId: row.handoffId });
  }
  return deleted;
}
