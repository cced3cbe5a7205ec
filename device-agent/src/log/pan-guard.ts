// The last line of defence against card data in logs: anything that looks like a PAN or track data is
// replaced before pino serialises it. Card code never logs card data in the first place; this guard
// catches mistakes (an error message quoting input, a debug dump). Pure.

export const REDACTED = '[redacted]';

// Track 1 / track 2 bodies, then any run of 12..19 digits (spaces or dashes between groups allowed).
const TRACK = /%B[^?]{0,90}\?|;\d{8,19}=[^?]{0,40}\?/g;
const DIGIT_RUN = /(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)/g;

export function scrubText(text: string): string {
  return text.replace(TRACK, REDACTED).replace(DIGIT_RUN, REDACTED);
}

const MAX_DEPTH = 8;

/** Copies a log argument with every string scrubbed; numbers with 12..19 digits are dropped too. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) >= 1e11 && Math.abs(value) < 1e19 ? REDACTED : value;
  if (typeof value === 'bigint') return REDACTED;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: value.stack ? scrubText(value.stack) : undefined,
    };
  }
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}
