// Where recordings' bytes live: an interface the runtime entry implements (serve/node-recording-files.ts
// on Node), so the web-standard core never touches a file system itself.

export interface RecordingFiles {
  /** Appends one chunk to the recording's file (created by the first chunk). */
  append(id: string, chunk: Uint8Array): Promise<void>;
  /** The file's size, or null when there is none. */
  size(id: string): Promise<number | null>;
  /** Bytes `start` to `end` inclusive, as a stream. */
  read(id: string, start: number, end: number): ReadableStream<Uint8Array>;
  /** Deletes the file; a missing one is not an error. */
  remove(id: string): Promise<void>;
}

/** How the hub records calls; its presence turns recording on. */
export interface RecordingOptions {
  files: RecordingFiles;
  /** Days a recording is kept after it starts (HUB_RECORDING_RETENTION_DAYS). */
  retentionDays: number;
  /** Largest size of one recording; a chunk beyond it answers 413 (HUB_RECORDING_MAX_MB). */
  maxBytes: number;
}

export const DEFAULT_RECORDING_RETENTION_DAYS = 180;
export const DEFAULT_RECORDING_MAX_BYTES = 512 * 1024 * 1024;
/** Largest single chunk (2 s of VP8/Opus is far less). */
export const MAX_RECORDING_CHUNK_BYTES = 8 * 1024 * 1024;
export const RECORDING_MIME = 'video/webm';
