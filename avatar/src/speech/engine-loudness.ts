// How loud the engine's audio is over a line, frame by frame, for the jaw (speech-plan.ts jawAt): RMS in
// 10 ms frames, smoothed over a few frames (a jaw moves over tens of milliseconds, not within one),
// against the line's loud level, compressed a little (the jaw opens most of the way for any clearly voiced
// sound). Built from a whole WAV, or piece by piece as a streamed line arrives. Pure.
import type { Loudness } from '../speech-plan.ts';

export const LOUD_FRAME_MS = 10;
/** Frames averaged each side of a frame. */
const LOUD_SMOOTH_FRAMES = 1;
/** The line's loud level: this share of its sounding frames are quieter. */
const LOUD_REFERENCE = 0.9;
const LOUD_EXPONENT = 0.7;

/** A line's loudness, its pieces' samples added as they come (pauses between them count as silence). */
export class LineLoudness {
  private readonly sums: number[] = [];
  private frame = 0;
  /** One past the last sample so far: a pause before a piece is silence, counted as such. */
  private end = 0;

  /** Adds `samples` that start `startMs` into the line. */
  add(samples: Int16Array, sampleRate: number, startMs: number): void {
    this.frame ||= Math.max(1, Math.round((sampleRate * LOUD_FRAME_MS) / 1000));
    const first = Math.round((startMs * sampleRate) / 1000);
    for (let i = 0; i < samples.length; i++) {
      const f = Math.floor((first + i) / this.frame);
      while (this.sums.length <= f) this.sums.push(0);
      this.sums[f]! += (samples[i]! / 32768) ** 2;
    }
    this.end = Math.max(this.end, first + samples.length);
  }

  /** The loudness so far; null before any sound. */
  loudness(sampleRate: number): Loudness | null {
    if (this.frame === 0) return null;
    const rms = this.sums.map((s, f) => Math.sqrt(s / Math.min(this.frame, this.end - f * this.frame)));
    return normalized(rms, (this.frame * 1000) / sampleRate);
  }
}

function normalized(rms: number[], frameMs: number): Loudness | null {
  const smooth = rms.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (
      let k = Math.max(0, i - LOUD_SMOOTH_FRAMES);
      k <= Math.min(rms.length - 1, i + LOUD_SMOOTH_FRAMES);
      k++
    ) {
      sum += rms[k]!;
      count++;
    }
    return sum / count;
  });
  const peak = Math.max(0, ...smooth);
  const sounding = smooth.filter((r) => r > peak * 0.02).sort((a, b) => a - b);
  const ref = sounding[Math.floor((sounding.length - 1) * LOUD_REFERENCE)] ?? 0;
  if (ref <= 0) return null;
  return { frameMs, values: smooth.map((r) => Math.min(1, r / ref) ** LOUD_EXPONENT) };
}

/** The loudness of a whole line's 16-bit mono PCM WAV; null for a WAV this does not read, or silence. */
export function loudnessOfWav(wav: ArrayBuffer): Loudness | null {
  if (wav.byteLength < 44) return null;
  const view = new DataView(wav);
  if (view.getUint16(22, true) !== 1 || view.getUint16(34, true) !== 16) return null;
  const rate = view.getUint32(24, true);
  const samples = new Int16Array((wav.byteLength - 44) >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true);
  const line = new LineLoudness();
  line.add(samples, rate, 0);
  return line.loudness(rate);
}
