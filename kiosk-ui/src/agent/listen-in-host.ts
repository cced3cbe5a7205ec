// The agent's side of a listen-in: when the hub says a supervisor listens to this agent's call, this
// browser opens a second RTCPeerConnection to the supervisor's and sends it the customer's video and
// voice (the call's remote tracks) and the agent's own voice, in that m-line order. The supervisor
// sends nothing until they step in; then their voice comes back on the agent's-voice m-line, plays
// here, is mixed into what the customer hears (voice-mix.ts) and into the recording.
import type {
  ClientSignal,
  IceServer,
  IceTransportPolicy,
  ListenServerSignal,
  ServerSignal,
  SignalData,
} from '@branch/cloud-sync';
import { VoiceMix } from './voice-mix.ts';
import { iceSignal } from '../handoff/ice-signal.ts';

/** What the host needs of the call in progress (calls-view.ts holds it). */
export interface ListenCallAccess {
  ice(): { iceServers: IceServer[]; iceTransportPolicy?: IceTransportPolicy };
  /** The call's RTCPeerConnection with the kiosk. */
  pc(): RTCPeerConnection | null;
  /** The customer's video and voice as received. */
  customer(): MediaStream | null;
  /** The agent's camera and microphone. */
  agent(): MediaStream | null;
  /** A voice to add to the call's recording, if it is recorded. */
  record(voice: MediaStream): void;
  /** Tell the agent (the call panel's status line). */
  status(key: 'listening' | 'speaking' | 'left' | 'noVoice', name: string): void;
}

interface Listener {
  handoffId: string;
  name: string;
  pc: RTCPeerConnection;
  /** The supervisor's voice (silent until they step in) and the element the agent hears it from. */
  voice: MediaStream;
  player: HTMLAudioElement;
  speaking: boolean;
  pendingIce: RTCIceCandidateInit[];
}

type ListenMessage = Extract<ServerSignal, { t: ListenServerSignal['t'] }>;

export class ListenInHost {
  private readonly listeners = new Map<string, Listener>();
  private readonly mix: VoiceMix;

  constructor(
    private readonly send: (msg: ClientSignal) => void,
    private readonly call: ListenCallAccess,
  ) {
    this.mix = new VoiceMix(call.pc, call.agent);
  }

  /** The voices of supervisors who stepped in (a recorder started late adds them). */
  get speakingVoices(): MediaStream[] {
    return [...this.listeners.values()].filter((l) => l.speaking).map((l) => l.voice);
  }

  /** Handles a listen-in message for the agent; false for any other message. */
  handle(m: ServerSignal): boolean {
    switch (m.t) {
      case 'listen_start':
      case 'listen_step_in':
      case 'listen_end':
        void this.on(m).catch(() => undefined);
        return true;
      case 'listen_signal':
        void this.onSignal(m.from, m.data).catch(() => undefined);
        return true;
      default:
        return false;
    }
  }

  /** The call ended: every listen-in with it (the supervisors' consoles see the call leave the list). */
  closeAll(): void {
    for (const l of [...this.listeners.values()]) this.drop(l, false);
    void this.mix.stop();
  }

  private async on(m: ListenMessage): Promise<void> {
    if (m.t === 'listen_start') return this.start(m.handoffId, m.supervisor, m.supervisorName);
    if (m.t === 'listen_step_in') return this.stepIn(m.supervisor);
    if (m.t === 'listen_end') {
      const l = this.listeners.get(m.supervisor);
      if (l) this.drop(l, false);
    }
  }

  private async start(handoffId: string, supervisor: string, name: string): Promise<void> {
    const old = this.listeners.get(supervisor);
    if (old) this.drop(old, false);
    const customer = this.call.customer();
    if (!this.call.pc() || !customer) return this.send({ t: 'listen_end', handoffId, to: supervisor });
    const pc = new RTCPeerConnection({ ...this.call.ice() });
    const player = new Audio();
    player.autoplay = true;
    const l: Listener = {
      handoffId,
      name,
      pc,
      voice: new MediaStream(),
      player,
      speaking: false,
      pendingIce: [],
    };
    this.listeners.set(supervisor, l);
    const send = (data: SignalData): void =>
      this.send({ t: 'listen_signal', handoffId, to: supervisor, data });
    pc.onicecandidate = (ev) => {
      if (ev.candidate) send(iceSignal(ev.candidate));
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' && this.listeners.get(supervisor) === l) this.drop(l, true);
    };
    // Fixed order, read by the supervisor's side: customer video, customer voice, agent's voice.
    const [video] = customer.getVideoTracks();
    const [voice] = customer.getAudioTracks();
    pc.addTransceiver(video ?? 'video', { direction: 'sendonly' });
    pc.addTransceiver(voice ?? 'audio', { direction: 'sendonly' });
    const agent = this.call.agent()?.getAudioTracks()[0];
    const back = pc.addTransceiver(agent ?? 'audio', { direction: 'sendrecv' });
    // The supervisor's voice, silent until they step in; the agent hears it here.
    l.voice.addTrack(back.receiver.track);
    player.srcObject = l.voice;
    this.call.status('listening', name);
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    send({ kind: 'offer', sdp: offer.sdp ?? '' });
  }

  private async onSignal(supervisor: string, data: SignalData): Promise<void> {
    const l = this.listeners.get(supervisor);
    if (!l) return;
    if (data.kind === 'answer') {
      await l.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
      for (const ice of l.pendingIce.splice(0)) await l.pc.addIceCandidate(ice);
    } else if (data.kind === 'ice') {
      const ice = { candidate: data.candidate, sdpMid: data.sdpMid, sdpMLineIndex: data.sdpMLineIndex };
      if (l.pc.remoteDescription) await l.pc.addIceCandidate(ice);
      else l.pendingIce.push(ice);
    }
  }

  private async stepIn(supervisor: string): Promise<void> {
    const l = this.listeners.get(supervisor);
    if (!l || l.speaking) return;
    l.speaking = true;
    void l.player.play().catch(() => undefined);
    if (!(await this.mix.add(l.voice))) return this.call.status('noVoice', l.name);
    this.call.record(l.voice);
    this.call.status('speaking', l.name);
  }

  /** Closes one listen-in; `tell`: this side ended it, so the hub tells the supervisor (and the kiosk). */
  private drop(l: Listener, tell: boolean): void {
    const supervisor = [...this.listeners].find(([, v]) => v === l)?.[0];
    if (supervisor === undefined) return;
    this.listeners.delete(supervisor);
    if (tell) this.send({ t: 'listen_end', handoffId: l.handoffId, to: supervisor });
    void this.mix.remove(l.voice);
    l.player.srcObject = null;
    l.pc.close();
    this.call.status('left', l.name);
  }
}
