// Plays a line from the kiosk's voice engine through WebAudio and says when its first sample is heard, on
// the page's performance.now() clock, so the lips can start on the audio and not on the request. The
// audio comes from the page (kiosk-ui fetches it from the agent on the same machine); the avatar itself
// still makes no network requests.
import type { SpeechLocale } from '../types.ts';
import type { EngineLine } from './engine-plan.ts';

/** Fetches a line from the engine; null when the kiosk has no engine voice (then the avatar falls back). */
export type EngineSource = (text: string, locale: SpeechLocale) => Promise<EngineLine | null>;

/** Scheduling the first sample a little ahead keeps it from being clipped while the graph starts. */
const LEAD_S = 0.02;
const RESUME_WAIT_MS = 300;

export class EnginePlayer {
  private ctx: AudioContext | null = null;
  private source: AudioBufferSourceNode | null = null;
  private when = 0;

  /**
   * Opens the audio output at once (the kiosk's Chromium runs with autoplay allowed; elsewhere the context
   * stays suspended until the first line resumes it), so its clock has settled before the first line.
   */
  constructor() {
    if (typeof AudioContext === 'function') this.ctx = new AudioContext();
  }

  /**
   * Decodes and starts `line`; resolves with the performance.now() time at which its first sample is
   * heard. `onEnd` fires when it has played out (not after stop()).
   */
  async play(line: EngineLine, onEnd: () => void): Promise<number> {
    this.stop();
    const ctx = (this.ctx ??= new AudioContext());
    // Without autoplay permission (a browser not started as the kiosk) resume() never settles: give up
    // after a moment, and the caller mimes the line on the engine's timing instead.
    if (ctx.state !== 'running') {
      const running = await Promise.race([
        ctx.resume().then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), RESUME_WAIT_MS)),
      ]);
      if (!running) throw new Error('audio output is not allowed to start (autoplay policy)');
    }
    // decodeAudioData detaches its argument: give it a copy so the caller's line stays usable.
    const buffer = await ctx.decodeAudioData(line.wav.slice(0));
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    source.onended = () => {
      if (this.source !== source) return;
      this.source = null;
      onEnd();
    };
    const when = ctx.currentTime + LEAD_S;
    source.start(when);
    this.source = source;
    this.when = when;
    return this.heardAt() ?? performance.now() + (when - ctx.currentTime + (ctx.outputLatency || 0)) * 1000;
  }

  /**
   * When (performance.now()) the current line's first sample is heard, from the output timestamp, which
   * pairs the context time now leaving the speaker with the page clock; null before the output runs (a new
   * context reports nothing, or stale times, for its first few blocks).
   */
  heardAt(): number | null {
    const ctx = this.ctx;
    if (!ctx || !this.source) return null;
    const stamp = ctx.getOutputTimestamp();
    if (!stamp.performanceTime || stamp.contextTime === undefined || stamp.contextTime <= 0) return null;
    return stamp.performanceTime + (this.when - stamp.contextTime) * 1000;
  }

  /** Silences the line at once. */
  stop(): void {
    const s = this.source;
    this.source = null;
    if (!s) return;
    s.onended = null;
    try {
      s.stop();
    } catch {
      // Not started yet or already ended: nothing to silence.
    }
    s.disconnect();
  }

  close(): void {
    this.stop();
    void this.ctx?.close();
    this.ctx = null;
  }
}
