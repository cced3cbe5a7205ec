// Hears the kiosk speak: an init script taps every WebAudio node that feeds the speakers with a recorder
// (the samples actually rendered, stamped with their context time), and samples the avatar's mouth on the
// page clock mapped to the same context time. Analysis (voice-analysis.ts) runs in Node.
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
  /** The caption's progress as the avatar reported it: characters said, at context times (s). */
  said: { t: number; n: number }[];
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
    said: { t: number; n: number }[];
    ctx: AudioContext | null;
    rate: number;
    sampling: boolean;
  }
  const tap: Tap = { chunks: [], mouth: [], starts: [], said: [], ctx: null, rate: 0, sampling: false };
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
        __voiceTap: {
          chunks: unknown[];
          mouth: unknown[];
          starts: unknown[];
          said: { t: number; n: number }[];
          ctx: AudioContext | null;
        };
        __branchKiosk: { avatar: { speak(a: string, b: string, c: (n: number) => void): Promise<void> } };
      };
      const tap = w.__voiceTap;
      tap.chunks.length = 0;
      tap.mouth.length = 0;
      tap.starts.length = 0;
      tap.said.length = 0;
      // Each caption report, stamped on the audio clock as the mouth samples are.
      const onSaid = (n: number): void => {
        const stamp = tap.ctx?.getOutputTimestamp();
        if (stamp?.performanceTime)
          tap.said.push({ t: stamp.contextTime! + (performance.now() - stamp.performanceTime) / 1000, n });
      };
      return w.__branchKiosk.avatar.speak(t!, l!, onSaid);
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
          said: { t: number; n: number }[];
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
      said: tap.said.slice(),
    };
  });
  return { ...raw, samples: Float32Array.from(raw.samples) };
}
