// Frame layout (before COBS): version u8 | seq u8 | ack u8 | type u8 | length u16 LE | body | CRC-16 BE.
// On the wire: 0x00 | COBS(frame) | 0x00. The leading delimiter flushes any garbage the receiver holds.
import { cobsEncodeInto, cobsMaxEncodedLength } from './cobs.ts';
import { crc16, CRC16_RESIDUE, CRC16_TABLE } from './crc.ts';

export const PROTOCOL_VERSION = 1;
export const HEADER_BYTES = 6;
export const CRC_BYTES = 2;
/** Largest body a frame may carry, bytes. */
export const MAX_BODY_BYTES = 1024;
export const MAX_FRAME_BYTES = HEADER_BYTES + MAX_BODY_BYTES + CRC_BYTES;
export const MAX_ENCODED_BYTES = cobsMaxEncodedLength(MAX_FRAME_BYTES);

export interface Frame {
  version: number;
  /** 0: unsequenced (heartbeat, ack, telemetry, HALT); 1..255: reliable, in order. */
  seq: number;
  /** Last in-order reliable seq received from the peer (0: none yet). */
  ack: number;
  type: number;
  body: Uint8Array;
}

export class FrameError extends Error {
  override name = 'FrameError';
}

const scratch = new Uint8Array(MAX_FRAME_BYTES);
const SLAB_BYTES = 256 * 1024;

/** Encodes a frame with both delimiters. Throws FrameError when the body is too large. */
export function encodeFrame(f: Omit<Frame, 'version'> & { version?: number }): Uint8Array {
  const n = f.body.length;
  if (n > MAX_BODY_BYTES) throw new FrameError(`body of ${n} bytes exceeds ${MAX_BODY_BYTES}`);
  const raw = scratch;
  raw[0] = f.version ?? PROTOCOL_VERSION;
  raw[1] = f.seq & 0xff;
  raw[2] = f.ack & 0xff;
  raw[3] = f.type & 0xff;
  raw[4] = n & 0xff;
  raw[5] = n >> 8;
  raw.set(f.body, HEADER_BYTES);
  const crc = crc16(raw, 0, HEADER_BYTES + n);
  raw[HEADER_BYTES + n] = crc >> 8;
  raw[HEADER_BYTES + n + 1] = crc & 0xff;
  const total = HEADER_BYTES + n + CRC_BYTES;
  const out = new Uint8Array(cobsMaxEncodedLength(total) + 2);
  out[0] = 0;
  const end = cobsEncodeInto(raw.subarray(0, total), out, 1);
  out[end] = 0;
  return out.subarray(0, end + 1);
}

export interface DecoderCounters {
  bytes: number;
  frames: number;
  crcErrors: number;
  /** COBS violations, short frames, bad length fields, unknown protocol versions. */
  malformed: number;
  oversize: number;
  /** Times the decoder threw bytes away and restarted at the next delimiter. */
  resyncs: number;
}

/** Streaming decoder: feed it any chunks; it calls `onFrame` for each valid frame and counts the rest. */
export class FrameDecoder {
  readonly counters: DecoderCounters = {
    bytes: 0,
    frames: 0,
    crcErrors: 0,
    malformed: 0,
    oversize: 0,
    resyncs: 0,
  };
  private readonly buf = new Uint8Array(MAX_ENCODED_BYTES);
  /**
   * Frames are decoded into a shared slab and handed out as views on it: a fresh small ArrayBuffer per
   * frame costs V8 more than decoding the frame does. A full slab is left to the frames that still use it.
   */
  private slab = new Uint8Array(SLAB_BYTES);
  private slabOff = 0;
  private len = 0;
  private discarding = false;

  constructor(
    private readonly onFrame: (frame: Frame) => void,
    private readonly acceptVersion: (v: number) => boolean = (v) => v === PROTOCOL_VERSION,
  ) {}

  push(chunk: Uint8Array): void {
    this.counters.bytes += chunk.length;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      const z = chunk.indexOf(0, i);
      const end = z < 0 ? n : z;
      const take = end - i;
      if (z >= 0 && this.len === 0 && !this.discarding) {
        // Common case: the whole frame is inside this chunk; decode it in place, no copy.
        if (take > 0) {
          if (take > this.buf.length) {
            this.counters.oversize++;
            this.counters.resyncs++;
          } else this.finish(chunk, i, end);
        }
        i = z + 1;
        continue;
      }
      if (take > 0 && !this.discarding) {
        if (this.len + take > this.buf.length) {
          this.counters.oversize++;
          this.counters.resyncs++;
          this.discarding = true;
          this.len = 0;
        } else {
          this.buf.set(chunk.subarray(i, end), this.len);
          this.len += take;
        }
      }
      if (z < 0) break;
      // delimiter
      if (this.discarding) this.discarding = false;
      else if (this.len > 0) this.finish(this.buf, 0, this.len);
      this.len = 0;
      i = z + 1;
    }
  }

  /** Drops any partial frame (for example after the port was reopened). */
  reset(): void {
    this.len = 0;
    this.discarding = false;
  }

  private finish(src: Uint8Array, start: number, end: number): void {
    const c = this.counters;
    // COBS decoding and the CRC in one pass (the hot loop of the link). `src[start..end)` holds no zero.
    if (this.slabOff + MAX_FRAME_BYTES > this.slab.length) {
      this.slab = new Uint8Array(SLAB_BYTES);
      this.slabOff = 0;
    }
    const raw = this.slab;
    const base = this.slabOff;
    const cap = base + MAX_FRAME_BYTES;
    const table = CRC16_TABLE;
    let crc = 0xffff;
    let out = base;
    let i = start;
    while (i < end) {
      const code = src[i++]!;
      const runEnd = i + code - 1;
      if (runEnd > end || out + code - 1 > cap) return this.bad('malformed');
      while (i < runEnd) {
        const b = src[i++]!;
        raw[out++] = b;
        crc = ((crc << 8) & 0xffff) ^ table[((crc >> 8) ^ b) & 0xff]!;
      }
      if (code !== 0xff && i < end) {
        if (out >= cap) return this.bad('malformed');
        raw[out++] = 0;
        crc = ((crc << 8) & 0xffff) ^ table[(crc >> 8) & 0xff]!;
      }
    }
    const n = out - base;
    if (n < HEADER_BYTES + CRC_BYTES) return this.bad('malformed');
    if (crc !== CRC16_RESIDUE) return this.bad('crcErrors');
    const bodyLen = raw[base + 4]! | (raw[base + 5]! << 8);
    if (bodyLen !== n - HEADER_BYTES - CRC_BYTES || !this.acceptVersion(raw[base]!))
      return this.bad('malformed');
    c.frames++;
    this.slabOff = out;
    this.onFrame({
      version: raw[base]!,
      seq: raw[base + 1]!,
      ack: raw[base + 2]!,
      type: raw[base + 3]!,
      body: new Uint8Array(raw.buffer, base + HEADER_BYTES, bodyLen),
    });
  }

  private bad(kind: 'malformed' | 'crcErrors'): void {
    this.counters[kind]++;
    this.counters.resyncs++;
  }
}
