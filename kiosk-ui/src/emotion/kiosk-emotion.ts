// The kiosk's emotion cues for one visit at a time: asks for consent on screen (the camera starts only
// after "yes"), shows the overlay's camera indicator while it runs, lets the avatar's mood and gaze follow
// the customer's cues, keeps the visit's cue summary, and tells the journey when a negative cue has been
// sustained. finish() (wrap-up, wipe, idle timeout) stops the camera and hands over the summary.
import type { Avatar, CameraState, KioskOverlay, Mood } from '@branch/avatar';
import { byTestId } from '../dom.ts';
import type { Locale } from '../i18n/index.ts';
import { cameraIndicator } from '../kiosk/journey-progress.ts';
import type { Cue } from './cue-model.ts';
import {
  CueSummary,
  DEFAULT_SUSTAINED,
  type CueSummaryRecord,
  type SustainedNegativeOptions,
} from './cue-summary.ts';
import type { StableCue } from './cue-tracker.ts';
import { EmotionCamera, type EmotionCameraOptions } from './emotion-camera.ts';

/** How the avatar answers a customer's cue; neutral leaves the journey's own mood. */
const MOOD_FOR: Partial<Record<Cue, Mood>> = {
  happy: 'happy',
  surprised: 'attentive',
  confused: 'attentive',
  tense: 'concerned',
  angry: 'concerned',
};

export interface KioskEmotionOptions {
  sustained?: SustainedNegativeOptions;
  camera?: EmotionCameraOptions;
  /** Called once per visit when a negative cue has been held long enough, with the summary so far. */
  onNegative: (summary: CueSummaryRecord) => void;
  /** Called when the stable cue of a face in view changes (a call in progress shows it to the agent). */
  onCueChange?: (cue: StableCue) => void;
  /** Called with the customer's answer to the camera question (for the hub's audit log). */
  onConsent?: (given: boolean) => void;
}

export interface EmotionSnapshot {
  camera: CameraState;
  cue: StableCue | null;
  summary: CueSummaryRecord | null;
  error: string | null;
}

export class KioskEmotion {
  private readonly panel: HTMLElement;
  private readonly camera: EmotionCamera;
  private summary: CueSummary | null = null;
  private state: CameraState = 'off';
  /** The locale of a video call whose camera is live; null: none. */
  private inCall: Locale | null = null;
  private locale: Locale | null = null;
  private cue: StableCue | null = null;
  private error: string | null = null;
  /** Bumped by every offer and finish, so a camera that starts after its visit ended is stopped. */
  private generation = 0;

  constructor(
    private readonly overlay: KioskOverlay,
    private readonly avatar: Avatar,
    private readonly opts: KioskEmotionOptions,
    doc: Document = document,
  ) {
    this.panel = byTestId('camera-consent', doc);
    byTestId('camera-yes', doc).addEventListener('click', () => void this.accept());
    byTestId('camera-no', doc).addEventListener('click', () => this.decline());
    this.camera = new EmotionCamera((cue) => this.onCue(cue), opts.camera);
  }

  /** Asks the customer (after the language choice); without a camera API the indicator says so. */
  offer(locale: Locale): void {
    this.generation += 1;
    this.locale = locale;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.setState('unavailable');
      return;
    }
    this.panel.hidden = false;
    this.setState('consent');
  }

  private async accept(): Promise<void> {
    if (this.state !== 'consent') return;
    this.opts.onConsent?.(true);
    const generation = this.generation;
    this.panel.hidden = true;
    this.summary = new CueSummary(this.opts.sustained ?? DEFAULT_SUSTAINED);
    this.setState('on');
    try {
      await this.camera.start();
      if (generation !== this.generation) this.camera.stop();
    } catch (err) {
      if (generation !== this.generation) return;
      // No camera, permission refused, or the model failed: the journey goes on without cues.
      this.error = err instanceof Error ? err.message : String(err);
      this.camera.stop();
      this.setState('unavailable');
    }
  }

  private decline(): void {
    if (this.state !== 'consent') return;
    this.opts.onConsent?.(false);
    this.panel.hidden = true;
    this.setState('off');
  }

  private onCue(cue: StableCue): void {
    const summary = this.summary;
    if (!summary || this.state !== 'on') return;
    const previous = this.cue?.cue;
    this.cue = cue;
    if (summary.add(cue, performance.now())) this.opts.onNegative(summary.record());
    if (!cue.facePresent) return;
    this.avatar.lookAt(cue.gaze.x, cue.gaze.y);
    if (cue.cue === previous) return;
    this.opts.onCueChange?.(cue);
    const mood = MOOD_FOR[cue.cue];
    if (mood) this.avatar.setMood(mood);
  }

  /** Stops the camera (wrap-up) but keeps the summary for finish(). */
  stopCamera(): void {
    this.camera.stop();
    this.panel.hidden = true;
    if (this.state !== 'unavailable') this.setState('off');
  }

  /** The end of the visit: camera off, consent forgotten; the summary, or null when the camera never ran. */
  finish(): CueSummaryRecord | null {
    this.generation += 1;
    this.stopCamera();
    const record = this.summary?.record() ?? null;
    this.summary = null;
    this.cue = null;
    this.error = null;
    this.locale = null;
    this.setState('off');
    return record;
  }

  /** For the test hook: what runs now (no pixels, no landmarks exist on this side). */
  snapshot(): EmotionSnapshot {
    return {
      camera: this.state,
      cue: this.cue && { ...this.cue },
      summary: this.summary?.record() ?? null,
      error: this.error,
    };
  }

  /** Frame statistics of the camera pump (benchmarks). */
  get stats(): EmotionCamera['stats'] {
    return this.camera.stats;
  }

  /**
   * A video call with staff has the camera on (or stopped it): while it does, the indicator says so
   * whatever the cues' own state, which shows again once the call's camera stops.
   */
  callCamera(live: Locale | null): void {
    this.inCall = live;
    this.setState(this.state);
  }

  private setState(state: CameraState): void {
    this.state = state;
    const inCall = this.inCall;
    this.overlay.setCamera(inCall ? cameraIndicator(inCall, 'call') : cameraIndicator(this.locale, state));
  }
}
