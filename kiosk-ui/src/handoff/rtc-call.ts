// One WebRTC call, the same on the kiosk and in the console: local media with fallback (video and
// audio, then audio only, then none: text chat), negotiation over the signalling socket, and the
// decoded-frame count on the remote video element (data-frames-decoded; data-first-frame-at in
// performance.now() time, from requestVideoFrameCallback where the browser has it; data-route, the
// selected ICE candidate type), which the tests and the first-frame benchmark read.
import type { IceServer, IceTransportPolicy, MediaMode, SignalData } from '@branch/cloud-sync';

export interface RtcCallOptions {
  iceServers: IceServer[];
  /** 'relay': through the TURN server only (the hub's setting for networks with no direct path). */
  iceTransportPolicy?: IceTransportPolicy;
  send(data: SignalData): void;
  local: HTMLVideoElement;
  remote: HTMLVideoElement;
  /** Media failed or was never there: the call continues as text chat. */
  onMode(mode: MediaMode): void;
}

const STATS_EVERY_MS = 100;

export async function acquireMedia(): Promise<{ stream: MediaStream | null; mode: MediaMode }> {
  const md = navigator.mediaDevices;
  if (!md?.getUserMedia) return { stream: null, mode: 'text' };
  try {
    return { stream: await md.getUserMedia({ video: true, audio: true }), mode: 'video' };
  } catch {
    try {
      return { stream: await md.getUserMedia({ audio: true }), mode: 'audio' };
    } catch {
      return { stream: null, mode: 'text' };
    }
  }
}

export class RtcCall {
  readonly pc: RTCPeerConnection;
  mode: MediaMode = 'text';
  private stream: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private pendingIce: RTCIceCandidateInit[] = [];
  /** Set by prepare(): video and audio both ways, tracks swapped in later without renegotiation. */
  private transceivers: Partial<Record<'video' | 'audio', RTCRtpTransceiver>> = {};
  private attaching: Promise<MediaMode> | null = null;

  /** This end's camera and microphone (or less) once attached; null before or without media. */
  get localStream(): MediaStream | null {
    return this.stream;
  }

