import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cobsDecode, cobsEncode } from './cobs.ts';
import { crc16 } from './crc.ts';
import { encodeFrame, FrameDecoder, FrameError, MAX_BODY_BYTES, type Frame } from './frame.ts';

const bytes = (max = 300) => fc.uint8Array({ minLength: 0, maxLength: max });
const frameArb = fc.record({
  seq: fc.integer({ min: 0, max: 255 }),
  ack: fc.integer({ min: 0, max: 255 }),
  type: fc.integer({ min: 0, max: 255 }),
  body: bytes(),
});

function decodeAll(chunks: Uint8Array[]): { frames: Frame[]; decoder: FrameDecoder } {
  const frames: Frame[] = [];
  const decoder = new FrameDecoder((f) => frames.push(f));
  for (const c of chunks) decoder.push(c);
  return { frames, decoder };
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('CRC-16/CCITT-FALSE', () => {
  it('has the catalogue check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
});

describe('COBS', () => {
  it('round-trips any bytes and never emits a zero', () => {
    fc.assert(
      fc.property(bytes(1200), (data) => {
        const enc = cobsEncode(data);
        expect(enc.includes(0)).toBe(false);
        expect(cobsDecode(enc)).toEqual(data);
      }),
    );
  });

  it('handles the 254-byte block boundary', () => {
    for (const n of [253, 254, 255, 508, 509]) {
      const data = new Uint8Array(n).fill(7);
      expect(cobsDecode(cobsEncode(data))).toEqual(data);
    }
  });

  it('rejects a block with a code running past its end', () => {
    expect(cobsDecode(new Uint8Array([5, 1, 2]))).toBeNull();
  });
});

describe('frame codec', () => {
  it('round-trips any header and payload, fed in any chunking', () => {
    fc.assert(
      fc.property(frameArb, fc.integer({ min: 1, max: 64 }), (f, chunk) => {
        const wire = encodeFrame(f);
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < wire.length; i += chunk) chunks.push(wire.subarray(i, i + chunk));
        const { frames } = decodeAll(chunks);
        expect(frames).toHaveLength(1);
        expect(frames[0]).toEqual({ version: 1, ...f });
      }),
    );
  });

  it('recovers every valid frame from any garbage around them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(bytes(80), frameArb), { minLength: 1, maxLength: 6 }),
        bytes(80),
        (parts, tail) => {
          const wire = concat(...parts.flatMap(([garbage, f]) => [garbage, encodeFrame(f)]), tail);
          const { frames } = decodeAll([wire]);
          // Garbage may (very rarely) decode as a frame of its own; the sent frames must all be there, in order.
          const sent = parts.map(([, f]) => ({ version: 1, ...f }));
          let k = 0;
          for (const got of frames)
            if (k < sent.length && JSON.stringify(got) === JSON.stringify(sent[k])) k++;
          expect(k).toBe(sent.length);
        },
      ),
    );
  });

  it('rejects any single bit flip', () => {
    fc.assert(
      fc.property(frameArb, fc.nat(), fc.integer({ min: 0, max: 7 }), (f, pos, bit) => {
        const wire = encodeFrame(f).slice();
        const i = 1 + (pos % (wire.length - 2)); // inside the delimiters
        wire[i] = wire[i]! ^ (1 << bit);
        const { frames, decoder } = decodeAll([wire]);
        expect(frames.filter((g) => JSON.stringify(g) === JSON.stringify({ version: 1, ...f }))).toHaveLength(
          0,
        );
        expect(frames).toHaveLength(0);
        const c = decoder.counters;
        expect(c.crcErrors + c.malformed).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to encode an oversized body and counts oversized input', () => {
    expect(() => encodeFrame({ seq: 0, ack: 0, type: 1, body: new Uint8Array(MAX_BODY_BYTES + 1) })).toThrow(
      FrameError,
    );
    const good = encodeFrame({ seq: 0, ack: 0, type: 3, body: new Uint8Array([1, 2, 3]) });
    const junk = new Uint8Array(5000).fill(0x41);
    const { frames, decoder } = decodeAll([junk, good]);
    expect(frames).toHaveLength(1);
    expect(decoder.counters.oversize).toBe(1);
    expect(decoder.counters.resyncs).toBeGreaterThanOrEqual(1);
    // the same, with the oversized block delimited inside one chunk
    const one = decodeAll([concat(new Uint8Array([0]), junk, good)]);
    expect(one.frames).toHaveLength(1);
    expect(one.decoder.counters.oversize).toBe(1);
  });

  it('counts frames, CRC errors and malformed blocks', () => {
    const good = encodeFrame({ seq: 1, ack: 0, type: 0x10, body: new Uint8Array([9, 9]) });
    const bad = good.slice();
    bad[4] = bad[4]! ^ 0x01;
    const short = new Uint8Array([0, 3, 1, 1, 0]);
    const wrongVersion = encodeFrame({ version: 9, seq: 0, ack: 0, type: 3, body: new Uint8Array(0) });
    const { frames, decoder } = decodeAll([good, bad, short, wrongVersion, good]);
    expect(frames).toHaveLength(2);
    expect(decoder.counters.frames).toBe(2);
    expect(decoder.counters.crcErrors + decoder.counters.malformed).toBe(3);
    expect(decoder.counters.malformed).toBeGreaterThanOrEqual(2);
  });
});
