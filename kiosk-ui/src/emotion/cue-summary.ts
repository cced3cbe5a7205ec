// One session's cue summary: how often each stable cue was entered and how long it lasted, nothing else
// (no landmarks, no images, no per-frame scores). It also watches for a sustained negative cue (by
// default angry for 8 s), which the kiosk answers by offering a person. Pure logic.
import { CUES, type Cue } from './cue-model.ts';
import type { StableCue } from './cue-tracker.ts';

export interface CueSummaryRecord {
  /** Time with a face in view, ms. */
  faceMs: number;
  /** Per cue: times entered and total ms held; only cues that occurred. */
  cues: Partial<Record<Cue, { count: number; ms: number }>>;
  /** The cue held longest, or null when no face was seen. */
  dominant: Cue | null;
  /** A negative cue was held for the configured time at least once. */
  negativeSustained: boolean;
}

export interface SustainedNegativeOptions {
  /** Which cues count as negative. */
  cues: readonly Cue[];
  /** How long one must be held without a break. */
  ms: number;
}

export const DEFAULT_SUSTAINED: SustainedNegativeOptions = { cues: ['angry', 'tense'], ms: 8000 };

export class CueSummary {
  private readonly totals = new Map<Cue, { count: number; ms: number }>();
  private faceMs = 0;
  private current: { cue: Cue; since: number } | null = null;
  private lastAt: number | null = null;
  private lastFace = false;
  private sustained = false;

  constructor(private readonly negative: SustainedNegativeOptions = DEFAULT_SUSTAINED) {
    if (!(negative.ms > 0))
      throw new Error(`sustained negative cue needs a positive duration, got ${negative.ms}`);
    for (const c of negative.cues) if (!CUES.includes(c)) throw new Error(`unknown cue "${c}"`);
  }

  /** Adds the tracker's output at time `at` (ms); true the first time a negative cue has been sustained. */
  add(stable: StableCue, at: number): boolean {
    if (this.lastAt !== null && this.current && this.lastFace) {
      const dt = Math.max(0, at - this.lastAt);
      this.faceMs += dt;
      this.totals.get(this.current.cue)!.ms += dt;
    }
    this.lastAt = at;
    this.lastFace = stable.facePresent;
    if (!stable.facePresent) {
      // A glance away (the tracker still holds the cue) does not break a spell; a lost face does.
      if (this.current?.cue !== stable.cue) this.current = null;
      return false;
    }
    if (this.current?.cue !== stable.cue) {
      this.current = { cue: stable.cue, since: at };
      const t = this.totals.get(stable.cue) ?? { count: 0, ms: 0 };
      t.count += 1;
      this.totals.set(stable.cue, t);
    }
    const held = this.negative.cues.includes(stable.cue) && at - this.current.since >= this.negative.ms;
    if (held && !this.sustained) {
      this.sustained = true;
      return true;
    }
    return false;
  }

  record(): CueSummaryRecord {
    const cues: CueSummaryRecord['cues'] = {};
    let dominant: Cue | null = null;
    for (const c of CUES) {
      const t = this.totals.get(c);
      if (!t) continue;
      cues[c] = { count: t.count, ms: Math.round(t.ms) };
      if (dominant === null || t.ms > this.totals.get(dominant)!.ms) dominant = c;
    }
    return { faceMs: Math.round(this.faceMs), cues, dominant, negativeSustained: this.sustained };
  }
}
