// Says one streamed engine line: each piece is played as it arrives (EnginePlayer), the plan of the line
// so far (visemes from espeak-ng's phonemes, jaw from its samples' loudness) grows with it, and the lips
// are kept on the audio clock: re-anchored at every piece and every RESYNC_MS while the line plays. When
// audio may not start (no autoplay), the lips mime the line on the engine's timing instead.
import type { FaceAnimator } from '../animation/face-animator.ts';
import type { SpeechPlan } from '../speech-plan.ts';
import { LineLoudness } from './engine-loudness.ts';
import { planFromEngine, type EnginePiece } from './engine-plan.ts';
import type { EngineChunk, EnginePlayer } from './engine-voice.ts';
import { SaidSoFar } from './said-so-far.ts';

const RESYNC_MS = 100;

/** The plan of a line before its first piece: a closed mouth, for as long as it takes. */
export const NOTHING_SAID_YET: SpeechPlan = { durationMs: Number.POSITIVE_INFINITY, syllables: [], cues: [] };

/** A line as it has arrived so far; its plan runs on while more may come. */
export class StreamedLine {
  readonly pieces: EnginePiece[] = [];
  private readonly loud = new LineLoudness();
  private rate = 0;
  private durationMs = Number.POSITIVE_INFINITY;

  add(c: EngineChunk): void {
    this.pieces.push(c.piece);
    this.rate = c.sampleRate;
    this.loud.add(c.samples, c.sampleRate, c.piece.startMs);
  }

  /** No more pieces: the plan ends where the last one does. */
  end(): number {
    this.durationMs = this.pieces.at(-1)?.endMs ?? 0;
    return this.durationMs;
  }

  plan(): SpeechPlan {
    return planFromEngine({
      durationMs: this.durationMs,
      pieces: this.pieces,
      loudness: this.rate > 0 ? this.loud.loudness(this.rate) : null,
    });
  }
}

export interface EngineSpeechResult {
  /** Pieces said; 0 when the engine gave nothing (the caller falls back). */
  pieces: number;
  durationMs: number;
  /** Heard through the speakers; false: mimed (onEnd will not fire, the line ends `durationMs` after `startedAt`). */
  voiced: boolean;
  /** performance.now() at which a mimed line started. */
  startedAt: number;
}

/**
 * Plays `chunks` and moves the lips with them. `current()` turns false when the line is interrupted;
 * `onEnd` fires when a voiced line has played out.
 */
export async function sayStreamed(
  player: EnginePlayer,
  animator: FaceAnimator,
  chunks: AsyncIterable<EngineChunk>,
  o: { leadMs: number; current: () => boolean; onEnd: () => void; onSaid?: (chars: number) => void },
): Promise<EngineSpeechResult> {
  const line = new StreamedLine();
  let voiced = true;
  let startedAt = 0;
  // The caption follows the same clock as the lips: the audio's, or the engine's timing when mimed.
  const said = o.onSaid
    ? new SaidSoFar(
        line.pieces,
        {
          lineZeroAt: () => (voiced ? player.heardAt() : startedAt),
          current: o.current,
          now: () => performance.now(),
        },
        o.onSaid,
      )
    : null;
  const anchor = (): void => {
    const at = voiced && o.current() ? player.heardAt() : null;
    if (at !== null) animator.syncSpeech(0, at - o.leadMs);
  };
  const resync = setInterval(() => {
    if (!o.current() || (line.pieces.length > 0 && voiced && !player.playing)) clearInterval(resync);
    else anchor();
  }, RESYNC_MS);
  try {
    for await (const c of chunks) {
      if (!o.current()) break;
      line.add(c);
      if (line.pieces.length === 1) {
        startedAt = performance.now();
        animator.syncSpeech(0, startedAt);
        try {
          await player.begin(o.onEnd);
        } catch (err) {
          // No audio output: the lips still say the line on the engine's timing, silently.
          console.warn('avatar: could not play the engine line; miming it', err);
          voiced = false;
        }
        if (!o.current()) break;
        said?.start();
      }
      if (voiced) player.add(c);
      animator.updateSpeech(line.plan());
      anchor();
    }
  } catch (err) {
    // The engine failed part way: what was said stands; nothing said lets the caller fall back. (An
    // interrupted line's stream ends by being aborted: no failure.)
    if (o.current()) console.warn('avatar: the voice engine failed', err);
    if (line.pieces.length === 0) {
      clearInterval(resync);
      said?.stop();
      return { pieces: 0, durationMs: 0, voiced, startedAt };
    }
  }
  const durationMs = line.end();
  said?.streamEnded();
  if (o.current()) {
    animator.updateSpeech(line.plan());
    if (voiced) player.end();
  }
  if (!voiced) clearInterval(resync);
  return { pieces: line.pieces.length, durationMs, voiced, startedAt };
}
