// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. Check value of "123456789" is 0x29B1.
/** Lookup table of CRC-16/CCITT-FALSE, one entry per byte value. */
export const CRC16_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

export function crc16(data: Uint8Array, start = 0, end = data.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++)
    crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[((crc >> 8) ^ data[i]!) & 0xff]!;
  return crc;
}

/**
 * CRC-16/CCITT-FALSE has no reflection and no final xor, so running it over a message followed by its CRC
 * (big-endian) leaves 0: a receiver can check while it decodes, in one pass.
 */
export const CRC16_RESIDUE = 0;
