// Masking of a PAN for display and storage. Pure.

/**
 * Keeps at most the first 6 and the last 4 digits in clear (PCI DSS display rule); shorter PANs keep
 * fewer, so that at least half of the digits are always hidden.
 */
export function maskPan(pan: string): string {
  const len = pan.length;
  const tail = len >= 9 ? 4 : 0;
  const head = len >= 13 ? 6 : 0;
  return pan.slice(0, head) + '*'.repeat(len - head - tail) + pan.slice(len - tail);
}
