// Public types of the avatar: what kiosk-ui may rely on, whichever renderer draws the face.
import type { Viseme } from './speech/viseme.ts';
import type { EngineSource } from './speech/engine-voice.ts';

export type SpeechLocale = 'zh-CN' | 'en';
export type Mood = 'neutral' | 'happy' | 'attentive' | 'concerned' | 'apologetic';
/** rendererchange: the WebGL context was lost and the 2D fallback took over. */
export type AvatarEvent = 'speechstart' | 'speechend' | 'rendererchange';
export type RendererKind = 'webgl' | 'fallback2d';

export interface AvatarOptions {
  /** Default locale for speak() calls that pass none. */
  locale?: SpeechLocale;
  /** 'auto' (default) tries WebGL and falls back to pixi.js 2D; the others force one (tests, diagnostics). */
  renderer?: 'auto' | RendererKind;
  /**
   * Frame-rate cap. Default 30 with a GPU; 10 when WebGL is software-rendered (SwiftShader, llvmpipe)
   * and 15 for the 2D fallback, where every frame costs CPU the device-agent on the same machine needs.
   */
  maxFps?: number;
  /**
   * true (default): the WebGL face drops its drawing buffer's resolution (down to half) while the page's
   * animation frames come late, and raises it again when they are on time (render/render-scale.ts).
   */
  adaptiveResolution?: boolean;
  /**
   * 'auto' (default): speak aloud with the browser's speechSynthesis when it has a voice for the locale,
   * timing the lips by its boundary events; otherwise (or 'off') the lips follow the estimated timing.
   */
  voice?: 'auto' | 'off';
  /**
   * The kiosk's own voice engine (kiosk-ui fetches lines from the device-agent): when given, lines are
   * played from its audio with the lips on its timing; a null answer falls back to `voice`.
   */
  engine?: EngineSource;
  /** false: no animation loop of its own; call renderFrame() (benchmarks, a static baseline). */
  animate?: boolean;
}

export interface FrameTiming {
  animMs: number;
  drawMs: number;
}

/** How many characters of the line have been said so far (the kiosk's own voice reports it as it plays). */
export type SaidListener = (chars: number) => void;

export interface Avatar {
  /**
   * Says `text` (aloud where a voice exists) with lip-sync; resolves when done (or interrupted). With the
   * kiosk's voice engine, `onSaid` follows the line on the same timing as the lips (captions); the
   * browser's voice reports nothing.
   */
  speak(text: string, locale?: SpeechLocale, onSaid?: SaidListener): Promise<void>;
  /** Stops speaking at once (the line's promise resolves; speechend fires). */
  stopSpeaking(): void;
  setMood(mood: Mood): void;
  /** Holds a mouth shape (face check, screenshots); null returns the mouth to speech and rest. */
  holdViseme(viseme: Viseme | null): void;
  readonly mood: Mood;
  /** Gaze target in normalised screen space, -1..1 each (x right, y up): the customer's face. */
  lookAt(x: number, y: number): void;
  /** Returns a function that removes the listener. */
  on(event: AvatarEvent, cb: () => void): () => void;
  /** Current morph target weights, 0..1, by name. */
  getMorphInfluences(): Record<string, number>;
  readonly speaking: boolean;
  /** Whether the current line is spoken by the browser's voice (true) or only mimed (false). */
  readonly voiced: boolean;
  /**
   * Samples the animation and draws one frame now (used when `animate: false`); returns the main-thread
   * milliseconds spent animating (sampling the pose) and drawing.
   */
  renderFrame(nowMs?: number): FrameTiming;
  /** Draws the last pose again without advancing the animation (a static baseline for benchmarks). */
  redraw(): void;
  dispose(): void;
  readonly renderer: RendererKind;
}
