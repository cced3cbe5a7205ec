// createAvatar: runs the animation loop, speaks through the engine or the browser's voice, and implements
// the public Avatar API on top of FaceAnimator, so both renderers behave the same. The face on the page
// (WebGL, else pixi.js 2D; the switch when the WebGL context is lost; drawing only visible changes) is
// render/face-stage.ts.
import { AvatarEvents } from './avatar-events.ts';
import { FaceAnimator } from './animation/face-animator.ts';
import { FaceStage } from './render/face-stage.ts';
import { browserVoice, type VoiceOutput } from './speech/browser-voice.ts';
import { NOTHING_SAID_YET, sayStreamed } from './speech/engine-speech.ts';
import { EnginePlayer, type EngineChunk } from './speech/engine-voice.ts';
import { offsetOfChar, planSpeech } from './speech-plan.ts';
import * as LINE from './speech/line-timing.ts';
import type { Viseme } from './speech/viseme.ts';
import type {
  Avatar,
  AvatarEvent,
  AvatarOptions,
  FrameTiming,
  Mood,
  RendererKind,
  SaidListener,
  SpeechLocale,
} from './types.ts';

class AvatarImpl implements Avatar {
  private readonly animator = new FaceAnimator(performance.now());
  private readonly events = new AvatarEvents();
  private readonly stage: FaceStage;
  private readonly voice: VoiceOutput | null;
  private frame = 0;
  private disposed = false;
  private currentMood: Mood = 'neutral';
  /** The utterance in progress: its end timer and the resolver of its promise. */
  private utterance: { timer: ReturnType<typeof setTimeout>; finish: () => void; voiced: boolean } | null =
    null;
  private readonly player: EnginePlayer | null;
  /** Bumped by every speak() and stopSpeaking(): a line fetched for an older one is never played. */
  private generation = 0;
  /** A line is on its way from the engine (it counts as speaking: the avatar is about to). */
  private fetching = false;
  /** Cancels the engine line being fetched or streamed. */
  private abortLine: AbortController | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: AvatarOptions,
  ) {
    this.stage = new FaceStage(container, options, () => this.emit('rendererchange'));
    this.voice = options.voice === 'off' ? null : browserVoice();
    this.player = options.engine && options.voice !== 'off' ? new EnginePlayer() : null;
    if (options.animate !== false) this.loop();
  }

  get renderer(): RendererKind {
    return this.stage.kind;
  }

  get mood(): Mood {
    return this.currentMood;
  }

  get speaking(): boolean {
    return this.utterance !== null || this.fetching;
  }

  get voiced(): boolean {
    return this.utterance?.voiced ?? false;
  }

  speak(
    text: string,
    locale: SpeechLocale = this.options.locale ?? 'zh-CN',
    onSaid?: SaidListener,
  ): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.stopSpeaking();
    const engine = this.options.engine;
    if (!engine || !this.player) return this.speakBrowser(text, locale);
    const generation = this.generation;
    this.fetching = true;
    const abort = new AbortController();
    this.abortLine = abort;
    const fallBack = (err?: unknown): Promise<void> | undefined => {
      if (err !== undefined) console.warn('avatar: the voice engine failed, falling back', err);
      if (generation === this.generation && !this.disposed) return this.speakBrowser(text, locale);
    };
    return engine(text, locale, abort.signal).then(
      (chunks) => {
        if (generation === this.generation) this.fetching = false;
        if (generation !== this.generation || this.disposed) return;
        return chunks ? this.speakEngine(chunks, fallBack, onSaid) : fallBack();
      },
      (err: unknown) => {
        // A line stopped while being fetched ends in an AbortError: nothing failed, so nothing is logged.
        if (generation !== this.generation) return;
        this.fetching = false;
        return fallBack(err);
      },
    );
  }

  /** The engine's line, streamed: each piece played as it comes, the lips on the engine's own timing. */
  private speakEngine(
    chunks: AsyncIterable<EngineChunk>,
    fallBack: () => Promise<void> | undefined,
    onSaid: SaidListener | undefined,
  ): Promise<void> {
    const generation = this.generation;
    const current = (): boolean => generation === this.generation && !this.disposed;
    this.animator.startSpeech(NOTHING_SAID_YET, performance.now());
    this.emit('speechstart');
    return new Promise<void>((resolve) => {
      const finish = (next?: Promise<void>): void => {
        if (this.utterance?.finish !== finish) return;
        clearTimeout(this.utterance.timer);
        this.player!.stop();
        this.utterance = null;
        this.animator.stopSpeech();
        this.emit('speechend');
        resolve(next);
      };
      this.utterance = { timer: setTimeout(() => finish(), LINE.STREAM_WATCHDOG_MS), finish, voiced: true };
      const said = sayStreamed(this.player!, this.animator, chunks, {
        leadMs: LINE.MOUTH_LEAD_MS,
        current,
        onEnd: () => finish(),
        onSaid,
      });
      void said.then((r) => {
        if (!current() || this.utterance?.finish !== finish) return;
        clearTimeout(this.utterance.timer);
        // Nothing said (the engine failed at once): the browser's voice says it instead.
        if (r.pieces === 0) return finish(Promise.resolve().then(fallBack));
        // A voiced line ends when its audio has played (watchdog: its length, doubled, plus a margin); a
        // mimed one when its timing has run out.
        const left = r.voiced
          ? r.durationMs * LINE.VOICE_WATCHDOG_FACTOR + LINE.VOICE_WATCHDOG_MARGIN_MS
          : r.startedAt + r.durationMs - performance.now();
        this.utterance = { timer: setTimeout(() => finish(), Math.max(0, left)), finish, voiced: r.voiced };
      });
    });
  }

  private speakBrowser(text: string, locale: SpeechLocale): Promise<void> {
    const plan = planSpeech(text, locale);
    this.animator.startSpeech(plan, performance.now());
    this.emit('speechstart');
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        if (this.utterance?.finish !== finish) return;
        clearTimeout(this.utterance.timer);
        if (this.utterance.voiced) this.voice?.cancel();
        this.utterance = null;
        this.animator.stopSpeech();
        this.emit('speechend');
        resolve();
      };
      const voiced =
        this.voice?.speak(text, locale, {
          // The audio may start a little after the request: the lips start with it.
          onStart: () => this.animator.syncSpeech(0, performance.now()),
          onBoundary: (charIndex) => {
            const offset = offsetOfChar(plan, charIndex);
            if (offset !== null) this.animator.syncSpeech(offset, performance.now());
          },
          onEnd: () => finish(),
        }) ?? false;
      // Mimed lines end on the estimate; a timer, not the render loop, so they end while hidden too.
      const timer = setTimeout(
        finish,
        voiced
          ? plan.durationMs * LINE.VOICE_WATCHDOG_FACTOR + LINE.VOICE_WATCHDOG_MARGIN_MS
          : plan.durationMs,
      );
      this.utterance = { timer, finish, voiced };
    });
  }

  stopSpeaking(): void {
    this.generation += 1;
    this.fetching = false;
    this.abortLine?.abort();
    this.abortLine = null;
    this.player?.stop();
    this.utterance?.finish();
  }

  setMood(mood: Mood): void {
    this.currentMood = mood;
    this.animator.setMood(mood);
  }

  holdViseme(viseme: Viseme | null): void {
    this.animator.holdViseme(viseme);
  }

  lookAt(x: number, y: number): void {
    this.animator.lookAt(x, y);
  }

  on(event: AvatarEvent, cb: () => void): () => void {
    return this.events.on(event, cb);
  }

  getMorphInfluences(): Record<string, number> {
    const pose = this.disposed ? this.stage.lastPose : this.animator.sample(performance.now());
    return { ...(pose?.morphs ?? {}) };
  }

  renderFrame(nowMs = performance.now()): FrameTiming {
    if (this.disposed) return { animMs: 0, drawMs: 0 };
    const t0 = performance.now();
    const pose = this.animator.sample(nowMs);
    const t1 = performance.now();
    this.stage.draw(pose);
    return { animMs: t1 - t0, drawMs: performance.now() - t1 };
  }

  redraw(): void {
    if (this.disposed) return;
    this.stage.draw(this.stage.lastPose ?? this.animator.sample(performance.now()));
  }

  dispose(): void {
    if (this.disposed) return;
    this.stopSpeaking();
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.stage.dispose();
    this.player?.close();
    this.events.clear();
  }

  private emit(event: AvatarEvent): void {
    this.events.emit(event);
  }

  private loop = (frameTime?: number): void => {
    if (this.disposed) return;
    this.stage.frame(frameTime, performance.now(), (now) => this.animator.sample(now));
    this.frame = requestAnimationFrame(this.loop);
  };
}

/** Creates the digital human inside `container` (which should have a size; the canvas fills it). */
export function createAvatar(container: HTMLElement, options: AvatarOptions = {}): Avatar {
  return new AvatarImpl(container, options);
}
