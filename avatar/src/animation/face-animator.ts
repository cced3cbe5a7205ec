// The face's life, independent of how it is drawn: moods, blinking, breathing, gaze and the mouth during
// speech, sampled into morph weights and a head pose. Pure and clock-driven, so tests can step time.
import { MORPH_NAMES, type MorphName } from '../geometry/face-layout.ts';
import { jawAt, visemeAt, type SpeechPlan } from '../speech-plan.ts';
import { VISEME_MORPHS, type Viseme } from '../speech/viseme.ts';
import type { Mood } from '../types.ts';

export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
  /** Vertical breathing offset, head units. */
  lift: number;
}

export interface FacePose {
  morphs: Record<MorphName, number>;
  head: HeadPose;
}

type MoodTargets = Partial<Record<MorphName, number>> & { roll?: number; pitch?: number };

/** Expressions of each mood; a small resting smile keeps the neutral face friendly. */
export const MOODS: Record<Mood, MoodTargets> = {
  neutral: { smile: 0.18 },
  happy: { smile: 0.75, browUp: 0.2 },
  attentive: { smile: 0.12, browUp: 0.35, roll: 0.04 },
  concerned: { browInnerUp: 0.65, frown: 0.25, roll: -0.03 },
  apologetic: { browInnerUp: 0.8, frown: 0.1, smile: 0.1, pitch: -0.06, roll: 0.05 },
};

const EXPRESSION_TAU_MS = 260;
const GAZE_TAU_MS = 90;
const BLINK_MS = 170;
/** Mouth shapes blend into each other this fast: quick enough for 5 syllables a second, never a jump. */
const MOUTH_TAU_MS = 45;
/** How far the jaw opens at full loudness on an open vowel, for a line with the engine's audio. */
const AUDIO_JAW = 0.7;
const MOUTH_MORPHS = ['aa', 'ih', 'ou', 'ee', 'oh', 'mouthPress', 'jawOpen'] as const;

function approach(current: number, target: number, dtMs: number, tauMs: number): number {
  return current + (target - current) * (1 - Math.exp(-dtMs / tauMs));
}

export class FaceAnimator {
  private mood: Mood = 'neutral';
  private readonly expression: Record<string, number> = {};
  private gazeTarget = { x: 0, y: 0 };
  private gaze = { x: 0, y: 0 };
  private saccade = { x: 0, y: 0, nextMs: 0 };
  private nextBlinkMs: number;
  private blinkStartMs = -Infinity;
  private speech: { plan: SpeechPlan; startMs: number } | null = null;
  private held: Viseme | null = null;
  private readonly mouth: Record<(typeof MOUTH_MORPHS)[number], number> = {
    aa: 0,
    ih: 0,
    ou: 0,
    ee: 0,
    oh: 0,
    mouthPress: 0,
    jawOpen: 0,
  };
  private lastMs: number | null = null;

  constructor(
    startMs: number,
    private readonly random: () => number = Math.random,
  ) {
    this.nextBlinkMs = startMs + 1200 + random() * 2000;
  }

  setMood(mood: Mood): void {
    this.mood = mood;
  }

