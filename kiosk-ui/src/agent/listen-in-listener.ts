// The supervisor's side of one listen-in: answers the agent's browser's offer receive-only (the
// customer's video and voice, the agent's voice) and plays them; nothing is captured or sent. Stepping
// in opens the microphone and puts it on the agent's-voice m-line with replaceTrack, no renegotiation.
import type { ClientSignal, IceServer, IceTransportPolicy, SignalData } from '@branch/cloud-sync';
import { iceSignal } from '../handoff/ice-signal.ts';

export interface ListenerMedia {
  /** The customer's video and voice. */
  customer: HTMLVideoElement;
  /** The agent's voice. */
  agent: HTMLAudioElement;
}

const STATS_EVERY_MS = 250;

export class ListenInListener {
  private pc: RTCPeerConnection | null = null;
  private pendingIce: RTCIceCandidateInit[] = [];
  private mic: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly handoffId: string,
    private readonly ice: { iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy },
    private readonly send: (msg: ClientSignal) => void,
    private readonly media: ListenerMedia,
    /** The connection failed or closed from the agent's side. */
    private readonly onGone: () => void,
  ) {}

  get speaking(): boolean {
    return this.mic !== null;
  }

  async signal(data: SignalData): Promise<void> {
    if (data.kind === 'offer') return this.answer(data.sdp);
    if (data.kind !== 'ice') return;
    const ice = { candidate: data.candidate, sdpMid: data.sdpMid, sdpMLineIndex: data.sdpMLineIndex };
    if (this.pc?.remoteDescription) await this.pc.addIceCandidate(ice);
    else this.pendingIce.push(ice);
  }

  private async answer(sdp: string): Promise<void> {
    this.pc?.close();
    const pc = new RTCPeerConnection({
      iceServers: this.ice.iceServers,
      iceTransportPolicy: this.ice.iceTransportPolicy ?? 'all',
    });
    this.pc = pc;
    pc.onicecandidate = (ev) => {
      if (ev.candidate) this.signalOut(iceSignal(ev.candidate));
    };
    pc.onconnectionstatechange = () => {
      if (this.pc === pc && (pc.connectionState === 'failed' || pc.connectionState === 'closed'))
        this.onGone();
    };
    await pc.setRemoteDescription({ type: 'offer', sdp });
    // The agent's order: customer video, customer voice, agent's voice.
    const [video, voice, agent] = pc.getTransceivers();
    if (!video || !voice || !agent) throw new Error('the listen-in offer lacks its three m-lines');
    video.direction = 'recvonly';
    voice.direction = 'recvonly';
    // Open for the supervisor's voice later, but with no track: nothing is sent while listening.
    agent.direction = 'sendrecv';
    this.media.customer.srcObject = new MediaStream([video.receiver.track, voice.receiver.track]);
    this.media.agent.srcObject = new MediaStream([agent.receiver.track]);
    for (const ice of this.pendingIce.splice(0)) await pc.addIceCandidate(ice).catch(() => undefined);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.signalOut({ kind: 'answer', sdp: answer.sdp ?? '' });
    this.watchFrames(pc);
  }

  /** Opens the microphone and sends it; throws when there is none (then nobody is told). */
  async openMicrophone(): Promise<void> {
    const agentLine = this.pc?.getTransceivers()[2];
    if (!agentLine) throw new Error('not connected to the call yet');
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
    const [track] = mic.getAudioTracks();
    await agentLine.sender.replaceTrack(track ?? null);
    this.mic = mic;
  }

  close(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = null;
    for (const t of this.mic?.getTracks() ?? []) t.stop();
    this.mic = null;
    const pc = this.pc;
    this.pc = null;
    pc?.close();
    this.media.customer.srcObject = null;
    this.media.agent.srcObject = null;
  }

  private signalOut(data: SignalData): void {
    this.send({ t: 'listen_signal', handoffId: this.handoffId, data });
  }

  /** The customer's decoded video frames (data-frames-decoded), as on the call's own video. */
  private watchFrames(pc: RTCPeerConnection): void {
    const video = this.media.customer;
    video.dataset.framesDecoded = '0';
    this.statsTimer = setInterval(() => {
      if (pc.connectionState === 'closed') return;
      void pc.getStats().then((reports) => {
        let frames = 0;
        for (const s of reports.values()) {
          const r = s as { type: string; kind?: string; framesDecoded?: number };
          if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0;
        }
        video.dataset.framesDecoded = String(frames);
      });
    }, STATS_EVERY_MS);
  }
}
