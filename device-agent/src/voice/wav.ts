// 16-bit mono PCM helpers: read espeak-ng's WAV header, find where a piece's sound starts and ends, and
// write the line's WAV. Pure (Uint8Array/DataView only).

export const WAV_HEADER_BYTES = 44;

export function wavSampleRate(header: Uint8Array): number {
  if (header.length < WAV_HEADER_BYTES) throw new Error('wav: header too short');
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, false) !== 0x52494646 || view.getUint32(8, false) !== 0x57415645)
    throw new Error('wav: not a RIFF/WAVE stream');
  if (view.getUint16(22, true) !== 1 || view.getUint16(34, true) !== 16)
    throw new Error('wav: expected mono 16-bit PCM');
  return view.getUint32(24, true);
}

/** Little-endian 16-bit samples of raw PCM bytes (an odd trailing byte is dropped). */
export function pcmSamples(bytes: Uint8Array): Int16Array {
  const n = bytes.length >> 1;
  const out = new Int16Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, n * 2);
  for (let i = 0; i < n; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/** First and last sample (exclusive) louder than `threshold`; [0, 0] for silence. */
export function soundBounds(samples: Int16Array, threshold = 300): [number, number] {
  let start = 0;
  while (start < samples.length && Math.abs(samples[start]!) < threshold) start++;
  if (start === samples.length) return [0, 0];
  let end = samples.length;
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--;
  return [start, end];
}

export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(WAV_HEADER_BYTES + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(WAV_HEADER_BYTES + i * 2, samples[i]!, true);
  return bytes;
}

/**
 * The loud stretches of a piece (its syllable nuclei, where the vowels sound), as sample ranges: 10 ms
 * frames whose RMS is above `share` of the piece's loudest frame, with gaps under 30 ms closed and
 * stretches under 30 ms dropped.
 */
export function loudSpans(samples: Int16Array, sampleRate: number, share = 0.3): [number, number][] {
  const frame = Math.max(1, Math.round(sampleRate / 100));
  const rms: number[] = [];
  for (let i = 0; i < samples.length; i += frame) {
    let s = 0;
    const end = Math.min(samples.length, i + frame);
    for (let k = i; k < end; k++) s += samples[k]! * samples[k]!;
    rms.push(Math.sqrt(s / (end - i)));
  }
  const peak = Math.max(0, ...rms);
  if (peak === 0) return [];
  const spans: [number, number][] = [];
  rms.forEach((r, f) => {
    if (r < peak * share) return;
    const last = spans[spans.length - 1];
    if (last && f - last[1] <= 3) last[1] = f + 1;
    else spans.push([f, f + 1]);
  });
  return spans
    .filter(([a, b]) => b - a >= 3)
    .map(([a, b]) => [a * frame, Math.min(samples.length, b * frame)] as [number, number]);
}
