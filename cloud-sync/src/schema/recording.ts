// A call recording's metadata as the hub keeps it and lists it to supervisors
// (GET /api/agent/recordings); the bytes are in the hub's recording files.

export interface RecordingRow {
  id: string;
  handoffId: string;
  kioskId: string;
  /** The agent whose browser recorded the call (the one who held it). */
  agent: string;
  startedAt: string;
  endedAt: string | null;
  bytes: number;
  mime: string;
  /** Set by the operator: a held recording outlives its retention. */
  legalHold: boolean;
  /** ISO time after which the retention job deletes it (unless held). */
  deleteAfter: string;
}

export interface RecordingListResponse {
  recordings: RecordingRow[];
}
