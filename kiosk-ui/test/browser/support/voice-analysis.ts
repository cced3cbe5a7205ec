// Analysis of what voice-capture.ts recorded, in Node: the audio's energy envelope, where the line under
// test plays and is audible, how well the mouth follows the sound (correlation, lag, onsets), and the
// recording as a WAV file.
import type { Capture } from './voice-capture.ts';

/** RMS energy in frames of `frameMs`, with the context time of each frame's middle. */
export function energyEnvelope(c: Capture, frameMs = 20): { t: number; e: number }[] {
  const n = Math.max(1, Math.round((c.sampleRate * frameMs) / 1000));
  const out: { t: number; e: number }[] = [];
  for (let i = 0; i + n <= c.samples.length; i += n) {
    let s = 0;
    for (let k = i; k < i + n; k++) s += c.samples[k]! ** 2;
    out.push({ t: c.t0 + (i + n / 2) / c.sampleRate, e: Math.sqrt(s / n) });
  }
  return out;
}

/**
 * Where (context time) the line under test plays: from its first piece's start to its last piece's end,
 * as its audio sources were started (a piece that came late moved the rest later, and that shows). The
 * kiosk's own lines before or after it (its attract loop invites passers-by when the avatar is silent)
 * fall outside. `pieces` are the engine's pieces of the line, one audio source each.
 */
export function lineWindow(c: Capture, pieces: { startMs: number; endMs: number }[]): [number, number] {
  const first = c.starts[0];
  const last = c.starts[pieces.length - 1];
  const lastPiece = pieces.at(-1);
  if (!first || !last || !lastPiece) return [-Infinity, Infinity];
  return [first.when, last.when + (lastPiece.endMs - lastPiece.startMs) / 1000];
}

type Window = [number, number];
const ALL: Window = [-Infinity, Infinity];
const inside = (t: number, w: Window): boolean => t >= w[0] && t <= w[1];

/** The span (context time) where the line is audible: first to last frame above 2% of the peak. */
export function audibleSpan(env: { t: number; e: number }[], w: Window = ALL): [number, number] | null {
  env = env.filter((f) => inside(f.t, w));
  const peak = Math.max(0, ...env.map((f) => f.e));
  const loud = env.filter((f) => f.e > peak * 0.02);
  if (peak === 0 || loud.length === 0) return null;
  return [loud[0]!.t, loud[loud.length - 1]!.t];
}

export function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Energy at time t (nearest frame). */
function energyAt(env: { t: number; e: number }[], t: number, frameS: number): number {
  const i = Math.round((t - env[0]!.t) / frameS);
  return env[Math.max(0, Math.min(env.length - 1, i))]!.e;
}

/** Correlation of mouth openness with the audio's energy over the audible span of the line. */
export function lipCorrelation(c: Capture, w: Window = ALL, frameMs = 20, lagS = 0): number {
  const env = energyEnvelope(c, frameMs);
  const span = audibleSpan(env, w);
  if (!span) return 0;
  const mouth = c.mouth.filter((m) => m.t >= span[0] && m.t <= span[1]);
  return pearson(
    mouth.map((m) => m.open),
    mouth.map((m) => energyAt(env, m.t + lagS, frameMs / 1000)),
  );
}

/**
 * How far (ms) the mouth runs behind the sound: the shift of the audio's energy that the mouth's openness
 * follows best (the peak of their cross-correlation, 5 ms steps within ±200 ms; negative: the mouth is
 * ahead). Unlike onsets, it does not depend on how often the page draws a frame.
 */
export function lipLagMs(c: Capture, w: Window = ALL): number {
  let best = 0;
  let bestR = -Infinity;
  for (let ms = -200; ms <= 200; ms += 5) {
    const r = lipCorrelation(c, w, 10, -ms / 1000);
    if (r > bestR) {
      bestR = r;
      best = ms;
    }
  }
  return best;
}

/**
 * Voiced onsets (energy rises above 10% of the peak after at least 60 ms below it) and, for each, how far
 * the mouth's opening (openness rising above 25% of its peak) is from it, ms.
 */
export function onsetOffsets(c: Capture, w: Window = ALL, frameMs = 10): number[] {
  const env = energyEnvelope(c, frameMs).filter((f) => inside(f.t, w));
  const peak = Math.max(0, ...env.map((f) => f.e));
  const mouth = c.mouth.filter((m) => inside(m.t, w));
  const openPeak = Math.max(0, ...mouth.map((m) => m.open));
  const mouthOpens: number[] = [];
  for (let i = 1; i < mouth.length; i++) {
    if (mouth[i]!.open > openPeak * 0.25 && mouth[i - 1]!.open <= openPeak * 0.25)
      mouthOpens.push(mouth[i]!.t);
  }
  const out: number[] = [];
  let quiet = 0;
  for (const f of env) {
    if (f.e <= peak * 0.1) {
      quiet += frameMs;
      continue;
    }
    if (quiet >= 60 && mouthOpens.length > 0) {
      const nearest = mouthOpens.reduce((b, t) => (Math.abs(t - f.t) < Math.abs(b - f.t) ? t : b));
      out.push(Math.abs(nearest - f.t) * 1000);
    }
    quiet = 0;
  }
  return out;
}

/** The captured audio as a 16-bit mono WAV file. */
export function captureWav(c: Capture, from = 0, to = c.samples.length): Buffer {
  const s = c.samples.subarray(from, to);
  const buf = Buffer.alloc(44 + s.length * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + s.length * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(c.sampleRate, 24);
  buf.writeUInt32LE(c.sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(s.length * 2, 40);
  for (let i = 0; i < s.length; i++)
    buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s[i]!)) * 32767), 44 + i * 2);
  return buf;
}
