// ISO 7811 magnetic-stripe track parsing. Pure: no Node built-ins.
// The result carries the PAN only so that the caller can mask and tokenise it at once; the name,
// service code and discretionary data are never copied out of this function.

export type SwipeErrorReason = 'empty' | 'no_track' | 'malformed_track' | 'bad_pan' | 'track_mismatch';

export type ParsedTrack =
  { ok: true; pan: string; expiry?: string } | { ok: false; reason: SwipeErrorReason };

/** The largest swipe accepted (track 1 is at most 79 characters, track 2 at most 40, plus sentinels). */
export const MAX_SWIPE_CHARS = 256;

// Track 1, format B: %B PAN ^ NAME ^ YYMM SVC discretionary ?   (the expiry may be '^' when absent)
const TRACK1 = /%B(\d{1,19})\^([^^?]{0,26})\^(\d{4}|\^)?([^?]*)\?/;
// Track 2: ; PAN = YYMM SVC discretionary ?   (the expiry may be '=' when absent)
const TRACK2 = /;(\d{1,19})=(\d{4}|=)?([^?]*)\?/;

function expiryOf(field: string | undefined): string | undefined {
  return field !== undefined && /^\d{4}$/.test(field) ? field : undefined;
}

/**
 * Parses the raw text of one swipe (track 1, track 2, or both in that order, as keyboard-wedge
 * readers type them). When both tracks are present their PANs must agree.
 */
export function parseSwipe(raw: string): ParsedTrack {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_SWIPE_CHARS) return { ok: false, reason: 'malformed_track' };

  const t1 = TRACK1.exec(text);
  const t2 = TRACK2.exec(text);
  if (!t1 && !t2) {
    // Sentinels present but the body does not parse: a partial or noisy read.
    return /[%;]/.test(text) ? { ok: false, reason: 'malformed_track' } : { ok: false, reason: 'no_track' };
  }
  const pan1 = t1?.[1];
  const pan2 = t2?.[1];
  if (pan1 !== undefined && pan2 !== undefined && pan1 !== pan2)
    return { ok: false, reason: 'track_mismatch' };
  const pan = (pan1 ?? pan2) as string;
  // ISO/IEC 7812: 8 to 19 digits.
  if (pan.length < 8) return { ok: false, reason: 'bad_pan' };
  const expiry = expiryOf(t1?.[3]) ?? expiryOf(t2?.[2]);
  return expiry === undefined ? { ok: true, pan } : { ok: true, pan, expiry };
}

/** Text the kiosk may show for a bad swipe. */
export function describeSwipeError(reason: SwipeErrorReason): string {
  switch (reason) {
    case 'empty':
    case 'no_track':
      return 'No card data was read. Please swipe the card again.';
    case 'malformed_track':
    case 'track_mismatch':
      return 'The card could not be read. Please swipe again, steadily and in one motion.';
    case 'bad_pan':
      return 'This card number could not be read. Please swipe again or ask a member of staff.';
  }
}
