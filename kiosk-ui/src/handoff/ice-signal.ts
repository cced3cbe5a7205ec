// An ICE candidate of this end as the signalling message that carries it to the other end.
import type { SignalData } from '@branch/cloud-sync';

export function iceSignal(c: RTCIceCandidate): SignalData {
  return { kind: 'ice', candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex };
}
