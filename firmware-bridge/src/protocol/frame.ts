// Frame layout (before COBS): version u8 | seq u8 | ack u8 | type u8 | length u16 LE | body | CRC-16 BE.
// On the wire: 0x00 | COBS(frame) | 0x00. The leading delimiter flushes any garbage the receiver holds.
import { cobsDecodeInto, cobsEncodeInto, cobsMaxEncodedLength } from './cobs.ts';
import { crc16 } from './crc.ts';

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
  private readonly raw = new Uint8Array(MAX_FRAME_BYTES);
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
    const n = cobsDecodeInto(src, start, end, this.raw);
    if (n < HEADER_BYTES + CRC_BYTES) {
      c.malformed++;
      c.resyncs++;
      return;
    }
    const raw = this.raw;
    const crc = (raw[n - 2]! << 8) | raw[n - 1]!;
    if (crc16(raw, 0, n - 2) !== crc) {
      c.crcErrors++;
      c.resyncs++;
      return;
    }
    const bodyLen = raw[4]! | (raw[5]! << 8);
    if (bodyLen !== n - HEADER_BYTES - CRC_BYTES || !this.acceptVersion(raw[0]!)) {
      c.malformed++;
      c.resyncs++;
      return;
    }
    c.frames++;
    this.onFrame({
      version: raw[0]!,
      seq: raw[1]!,
      ack: raw[2]!,
      type: raw[3]!,
      body: raw.slice(HEADER_BYTES, HEADER_BYTES + bodyLen),
    });
  }
}
