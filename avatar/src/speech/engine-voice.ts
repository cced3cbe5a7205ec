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

export class EnginePlayer {
  private ctx: AudioContext | null = null;
  private source: AudioBufferSourceNode | null = null;

  /**
   * Decodes and starts `line`; resolves with the performance.now() time at which its first sample is
   * heard. `onEnd` fires when it has played out (not after stop()).
   */
  async play(line: EngineLine, onEnd: () => void): Promise<number> {
    this.stop();
    const ctx = (this.ctx ??= new AudioContext());
    if (ctx.state === 'suspended') await ctx.resume();
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
    const stamp = ctx.getOutputTimestamp();
    const ctxNow = stamp.contextTime ?? ctx.currentTime;
    const perfNow = stamp.performanceTime ?? performance.now();
    // What is scheduled at `when` reaches the speaker outputLatency later.
    return perfNow + (when - ctxNow + (ctx.outputLatency || 0)) * 1000;
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
