// RecordingFiles on Node: recordings/<id>.webm under the hub's data folder, appended per chunk.
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DEFAULT_RECORDING_MAX_BYTES,
  DEFAULT_RECORDING_RETENTION_DAYS,
  type RecordingFiles,
  type RecordingOptions,
} from '../recording-files.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function nodeRecordingFiles(dataDir: string): Promise<RecordingFiles> {
  const dir = join(dataDir, 'recordings');
  await mkdir(dir, { recursive: true });
  const file = (id: string): string => {
    // Ids are the hub's own ulids; anything else never becomes a path.
    if (!SAFE_ID.test(id)) throw new Error(`not a recording id: ${id}`);
    return join(dir, `${id}.webm`);
  };
  return {
    append: (id, chunk) => appendFile(file(id), chunk),
    size: async (id) => {
      try {
        return (await stat(file(id))).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    read: (id, start, end) =>
      Readable.toWeb(createReadStream(file(id), { start, end })) as ReadableStream<Uint8Array>,
    remove: (id) => rm(file(id), { force: true }),
  };
}

/** How a Node hub records: files under dataDir, the given limits or their defaults. */
export async function nodeRecordingOptions(
  dataDir: string,
  o: { retentionDays?: number | undefined; maxBytes?: number | undefined },
): Promise<RecordingOptions> {
  return {
    files: await nodeRecordingFiles(dataDir),
    retentionDays: o.retentionDays ?? DEFAULT_RECORDING_RETENTION_DAYS,
    maxBytes: o.maxBytes ?? DEFAULT_RECORDING_MAX_BYTES,
  };
}
