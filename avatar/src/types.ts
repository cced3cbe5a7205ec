// Public types of the avatar: what kiosk-ui may rely on, whichever renderer draws the face.

export type SpeechLocale = 'zh-CN' | 'en';
export type Mood = 'neutral' | 'happy' | 'attentive' | 'concerned' | 'apologetic';
export type AvatarEvent = 'speechstart' | 'speechend';
export type RendererKind = 'webgl' | 'fallback2d';

export interface AvatarOptions {
  /** Default locale for captions/timing when speak() is called without one in future APIs. */
  locale?: SpeechLocale;
  /** 'auto' (default) tries WebGL and falls back to Canvas 2D; the others force one (tests, diagnostics). */
  renderer?: 'auto' | RendererKind;
  /**
   * Frame-rate cap. Default 30 with a GPU; 10 when WebGL is software-rendered (SwiftShader, llvmpipe)
   * and 15 for the 2D fallback, where every frame costs CPU the device-agent on the same machine needs.
   */
  maxFps?: number;
}

export interface Avatar {
  /** Animates the mouth over the estimated duration of `text`; resolves when done (or interrupted). */
  speak(text: string, locale: SpeechLocale): Promise<void>;
  setMood(mood: Mood): void;
  /** Gaze target in normalised screen space, -1..1 each (x right, y up). */
  lookAt(x: number, y: number): void;
  /** Returns a function that removes the listener. */
  on(event: AvatarEvent, cb: () => void): () => void;
  /** Current morph target weights, 0..1, by name. */
  getMorphInfluences(): Record<string, number>;
  dispose(): void;
  readonly renderer: RendererKind;
}
