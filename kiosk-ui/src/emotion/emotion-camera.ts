// The camera side of the emotion cues, on the page's main thread: opens the camera (only when asked,
// after consent), and pumps frames to the emotion worker, one in flight at a time, each wrapped as a
// VideoFrame (no pixel copy on the main thread) and transferred (the page keeps no copy); the worker
// downscales it. It gets back only the stable cue. stop() ends the camera tracks and the worker: nothing
// of a frame outlives it.
import type { StableCue } from './cue-tracker.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface CameraFrameStats {
  frames: number;
  /** Main-thread ms spent per frame (grabbing, posting, handling the reply), summed. */
  mainMs: number;
  /** The worker's own ms per frame, summed. */
  workerMs: number;
}

export interface EmotionCameraOptions {
  /** Where frames come from; the default opens the user-facing camera at 640x480. */
  openStream?: () => Promise<MediaStream>;
  /** The worker; the default is the bundled emotion worker. */
  createWorker?: () => Worker;
}

export class EmotionCamera {
  private stream: MediaStream | null = null;
  private worker: Worker | null = null;
  private video: HTMLVideoElement | null = null;
  private running = false;
  readonly stats: CameraFrameStats = { frames: 0, mainMs: 0, workerMs: 0 };

  constructor(
    private readonly onCue: (cue: StableCue) => void,
    private readonly opts: EmotionCameraOptions = {},
  ) {}

  get active(): boolean {
    return this.running;
  }

  /** Opens the camera and the worker; resolves once the first frame can be analysed. */
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
      const [stream, worker] = await Promise.all([open(), this.startWorker()]);
      this.stream = stream;
      this.worker = worker;
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

  /** Ends the camera tracks and the worker at once. */
  stop(): void {
    this.running = false;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    this.video = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private startWorker(): Promise<Worker> {
    const worker =
      this.opts.createWorker?.() ??
      new Worker(new URL('./emotion-worker.ts', import.meta.url), { type: 'module', name: 'emotion' });
    return new Promise((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        if (ev.data.type === 'ready') resolve(worker);
        else if (ev.data.type === 'error') reject(new Error(ev.data.message));
      };
      worker.onerror = (ev) => reject(new Error(ev.message || 'emotion worker failed to start'));
    });
  }

  /** One frame at a time: the next is grabbed when the worker has answered the last. */
  private pump(): void {
    const worker = this.worker;
    const video = this.video;
    if (!worker || !video) return;
    worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      const started = performance.now();
      if (ev.data.type === 'cue') {
        this.stats.workerMs += ev.data.detectMs;
        this.onCue(ev.data.cue);
      }
      this.stats.mainMs += performance.now() - started;
      if (this.running && this.worker === worker) this.send(worker, video);
    };
    this.send(worker, video);
  }

  private send(worker: Worker, video: HTMLVideoElement): void {
    const started = performance.now();
    if (!this.running || this.worker !== worker) return;
    const frame = new VideoFrame(video, { timestamp: Math.round(started * 1000) });
    const msg: ToWorker = { type: 'frame', frame, at: started };
    worker.postMessage(msg, [frame]);
    this.stats.frames += 1;
    this.stats.mainMs += performance.now() - started;
  }
}
