// What the customer hears once a supervisor steps in: the agent's microphone and the supervisors'
// voices mixed with WebAudio into one track, swapped into the call's audio sender with replaceTrack
// (no renegotiation, the kiosk's side does not change). With no supervisor speaking any more, the
// agent's own microphone track goes back in and the mix is closed.
export class VoiceMix {
  private ctx: AudioContext | null = null;
  private dest: MediaStreamAudioDestinationNode | null = null;
  private readonly voices = new Map<MediaStream, MediaStreamAudioSourceNode>();
  /** The call's audio sender and the agent's own track it carried before the mix. */
  private sender: RTCRtpSender | null = null;
  private own: MediaStreamTrack | null = null;

  constructor(
    private readonly call: () => RTCPeerConnection | null,
    private readonly agentVoice: () => MediaStream | null,
  ) {}

  /** The mixed track once mixing, for tests and the status: null while the agent speaks alone. */
  get mixed(): MediaStreamTrack | null {
    return this.dest?.stream.getAudioTracks()[0] ?? null;
  }

  /**
   * Adds a supervisor's voice to what the customer hears; starts the mix on the first one. False when
   * the call sends no audio to the customer (then they cannot hear the supervisor either).
   */
  async add(voice: MediaStream): Promise<boolean> {
    if (this.voices.has(voice)) return true;
    if (!this.ctx && !(await this.start())) return false;
    const ctx = this.ctx as AudioContext;
    const source = ctx.createMediaStreamSource(voice);
    source.connect(this.dest as MediaStreamAudioDestinationNode);
    this.voices.set(voice, source);
    return true;
  }

  /** Takes a supervisor's voice out; the last one out puts the agent's own track back. */
  async remove(voice: MediaStream): Promise<void> {
    const source = this.voices.get(voice);
    if (!source) return;
    source.disconnect();
    this.voices.delete(voice);
    if (this.voices.size === 0) await this.stop();
  }

  async stop(): Promise<void> {
    const { sender, own, ctx } = this;
    this.ctx = null;
    this.dest = null;
    this.sender = null;
    this.voices.clear();
    if (sender && this.call()?.signalingState !== 'closed')
      await sender.replaceTrack(own).catch(() => undefined);
    await ctx?.close().catch(() => undefined);
  }

  private async start(): Promise<boolean> {
    const pc = this.call();
    // The call's audio m-line; it must send (an agent without a microphone has a receive-only one).
    const audio = pc?.getTransceivers().find((t) => t.receiver.track.kind === 'audio');
    const sender = audio && /send/.test(audio.currentDirection ?? audio.direction) ? audio.sender : null;
    if (!pc || !sender) return false;
    const ctx = new AudioContext();
    // The agent clicked in this page before (accept), so the context may run; resume to be sure.
    await ctx.resume().catch(() => undefined);
    const dest = ctx.createMediaStreamDestination();
    const agent = this.agentVoice();
    if (agent && agent.getAudioTracks().length > 0) ctx.createMediaStreamSource(agent).connect(dest);
    this.ctx = ctx;
    this.dest = dest;
    this.sender = sender;
    this.own = sender.track;
    const [track] = dest.stream.getAudioTracks();
    await sender.replaceTrack(track ?? null);
    return true;
  }
}