  constructor(private readonly o: RtcCallOptions) {
    this.pc = new RTCPeerConnection({
      iceServers: o.iceServers,
      iceTransportPolicy: o.iceTransportPolicy ?? 'all',
    });
    this.pc.onicecandidate = (ev) => {
      if (ev.candidate)
        o.send({
          kind: 'ice',
          candidate: ev.candidate.candidate,
          sdpMid: ev.candidate.sdpMid,
          sdpMLineIndex: ev.candidate.sdpMLineIndex,
        });
    };
    this.pc.ontrack = (ev) => {
      const [stream] = ev.streams;
      if (stream && o.remote.srcObject !== stream) o.remote.srcObject = stream;
    };
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === 'connected') o.remote.dataset.connectedAt = String(performance.now());
      if (this.pc.connectionState === 'failed') this.fallBack('text');
    };
    o.remote.dataset.framesDecoded = '0';
    delete o.remote.dataset.firstFrameAt;
    delete o.remote.dataset.connectedAt;
    delete o.remote.dataset.route;
    this.statsTimer = setInterval(() => void this.readStats(), STATS_EVERY_MS);
    // The first remote frame on screen, to the millisecond (the stats poll would add up to 100 ms).
    const remote = o.remote;
    remote.requestVideoFrameCallback?.((now) => {
      if (this.pc.connectionState !== 'closed') remote.dataset.firstFrameAt ??= String(now);
    });
  }

  /**
   * Video and audio both ways before this end has any media: the offer, ICE and DTLS can complete (and
   * the other end's video arrive) while the customer still reads the consent card; attachMedia then
   * only swaps the camera in with replaceTrack, so no renegotiation is needed. Nothing is captured here.
   */
  prepare(): void {
    if (this.transceivers.video) return;
    // One stream id for both tracks, so the other end gets them as one MediaStream in ontrack.
    const streams = [new MediaStream()];
    this.transceivers = {
      video: this.pc.addTransceiver('video', { direction: 'sendrecv', streams }),
      audio: this.pc.addTransceiver('audio', { direction: 'sendrecv', streams }),
    };
  }

  /** Opens camera and microphone (or less) and adds them to the call; once only. */
  attachMedia(): Promise<MediaMode> {
    this.attaching ??= this.openMedia();
    return this.attaching;
  }

  private async openMedia(): Promise<MediaMode> {
    const { stream, mode } = await acquireMedia();
    if (this.pc.signalingState === 'closed') {
      for (const track of stream?.getTracks() ?? []) track.stop();
      return 'text';
    }
    this.stream = stream;
    this.mode = mode;
    if (stream) {
      for (const track of stream.getTracks()) {
        const prepared = this.transceivers[track.kind as 'video' | 'audio'];
        if (prepared) await prepared.sender.replaceTrack(track);
        else this.pc.addTrack(track, stream);
      }
      this.o.local.srcObject = stream;
      this.o.local.muted = true;
    }
    // Receive video and audio even when this end sends none.
    if (!this.transceivers.video && !stream?.getVideoTracks().length)
      this.pc.addTransceiver('video', { direction: 'recvonly' });
    if (!this.transceivers.audio && !stream?.getAudioTracks().length)
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
    this.o.onMode(mode);
    return mode;
  }

  async offer(): Promise<void> {
    this.o.remote.dataset.offerAt = String(performance.now());
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    this.o.send({ kind: 'offer', sdp: offer.sdp ?? '' });
  }

  async signal(data: SignalData): Promise<void> {
    if (data.kind === 'offer') {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
      await this.flushIce();
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      this.o.send({ kind: 'answer', sdp: answer.sdp ?? '' });
    } else if (data.kind === 'answer') {
      await this.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
      await this.flushIce();
    } else {
      const ice = { candidate: data.candidate, sdpMid: data.sdpMid, sdpMLineIndex: data.sdpMLineIndex };
      if (this.pc.remoteDescription) await this.pc.addIceCandidate(ice);
      else this.pendingIce.push(ice);
    }
  }

  /** Drops to audio only (stops the camera) or to text (stops all media). */
  fallBack(mode: 'audio' | 'text'): void {
    if (this.mode === 'text' || this.mode === mode) return;
    for (const track of this.stream?.getTracks() ?? [])
      if (mode === 'text' || track.kind === 'video') track.stop();
    this.mode = mode;
    this.o.onMode(mode);
  }

  close(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.pc.close();
    this.o.local.srcObject = null;
    this.o.remote.srcObject = null;
  }

  private async flushIce(): Promise<void> {
    for (const ice of this.pendingIce.splice(0)) await this.pc.addIceCandidate(ice);
  }

  private async readStats(): Promise<void> {
    if (this.pc.connectionState === 'closed') return;
    let frames = 0;
    let pairId: string | undefined;
    const reports = await this.pc.getStats();
    for (const s of reports.values()) {
      const r = s as {
        type: string;
        kind?: string;
        framesDecoded?: number;
        selectedCandidatePairId?: string;
      };
      if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0;
      if (r.type === 'transport' && r.selectedCandidatePairId) pairId = r.selectedCandidatePairId;
    }
    // How the media goes: 'host' (direct), 'srflx' (through NAT), 'relay' (through the TURN server).
    const pair = pairId ? (reports.get(pairId) as { localCandidateId?: string } | undefined) : undefined;
    const local = pair?.localCandidateId ? reports.get(pair.localCandidateId) : undefined;
    const route = (local as { candidateType?: string } | undefined)?.candidateType;
    if (route) this.o.remote.dataset.route = route;
    this.o.remote.dataset.framesDecoded = String(frames);
    if (frames > 0 && this.o.remote.dataset.firstFrameAt === undefined)
      this.o.remote.dataset.firstFrameAt = String(performance.now());
  }
}
