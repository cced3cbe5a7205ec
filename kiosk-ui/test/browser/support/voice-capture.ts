// Hears the kiosk speak: an init script taps every WebAudio node that feeds the speakers with a recorder
// (the samples actually rendered, stamped with their context time), and samples the avatar's mouth on the
// page clock mapped to the same context time. Analysis (energy envelope, correlation, onsets) runs in Node.
import type { Page } from 'playwright-core';

export interface Capture {
  sampleRate: number;
  /** Context time (s) of the first recorded sample. */
  t0: number;
  samples: Float32Array;
  /** Mouth openness (jawOpen morph) at context times (s). */
  mouth: { t: number; open: number }[];
  /** Every audio source started since the reset: when it was to play, and the context time of the call. */
  starts: { when: number; calledAt: number }[];
}

/**
 * Installed before the page's scripts: an AudioWorklet recorder in parallel with every connection to the
 * speakers (not in the path, so nothing the kiosk plays is delayed), stamping each block with the context
 * time of its first sample (sample-accurate, unlike a ScriptProcessor's buffered hand-over).
 */
export function installTap(): void {
  interface Tap {
    chunks: { t: number; data: Float32Array }[];
    mouth: { t: number; open: number }[];
    starts: { when: number; calledAt: number }[];
    ctx: AudioContext | null;
    rate: number;
    sampling: boolean;
  }
  const tap: Tap = { chunks: [], mouth: [], starts: [], ctx: null, rate: 0, sampling: false };
  (globalThis as unknown as { __voiceTap: Tap }).__voiceTap = tap;
  const worklet = `class VoiceTap extends AudioWorkletProcessor {
    constructor() { super(); this.buf = new Float32Array(2048); this.n = 0; this.t = 0; }
    process(inputs) {
      const ch = inputs[0] && inputs[0][0];
      if (this.n === 0) this.t = currentTime;
      if (ch) this.buf.set(ch, this.n);
      else this.buf.fill(0, this.n, this.n + 128);
      this.n += 128;
      if (this.n === this.buf.length) { this.port.postMessage({ t: this.t, data: this.buf.slice() }); this.n = 0; }
      return true;
    }
  }
  registerProcessor('voice-tap', VoiceTap);`;
  const moduleUrl = URL.createObjectURL(new Blob([worklet], { type: 'text/javascript' }));
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...a: unknown[]) => unknown;
  const taps = new WeakMap<BaseAudioContext, { node: AudioWorkletNode | null; waiting: AudioNode[] }>();
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    const ctx = this.context as AudioContext;
    if (
      args[0] instanceof AudioDestinationNode &&
      !(this instanceof GainNode) &&
      !(this instanceof AudioWorkletNode)
    ) {
      let entry = taps.get(ctx);
      if (!entry) {
        const e = { node: null as AudioWorkletNode | null, waiting: [] as AudioNode[] };
        entry = e;
        taps.set(ctx, e);
        tap.ctx = ctx;
        tap.rate = ctx.sampleRate;
        void ctx.audioWorklet.addModule(moduleUrl).then(() => {
          const node = new AudioWorkletNode(ctx, 'voice-tap');
          node.port.onmessage = (m: MessageEvent<{ t: number; data: Float32Array }>) =>
            tap.chunks.push(m.data);
          const mute = ctx.createGain();
          mute.gain.value = 0;
          connect.call(node, mute);
          connect.call(mute, ctx.destination);
          e.node = node;
          for (const n of e.waiting) connect.call(n, node);
        });
      }
      if (entry.node) connect.call(this, entry.node);
      else entry.waiting.push(this);
    }
    return connect.apply(this, args);
  } as typeof AudioNode.prototype.connect;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (
    this: AudioBufferSourceNode,
    when?: number,
    ...rest: number[]
  ) {
    const now = this.context.currentTime;
    tap.starts.push({ when: Math.max(now, when ?? now), calledAt: now });
    return start.call(this, when, ...rest);
  } as typeof start;
}

/**
 * Has the kiosk's avatar say a line with the capture cleared in the same moment (one task in the page),
 * so nothing of another line (the kiosk's attract loop speaks by itself when the avatar is silent) is
 * recorded as this one's: speak() stops any line first, and no source of a stopped line starts again.
 * Resolves when the line is over.
 */
export async function speakFresh(page: Page, text: string, locale: string): Promise<void> {
  await page.evaluate(
    ([t, l]) => {
      const w = globalThis as unknown as {
        __voiceTap: { chunks: unknown[]; mouth: unknown[]; starts: unknown[] };
        __branchKiosk: { avatar: { speak(a: string, b: string): Promise<void> } };
      };
      const tap = w.__voiceTap;
      tap.chunks.length = 0;
      tap.mouth.length = 0;
      tap.starts.length = 0;
      return w.__branchKiosk.avatar.speak(t!, l!);
    },
    [text, locale],
  );
}

/** Starts sampling the mouth every animation frame, on the audio clock. */
export async function startMouthSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      __voiceTap: { mouth: { t: number; open: number }[]; ctx: AudioContext | null; sampling: boolean };
      __branchKiosk: { avatar: { getMorphInfluences(): Record<string, number> } };
    };
    const tap = w.__voiceTap;
    if (tap.sampling) return;
    tap.sampling = true;
    const step = (): void => {
      const ctx = tap.ctx;
      if (ctx) {
        const stamp = ctx.getOutputTimestamp();
        const now = performance.now();
        const open = w.__branchKiosk.avatar.getMorphInfluences().jawOpen ?? 0;
        if (stamp.performanceTime) {
          tap.mouth.push({ t: stamp.contextTime! + (now - stamp.performanceTime) / 1000, open });
        }
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

export async function resetCapture(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tap = (
      globalThis as unknown as { __voiceTap: { chunks: unknown[]; mouth: unknown[]; starts: unknown[] } }
    ).__voiceTap;
    tap.chunks.length = 0;
    tap.mouth.length = 0;
    tap.starts.length = 0;
  });
}

export async function readCapture(page: Page): Promise<Capture> {
  const raw = await page.evaluate(() => {
    const tap = (
      globalThis as unknown as {
        __voiceTap: {
          chunks: { t: number; data: Float32Array }[];
          mouth: { t: number; open: number }[];
          starts: { when: number; calledAt: number }[];
          rate: number;
        };
      }
    ).__voiceTap;
    // Each block goes where its own time stamp puts it: a worklet just created can miss a few render
    // quanta, and joining blocks end to end would then move all later sound earlier than it played.
    const chunks = [...tap.chunks].sort((a, b) => a.t - b.t);
    const t0 = chunks[0]?.t ?? 0;
    const last = chunks.at(-1);
    const n = last ? Math.round((last.t - t0) * tap.rate) + last.data.length : 0;
    const all = new Float32Array(n);
    for (const c of chunks) all.set(c.data, Math.round((c.t - t0) * tap.rate));
    return {
      sampleRate: tap.rate,
      t0,
      samples: Array.from(all),
      mouth: tap.mouth.slice(),
      starts: tap.starts.slice(),
    };
  });
  return { ...raw, samples: Float32Array.from(raw.samples) };
}

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
export function lipCorrelation(c: Capture, w: Window = ALL, frameMs = 20): number {
  const env = energyEnvelope(c, frameMs);
  const span = audibleSpan(env, w);
  if (!span) return 0;
  const mouth = c.mouth.filter((m) => m.t >= span[0] && m.t <= span[1]);
  return pearson(
    mouth.map((m) => m.open),
    mouth.map((m) => energyAt(env, m.t, frameMs / 1000)),
  );
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