  lookAt(x: number, y: number): void {
    const clamp = (v: number): number => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0);
    this.gazeTarget = { x: clamp(x), y: clamp(y) };
  }

  startSpeech(plan: SpeechPlan, nowMs: number): void {
    this.speech = { plan, startMs: nowMs };
  }

  /** Replaces the plan of the line being said (a streamed line grows), keeping where it is. */
  updateSpeech(plan: SpeechPlan): void {
    if (this.speech) this.speech.plan = plan;
  }

  /** Re-anchors the plan so that `offsetMs` into it is now (a boundary event from the real voice). */
  syncSpeech(offsetMs: number, nowMs: number): void {
    if (this.speech) this.speech.startMs = nowMs - offsetMs;
  }

  /** Holds one mouth shape (a face check for technicians and screenshots); null lets speech drive again. */
  holdViseme(viseme: Viseme | null): void {
    this.held = viseme;
  }

  stopSpeech(): void {
    this.speech = null;
  }

  /** Advances to `nowMs` and returns the pose. Calling it more often only makes the motion smoother. */
  sample(nowMs: number): FacePose {
    const dt = this.lastMs === null ? 1000 : Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;

    const targets = MOODS[this.mood];
    const morphs = {} as Record<MorphName, number>;
    for (const name of MORPH_NAMES) {
      const target = targets[name] ?? 0;
      const current = this.expression[name] ?? 0;
      this.expression[name] = approach(current, target, dt, EXPRESSION_TAU_MS);
      morphs[name] = this.expression[name];
    }

    const audioJaw = this.speech?.plan.loudness !== undefined;
    const jaw = this.speechMouth(nowMs, dt);
    const speaking = this.speech !== null;
    for (const name of MOUTH_MORPHS) morphs[name] = Math.min(1, morphs[name] + this.mouth[name]);
    if (speaking && audioJaw) {
      // The engine's audio drives the jaw on its own (the shapes' jaw would lag it); the smile eases.
      morphs.jawOpen = Math.min(1, (this.expression.jawOpen ?? 0) + jaw * AUDIO_JAW);
      morphs.smile *= 0.6;
    } else if (speaking) {
      // The syllable rhythm opens the jaw a little on top of the shapes; the resting smile eases.
      morphs.jawOpen = Math.min(1, morphs.jawOpen + jaw * 0.45);
      morphs.smile *= 0.6;
    }

    const blink = this.blink(nowMs);
    morphs.blinkLeft = blink;
    morphs.blinkRight = blink;

    this.updateGaze(nowMs, dt);
    const gx = this.gaze.x + this.saccade.x;
    const gy = this.gaze.y + this.saccade.y;
    morphs.eyeLookRight = Math.max(0, gx);
    morphs.eyeLookLeft = Math.max(0, -gx);
    morphs.eyeLookUp = Math.max(0, gy);
    morphs.eyeLookDown = Math.max(0, -gy);

    const t = nowMs / 1000;
    const head: HeadPose = {
      // The head follows the gaze partly and sways a little on slow, incommensurate sines.
      yaw: 0.18 * this.gaze.x + 0.035 * Math.sin(t * 0.37) + 0.015 * Math.sin(t * 0.91),
      pitch: 0.1 * this.gaze.y + (targets.pitch ?? 0) + 0.02 * Math.sin(t * 0.53) + jaw * 0.02,
      roll: (targets.roll ?? 0) + 0.015 * Math.sin(t * 0.29),
      lift: 0.008 * Math.sin((t * Math.PI * 2) / 4.2),
    };
    for (const name of MORPH_NAMES) morphs[name] = Math.max(0, Math.min(1, morphs[name]));
    return { morphs, head };
  }

  /** Moves the mouth shapes toward the current viseme and returns the syllable jaw rhythm (0..1). */
  private speechMouth(nowMs: number, dt: number): number {
    let jaw = 0;
    let targets: Partial<Record<MorphName, number>> = {};
    if (this.speech) {
      const elapsed = nowMs - this.speech.startMs;
      if (elapsed > this.speech.plan.durationMs) {
        this.speech = null;
      } else {
        jaw = jawAt(this.speech.plan, elapsed);
        targets = VISEME_MORPHS[visemeAt(this.speech.plan, elapsed)];
      }
    }
    if (this.held) targets = VISEME_MORPHS[this.held];
    for (const name of MOUTH_MORPHS) {
      this.mouth[name] = approach(this.mouth[name], targets[name] ?? 0, dt, MOUTH_TAU_MS);
    }
    return jaw;
  }

  private blink(nowMs: number): number {
    if (nowMs >= this.nextBlinkMs) {
      this.blinkStartMs = nowMs;
      // Now and then a double blink; otherwise every 2-6 s, as people do in conversation.
      const double = this.random() < 0.15;
      this.nextBlinkMs = nowMs + (double ? BLINK_MS + 80 : 2000 + this.random() * 4000);
    }
    const phase = (nowMs - this.blinkStartMs) / BLINK_MS;
    if (phase < 0 || phase >= 1) return 0;
    // Lids close fast and open a little slower.
    return phase < 0.4
      ? Math.sin((phase / 0.4) * (Math.PI / 2))
      : Math.cos(((phase - 0.4) / 0.6) * (Math.PI / 2));
  }

  private updateGaze(nowMs: number, dt: number): void {
    this.gaze.x = approach(this.gaze.x, this.gazeTarget.x, dt, GAZE_TAU_MS);
    this.gaze.y = approach(this.gaze.y, this.gazeTarget.y, dt, GAZE_TAU_MS);
    if (nowMs >= this.saccade.nextMs) {
      // Small fixational saccades keep the eyes from looking painted on.
      this.saccade = {
        x: (this.random() - 0.5) * 0.12,
        y: (this.random() - 0.5) * 0.08,
        nextMs: nowMs + 1200 + this.random() * 2600,
      };
    }
  }
}
