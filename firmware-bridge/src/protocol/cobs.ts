// Consistent Overhead Byte Stuffing: the encoded form contains no 0x00, so 0x00 delimits frames.

/** Largest possible encoded size of n bytes (without the delimiter). */
export function cobsMaxEncodedLength(n: number): number {
  return n + Math.ceil(n / 254) + 1;
}

/** Encodes `src` into `dst` at `offset`; returns the index after the last written byte. No delimiter. */
export function cobsEncodeInto(src: Uint8Array, dst: Uint8Array, offset = 0): number {
  let codeIndex = offset;
  let out = offset + 1;
  let code = 1;
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0) {
      dst[codeIndex] = code;
      codeIndex = out++;
      code = 1;
    } else {
      dst[out++] = b;
      code++;
      if (code === 0xff) {
        dst[codeIndex] = code;
        codeIndex = out++;
        code = 1;
      }
    }
  }
  dst[codeIndex] = code;
  return out;
}

export function cobsEncode(src: Uint8Array): Uint8Array {
  const dst = new Uint8Array(cobsMaxEncodedLength(src.length));
  const n = cobsEncodeInto(src, dst, 0);
  return dst.subarray(0, n);
}

/**
 * Decodes one COBS block (no delimiter), `src[start..end)`, into `dst`; returns the decoded length, or -1
 * when the block is malformed (a zero byte inside, a code running past the end) or does not fit in `dst`.
 */
export function cobsDecodeInto(src: Uint8Array, start: number, end: number, dst: Uint8Array): number {
  let i = start;
  let out = 0;
  const cap = dst.length;
  while (i < end) {
    const code = src[i]!;
    if (code === 0) return -1;
    i++;
    const runEnd = i + code - 1;
    if (runEnd > end || out + (runEnd - i) > cap) return -1;
    while (i < runEnd) {
      const b = src[i++]!;
      if (b === 0) return -1;
      dst[out++] = b;
    }
    if (code !== 0xff && i < end) {
      if (out >= cap) return -1;
      dst[out++] = 0;
    }
  }
  return out;
}

export function cobsDecode(src: Uint8Array): Uint8Array | null {
  const dst = new Uint8Array(src.length);
  const n = cobsDecodeInto(src, 0, src.length, dst);
  return n < 0 ? null : dst.slice(0, n);
}
