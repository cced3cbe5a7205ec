// From per-frame scores to a stable cue: each score is smoothed with an exponential moving average
// (time-based, so a slow frame rate smooths as a fast one does), and the cue changes with hysteresis: an
// expression is entered above ENTER, left below EXIT, and replaced by another only when that one leads by
// MARGIN. A face lost for longer than FORGET_MS resets the averages. Pure logic.
import { EXPRESSIONS, type Cue, type FrameScores } from './cue-model.ts';

export const TRACKER = {
  /** EMA time constant: a step change reaches 63% after this long. */
  tauMs: 400,
  enter: 0.5,
  exit: 0.35,
  margin: 0.15,
  /** After this long without a face the tracker starts from neutral again. */
  forgetMs: 1500,
} as const;

export interface StableCue {
  cue: Cue;
  /** The smoothed score of the cue (for neutral: what the strongest expression leaves). */
  confidence: number;
  valence: number;
  arousal: number;
  attention: number;
  distanceCm: number | null;
  gaze: { x: number; y: number };
  facePresent: boolean;
}

type Smoothed = Record<Cue, number> & { valence: number; arousal: number; attention: number };

export class CueTracker {
  private ema: Smoothed | null = null;
  private cue: Cue = 'neutral';
  private lastAt = -Infinity;
  private lastFaceAt = -Infinity;
  private last: FrameScores | null = null;

  constructor(private readonly opts: typeof TRACKER = TRACKER) {}

  /** One analysed frame at time `at` (ms); scores is null when the frame held no face. */
  update(scores: FrameScores | null, at: number): StableCue {
    if (at < this.lastAt) throw new Error(`cue tracker: time went back from ${this.lastAt} to ${at}`);
    const dt = at - this.lastAt;
    this.lastAt = at;
    if (!scores) {
      if (at - this.lastFaceAt > this.opts.forgetMs) this.reset();
      return this.result(false);
    }
    this.lastFaceAt = at;
    this.last = scores;
    const target: Smoothed = {
      ...scores.cues,
      valence: scores.valence,
      arousal: scores.arousal,
      attention: scores.attention,
    };
    const a = this.ema ? 1 - Math.exp(-dt / this.opts.tauMs) : 1;
    const prev = this.ema ?? target;
    this.ema = Object.fromEntries(
      Object.keys(target).map((k) => {
        const key = k as keyof Smoothed;
        return [key, prev[key] + a * (target[key] - prev[key])];
      }),
    ) as Smoothed;
    this.cue = this.next(this.ema);
    return this.result(true);
  }

  private next(ema: Smoothed): Cue {
    let best: Cue = EXPRESSIONS[0];
    for (const c of EXPRESSIONS) if (ema[c] > ema[best]) best = c;
    const { enter, exit, margin } = this.opts;
    if (this.cue === 'neutral') return ema[best] >= enter ? best : 'neutral';
    if (ema[this.cue] < exit) return ema[best] >= enter ? best : 'neutral';
    return best !== this.cue && ema[best] >= enter && ema[best] >= ema[this.cue] + margin ? best : this.cue;
  }

  private reset(): void {
    this.ema = null;
    this.cue = 'neutral';
    this.last = null;
  }

  private result(facePresent: boolean): StableCue {
    const e = this.ema;
    const strongest = e ? Math.max(...EXPRESSIONS.map((c) => e[c])) : 0;
    const confidence = !e ? 0 : this.cue === 'neutral' ? 1 - strongest : e[this.cue];
    return {
      cue: this.cue,
      confidence: round(confidence),
      valence: round(e?.valence ?? 0),
      arousal: round(e?.arousal ?? 0),
      attention: round(e?.attention ?? 0),
      distanceCm: this.last?.distanceCm ?? null,
      gaze: this.last?.gaze ?? { x: 0, y: 0 },
      facePresent,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
