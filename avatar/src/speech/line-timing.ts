// How long the avatar waits for a line that does not end by itself, and how far the mouth runs ahead.

/** A voiced line that never reports its end still ends: its estimate, doubled, plus a margin. */
export const VOICE_WATCHDOG_FACTOR = 2;
export const VOICE_WATCHDOG_MARGIN_MS = 3000;
/** A streamed line whose pieces stop coming ends after this long. */
export const STREAM_WATCHDOG_MS = 30_000;
/** The mouth runs ahead of the sound by a frame (60 Hz): a frame drawn now is seen a frame later. */
export const MOUTH_LEAD_MS = 16;
