// Plays a line from the kiosk's voice engine through WebAudio piece by piece, as the pieces arrive, each
// at its own place in the line on the audio clock, and says when the line's start is heard on the page's
// performance.now() clock, so the lips follow the audio and not the request. The audio comes from the
// page (kiosk-ui streams it from the agent on the same machine); the avatar itself makes no requests.
import type { SpeechLocale } from '../types.ts';
import type { EnginePiece } from './engine-plan.ts';

/** One piece of a line as the engine finished it: its timing in the line and its samples. */
export interface EngineChunk {
  piece: EnginePiece;
  sampleRate: number;
  /** 16-bit mono samples of the piece, from piece.startMs to piece.endMs. */
  samples: Int16Array;
}

/**
 * Asks the engine for a line: its pieces in order, as they are said; null when the kiosk has no engine
 * voice (then the avatar falls back). `signal` aborts a line no longer wanted.
 */
export type EngineSource = (
  text: string,
  locale: SpeechLocale,
  signal?: AbortSignal,
) => Promise<AsyncIterable<EngineChunk> | null>;

/** Scheduling the first sample a little ahead keeps it from being clipped while the graph starts. */
const LEAD_S = 0.02;
/** A piece must be scheduled at least this far ahead of the audio clock, else the line moves later. */
const MARGIN_S = 0.005;
const RESUME_WAIT_MS = 300;

export class EnginePlayer {
  private ctx: AudioContext | null = null;
  private readonly sources = new Set<AudioBufferSourceNode>();
  /** Context time of the line's 0 ms. */
  private origin = 0;
  private active = false;
  private complete = false;
  private onEnd: (() => void) | null = null;

  /**
   * Opens the audio output at once (the kiosk's Chromium runs with autoplay allowed; elsewhere the context
   * stays suspended until the first line resumes it), so its clock has settled before the first line.
   */
  constructor() {
    if (typeof AudioContext === 'function') this.ctx = new AudioContext();
  }

  /** A line is playing or being scheduled. */
  get playing(): boolean {
    return this.active;
  }

  /**
   * Starts a line: its 0 ms is placed just ahead of the audio clock. `onEnd` fires once the pieces have
   * all played out after end() (not after stop()). Throws when audio output may not start (autoplay).
   */
  async begin(onEnd: () => void): Promise<void> {
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
    this.origin = ctx.currentTime + LEAD_S;
    this.active = true;
    this.complete = false;
    this.onEnd = onEnd;
  }

  /**
   * Schedules a piece at its place in the line. A piece that arrives too late for its place moves the
   * rest of the line later by as much (a gap in the speech; heardAt() says where the line now is).
   */
  add(chunk: EngineChunk): void {
    const ctx = this.ctx;
    if (!ctx || !this.active || chunk.samples.length === 0) return;
    const buffer = ctx.createBuffer(1, chunk.samples.length, chunk.sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < data.length; i++) data[i] = chunk.samples[i]! / 32768;
    const late = ctx.currentTime + MARGIN_S - (this.origin + chunk.piece.startMs / 1000);
    if (late > 0) this.origin += late;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    source.onended = () => {
      this.sources.delete(source);
      source.disconnect();
      this.endIfDone();
    };
    source.start(this.origin + chunk.piece.startMs / 1000);
    this.sources.add(source);
  }

  /** No more pieces will come: onEnd fires when those scheduled have played. */
  end(): void {
    this.complete = true;
    this.endIfDone();
  }

  /**
   * When (performance.now()) the line's 0 ms is heard, from the output timestamp, which pairs the context
   * time now leaving the speaker with the page clock; before the output reports one, from the clock and
   * the output latency.
   */
  heardAt(): number | null {
    const ctx = this.ctx;
    if (!ctx || !this.active) return null;
    const stamp = ctx.getOutputTimestamp();
    if (stamp.performanceTime && stamp.contextTime !== undefined && stamp.contextTime > 0)
      return stamp.performanceTime + (this.origin - stamp.contextTime) * 1000;
    return performance.now() + (this.origin - ctx.currentTime + (ctx.outputLatency || 0)) * 1000;
  }

  /** Silences the line at once. */
  stop(): void {
    this.active = false;
    this.onEnd = null;
    for (const s of this.sources) {
      s.onended = null;
      try {
        s.stop();
      } catch {
        // Already ended: nothing to silence.
      }
      s.disconnect();
    }
    this.sources.clear();
  }

  close(): void {
    this.stop();
    void this.ctx?.close();
    this.ctx = null;
  }

  private endIfDone(): void {
    if (!this.active || !this.complete || this.sources.size > 0) return;
    const done = this.onEnd;
    this.active = false;
    this.onEnd = null;
    done?.();
  }
}
