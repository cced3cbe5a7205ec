// What the photo pages give (the landmarker's reading of each photo, the peer's top emotion) and the
// answers (family, no cue, no face) the kiosk's model and the peer make of them.
import { ourAnswer, type Answer } from '../src/emotion/cue-evaluation.ts';
import { familyOfLabel, type FaceReading } from '../src/emotion/cue-model.ts';

export interface PhotoReading {
  file: string;
  label: string;
  face: FaceReading | null;
}

export interface PeerPhoto {
  file: string;
  label: string;
  emotion: string | null;
}

/** The kiosk's answers (family, no cue, no face) on photos. */
export function ourAnswers(readings: PhotoReading[]): Answer[] {
  return readings.map((r) => ({ file: r.file, label: r.label, family: ourAnswer(r.face) }));
}

/** The peer's answers: its top emotion (anger, disgust, fear, happy, ... in its words) as a family. */
export function peerAnswers(photos: PeerPhoto[]): Answer[] {
  return photos.map((p) => ({
    file: p.file,
    label: p.label,
    family: p.emotion ? familyOfLabel(p.emotion) : 'no-face',
  }));
}
