// Decoder throughput: a stream of encoded telemetry frames (the bulk of real traffic), fed in 4 KiB chunks.
import { encodeFrame, FrameDecoder } from '../src/protocol/frame.ts';
import { encodeMessage } from '../src/protocol/messages.ts';

export function decoderThroughput(
  totalBytes = 32 * 1024 * 1024,
  rounds = 5,
): { mbPerS: number; frameBytes: number } {
  const { type, body } = encodeMessage({
    type: 'telemetry',
    t: 123456,
    state: 'moving',
    homed: true,
    faultBits: 0,
    gripper: 0.5,
    positions: [12.5, 80.25, -85.125, -90.5, 3.75],
    velocities: [10, -20, 30, -40, 0],
    currents: [0.5, 0.6, 0.7, 0.8, 0.1],
    temperatures: [31.5, 32.5, 33.5, 34.5, 30.5],
  });
  const frame = encodeFrame({ seq: 0, ack: 17, type, body }).slice();
  const count = Math.floor(totalBytes / frame.length);
  const stream = new Uint8Array(count * frame.length);
  for (let i = 0; i < count; i++) stream.set(frame, i * frame.length);
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let frames = 0;
    const dec = new FrameDecoder(() => frames++);
    const t0 = performance.now();
    for (let o = 0; o < stream.length; o += 4096) dec.push(stream.subarray(o, o + 4096));
    const s = (performance.now() - t0) / 1000;
    if (frames !== count) throw new Error(`decoded ${frames} of ${count} frames`);
    results.push(stream.length / 1e6 / s);
  }
  results.sort((a, b) => a - b);
  return { mbPerS: results[Math.floor(results.length / 2)]!, frameBytes: frame.length };
}
