// The camera side of the emotion cues, on the page's main thread: opens the camera (only when asked,
// after consent), and pumps frames to the emotion workers, one in flight per worker, so two workers
// analyse alternate frames on two cores. Each frame is wrapped as a VideoFrame (no pixel copy on the main
// thread) and transferred (the page keeps no copy); the worker downscales it. The workers send back
// only each frame's scores, which one tracker here smooths into the stable cue. stop() ends the camera
// tracks and the workers: nothing of a frame outlives it.
import type { StableCue } from './cue-tracker.ts';
import { ScoreStream } from './score-stream.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface CameraFrameStats {
  frames: number;
  /** Main-thread ms spent per frame (grabbing, posting, handling the reply), summed. */
  mainMs: number;
  /** The worker's own ms per frame, summed. */
  workerMs: number;
  /** The part of workerMs spent reading and downscaling the frame, summed. */
  downscaleMs: number;
}

export interface EmotionCameraOptions {
  /** Where frames come from; the default opens the user-facing camera at 640x480. */
  openStream?: () => Promise<MediaStream>;
  /** A worker; the default is the bundled emotion worker. */
  createWorker?: () => Worker;
  /** Workers on alternate frames. Default 2 where the device has two cores or more, else 1. */
  workers?: number;
  /** Frames analysed per second at most, so spare workers never analyse a camera frame twice. Default 30. */
  maxFps?: number;
}

function defaultWorkerCount(): number {
  return (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2 ? 2 : 1;
}

export class EmotionCamera {
  private stream: MediaStream | null = null;
  private workers: Worker[] = [];
  private video: HTMLVideoElement | null = null;
  private running = false;
  private scores = new ScoreStream();
  /** When the last frame was sent (for the frame rate cap). */
  private sentAt = -Infinity;
  readonly stats: CameraFrameStats = { frames: 0, mainMs: 0, workerMs: 0, downscaleMs: 0 };

  constructor(
    private readonly onCue: (cue: StableCue) => void,
    private readonly opts: EmotionCameraOptions = {},
  ) {}

  get active(): boolean {
    return this.running;
  }

  /** How many workers analyse frames now (0 when stopped). */
  get workerCount(): number {
    return this.workers.length;
  }

  /** Opens the camera and the workers; resolves once the first frame can be analysed. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const open =
        this.opts.openStream ??
        (() =>
          navigator.mediaDevices.getUserMedia({
            audio: false,
            video: { width: 640, height: 480, facingMode: 'user' },
          }));
      const count = Math.max(1, Math.floor(this.opts.workers ?? defaultWorkerCount()));
      const started = Array.from({ length: count }, () => this.startWorker());
      // Every worker is kept (to be terminated by stop) even when another one fails to start.
      this.workers = started.map((s) => s.worker);
      const [stream] = await Promise.all([open(), ...started.map((s) => s.ready)]);
      this.stream = stream;
      this.scores = new ScoreStream();
      if (!this.running) throw new Error('camera stopped while starting');
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      this.video = video;
      this.pump();
    } catch (err) {
      this.stop();
      throw err;
    }
  }

  /** Ends the camera tracks and the workers at once. */
  stop(): void {
    this.running = false;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    this.video = null;
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  private startWorker(): { worker: Worker; ready: Promise<void> } {
    const worker =
      this.opts.createWorker?.() ??
      new Worker(new URL('./emotion-worker.ts', import.meta.url), { type: 'module', name: 'emotion' });
    const ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        if (ev.data.type === 'ready') resolve();
        else if (ev.data.type === 'error') reject(new Error(ev.data.message));
      };
      worker.onerror = (ev) => reject(new Error(ev.message || 'emotion worker failed to start'));
    });
    return { worker, ready };
  }

  /** One frame in flight per worker: a worker gets its next frame when it has answered its last. */
  private pump(): void {
    const video = this.video;
    if (!video) return;
    for (const worker of this.workers) {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const started = performance.now();
        if (ev.data.type === 'scores') this.apply(ev.data);
        this.stats.mainMs += performance.now() - started;
        this.next(worker, video);
      };
      this.next(worker, video);
    }
  }

  private apply(msg: FromWorker & { type: 'scores' }): void {
    this.stats.workerMs += msg.detectMs;
    this.stats.downscaleMs += msg.downscaleMs;
    const cue = this.scores.add(msg.scores, msg.at);
    if (cue) this.onCue(cue);
  }

  /** Sends the worker the current frame, or waits until the frame rate cap allows one. */
  private next(worker: Worker, video: HTMLVideoElement): void {
    if (!this.running || !this.workers.includes(worker)) return;
    const gapMs = 1000 / Math.max(1, this.opts.maxFps ?? 30);
    const wait = this.sentAt + gapMs - performance.now();
    if (wait > 0) {
      setTimeout(() => this.next(worker, video), wait);
      return;
    }
    this.send(worker, video);
  }

  private send(worker: Worker, video: HTMLVideoElement): void {
    const started = performance.now();
    this.sentAt = started;
    const frame = new VideoFrame(video, { timestamp: Math.round(started * 1000) });
    const msg: ToWorker = { type: 'frame', frame, at: started };
    worker.postMessage(msg, [frame]);
    this.stats.frames += 1;
    this.stats.mainMs += performance.now() - started;
  }
}
