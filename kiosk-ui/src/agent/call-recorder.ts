// Records one call in the agent's browser, for the hub that records calls: the customer's video and
// both parties' audio (and a supervisor's who steps in: addVoice) mixed with WebAudio, as WebM (VP8/VP9 and Opus) cut into chunks every few
// seconds; each chunk goes to the hub as soon as it is made (one at a time, in order), so a browser
// that crashes loses only the last few seconds. Stopping uploads the last chunk, then finishes.

export interface RecordingSink {
  chunk(data: Blob): Promise<void>;
  finish(): Promise<void>;
}

export const RECORDING_CHUNK_MS = 2000;
const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm'];

/** The first WebM type this browser can record (with video or voice only), or null when none. */
export function recordingMimeType(
  video: boolean,
  supported: (type: string) => boolean = (type) => MediaRecorder.isTypeSupported(type),
): string | null {
  return (video ? VIDEO_TYPES : AUDIO_TYPES).find(supported) ?? null;
}

export class CallRecorder {
  private readonly audio = new AudioContext();
  private readonly mix: MediaStreamAudioDestinationNode;
  private readonly recorder: MediaRecorder;
  private uploads: Promise<void> = Promise.resolve();
  private readonly done: Promise<void>;
  failed: Error | null = null;

  /**
   * Starts at once; `customer` carries the customer's video and audio, `agent` the agent's microphone.
   * Without `video` (the customer's camera is gone) only the two voices are recorded.
   */
  constructor(
    customer: MediaStream,
    agent: MediaStream | null,
    format: { mimeType: string; video: boolean },
    sink: RecordingSink,
  ) {
    const mix = this.audio.createMediaStreamDestination();
    this.mix = mix;
    for (const s of [customer, agent]) if (s) this.addVoice(s);
    const video = format.video ? customer.getVideoTracks().slice(0, 1) : [];
    const tracks = [...video, ...mix.stream.getAudioTracks()];
    this.recorder = new MediaRecorder(new MediaStream(tracks), { mimeType: format.mimeType });
    this.recorder.ondataavailable = (ev) => {
      if (ev.data.size === 0) return;
      this.uploads = this.uploads.then(() =>
        sink.chunk(ev.data).catch((err: unknown) => {
          this.failed = err as Error;
        }),
      );
    };
    this.done = new Promise<void>((resolve) => {
      this.recorder.onstop = () => {
        // The last chunk's dataavailable comes before stop: it is queued already.
        this.uploads = this.uploads.then(() => sink.finish().catch(() => undefined));
        void this.uploads.then(resolve);
      };
    });
    this.recorder.start(RECORDING_CHUNK_MS);
  }

  /** One more voice in the recording from now on (a supervisor who stepped into the call). */
  addVoice(stream: MediaStream): void {
    if (stream.getAudioTracks().length > 0 && this.audio.state !== 'closed')
      this.audio.createMediaStreamSource(stream).connect(this.mix);
  }

  /** Ends the recording; resolves once the last chunk is uploaded and the recording finished. */
  stop(): Promise<void> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    return this.done.then(() => this.audio.close());
  }
}
