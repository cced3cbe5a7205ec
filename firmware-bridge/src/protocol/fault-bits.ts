// Fault names (`stall:2`, `overtemp:1`, `encoder:3`, `watchdog`) packed into TELEMETRY's 32-bit field.

/** Fault bit layout: stall j -> bit j, over-temperature j -> 8+j, encoder j -> 16+j, watchdog -> 24. */
export function faultBitsToNames(bits: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < 8; j++) {
    if (bits & (1 << j)) out.push(`stall:${j}`);
    if (bits & (1 << (8 + j))) out.push(`overtemp:${j}`);
    if (bits & (1 << (16 + j))) out.push(`encoder:${j}`);
  }
  if (bits & (1 << 24)) out.push('watchdog');
  return out;
}

export function faultNamesToBits(names: Iterable<string>): number {
  let bits = 0;
  for (const n of names) {
    const [kind, j] = n.split(':');
    const idx = Number(j);
    if (kind === 'watchdog') bits |= 1 << 24;
    else if (kind === 'stall') bits |= 1 << idx;
    else if (kind === 'overtemp') bits |= 1 << (8 + idx);
    else if (kind === 'encoder') bits |= 1 << (16 + idx);
  }
  return bits >>> 0;
}
